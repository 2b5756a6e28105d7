package io.teaflow.runtime;

import io.teaflow.runtime.spi.LiveMemoryState;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/** Snapshots of every node's state, and putting them back (see {@link Network#snapshotStates}). */
final class StateSnapshots {
    private StateSnapshots() {
    }

    /** Node id → a deep, JSON-safe copy of its entries. */
    static Map<String, Object> take(Wiring wiring, boolean skipUnserializable) {
        Map<String, Object> states = new LinkedHashMap<>();
        for (Composite composite : wiring.composites.values()) {
            states.put(composite.id, composite.state.snapshot(skipUnserializable));
        }
        for (Node node : wiring.nodes.values()) {
            states.put(node.id, node.state.snapshot(skipUnserializable));
        }
        return states;
    }

    /** Checks every state first, then restores them all into the same state objects; all or nothing. */
    static void restore(Map<String, Object> states, Function<String, LiveMemoryState> stateOf) {
        if (states == null) {
            throw new TeaflowTypeException("restore(null): expected the states of a snapshot");
        }
        Map<LiveMemoryState, Map<String, Object>> prepared = new LinkedHashMap<>();
        for (Map.Entry<String, Object> entry : states.entrySet()) {
            LiveMemoryState state;
            try {
                state = stateOf.apply(entry.getKey());
            } catch (TeaflowException e) {
                throw new TeaflowException("restore(): no node '" + entry.getKey() + "' in this network");
            }
            prepared.put(state, state.prepareRestore(entry.getValue()));
        }
        for (Map.Entry<LiveMemoryState, Map<String, Object>> entry : prepared.entrySet()) {
            entry.getKey().restore(entry.getValue());
        }
    }
}
