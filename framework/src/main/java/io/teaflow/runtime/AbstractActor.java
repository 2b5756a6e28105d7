package io.teaflow.runtime;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** An actor whose ports are fixed when it is made; subclasses only write {@link #run}. */
public abstract class AbstractActor implements Actor {
    private final List<String> inports;
    private final List<String> outports;
    private final Map<String, Integer> capacities;
    private final boolean joins;

    protected AbstractActor(List<String> inports, List<String> outports) {
        this(inports, outports, new HashMap<>(), false);
    }

    /** With bounded inports ({@code capacities}, port → capacity) and, if {@code joins}, one run per complete set. */
    protected AbstractActor(List<String> inports, List<String> outports, Map<String, Integer> capacities,
            boolean joins) {
        this.inports = List.copyOf(inports);
        this.outports = List.copyOf(outports);
        // A HashMap, not Map.copyOf: TeaVM's wasm class library divides by zero looking up an empty Map.of().
        this.capacities = new HashMap<>(capacities);
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
        Integer capacity = capacities.get(inport);
        return capacity == null ? 0 : capacity;
    }

    @Override
    public final boolean awaitsAllInports() {
        return joins;
    }
}
