package io.teaflow.runtime;

import io.teaflow.graph.ExportedPort;
import io.teaflow.graph.Graph;
import io.teaflow.runtime.spi.LiveMemoryState;
import java.util.ArrayList;
import java.util.List;

/**
 * A node whose component is a registered graph (a subgraph). It has no actor of its own: its
 * processes become nodes of the same network, named {@code id/process}, and its exported ports
 * lead to theirs. It has its own state, like every node.
 */
final class Composite {
    final String id;
    final String component;
    final Graph graph;
    final LiveMemoryState state;
    /** The ids of the nodes made for its processes (nested subgraphs included), in creation order. */
    final List<String> members = new ArrayList<>();

    Composite(String id, String component, Graph graph, LiveMemoryState state) {
        this.id = id;
        this.component = component;
        this.graph = graph;
        this.state = state;
    }

    /** The id of the node made for {@code process}. */
    String member(String process) {
        return id + "/" + process;
    }

    /**
     * The exported inport named {@code port}: by this graph's own case rule, or ignoring case if the
     * name comes from a graph (or network) that is not case-sensitive ({@code exactCase} false).
     */
    ExportedPort inport(String port, boolean exactCase) {
        ExportedPort exported = find(graph.inports(), graph.inport(port), port, exactCase);
        if (exported == null) {
            throw new TeaflowException("node '" + id + "' (graph " + component + ") has no inport '" + port
                    + "' (inports: " + names(graph.inports().keySet()) + ")");
        }
        return exported;
    }

    ExportedPort outport(String port, boolean exactCase) {
        ExportedPort exported = find(graph.outports(), graph.outport(port), port, exactCase);
        if (exported == null) {
            throw new TeaflowException("node '" + id + "' (graph " + component + ") has no outport '" + port
                    + "' (outports: " + names(graph.outports().keySet()) + ")");
        }
        return exported;
    }

    private static ExportedPort find(java.util.Map<String, ExportedPort> ports, ExportedPort byOwnRule, String port,
            boolean exactCase) {
        if (byOwnRule != null || exactCase || port == null) {
            return byOwnRule;
        }
        for (ExportedPort candidate : ports.values()) {
            if (candidate.name().equalsIgnoreCase(port)) {
                return candidate;
            }
        }
        return null;
    }

    private static String names(java.util.Collection<String> names) {
        return names.isEmpty() ? "none" : String.join(", ", names);
    }
}
