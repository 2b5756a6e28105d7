package io.teaflow.runtime;

import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** An actor whose ports are fixed when it is made; subclasses only write {@link #run}. */
public abstract class AbstractActor implements Actor {
    private final List<String> inports;
    private final List<String> outports;
    private final Map<String, Integer> capacities;
    private final boolean joins;

    /**
     * An actor with unbounded inports that runs once per packet.
     *
     * @param inports the inport names, in order; copied
     * @param outports the outport names, in order; copied
     * @throws NullPointerException when a list or one of its names is null
     */
    protected AbstractActor(List<String> inports, List<String> outports) {
        this(inports, outports, Collections.emptyMap(), false);
    }

    /**
     * With bounded inports ({@code capacities}, port → capacity) and, if {@code joins}, one run per complete set.
     *
     * @param inports the inport names, in order; copied
     * @param outports the outport names, in order; copied
     * @param capacities inport name to its capacity (see {@link Actor#capacity}); an inport not in the
     *        map is unbounded; copied
     * @param joins true to run once per complete set of one packet on every inport (see
     *        {@link Actor#awaitsAllInports()})
     * @throws NullPointerException when a list, one of its names or {@code capacities} is null
     */
    protected AbstractActor(List<String> inports, List<String> outports, Map<String, Integer> capacities,
            boolean joins) {
        this.inports = PortNames.of(inports);
        this.outports = PortNames.of(outports);
        // A HashMap, not Map.copyOf: TeaVM's wasm class library divides by zero looking up an empty Map.of().
        // None at all without capacities: most actors have none, and a network of many made one map each.
        this.capacities = capacities.isEmpty() ? null : new HashMap<>(capacities);
        this.joins = joins;
    }

    @Override
    public final List<String> inports() {
        return inports;
    }

    @Override
    public final List<String> outports() {
        return outports;
    }

    @Override
    public final int capacity(String inport) {
        Integer capacity = capacities == null ? null : capacities.get(inport);
        return capacity == null ? 0 : capacity;
    }

    @Override
    public final boolean awaitsAllInports() {
        return joins;
    }
}
