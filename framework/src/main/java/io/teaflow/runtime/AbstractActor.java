package io.teaflow.runtime;

import java.util.List;

/** An actor whose ports are fixed when it is made; subclasses only write {@link #run}. */
public abstract class AbstractActor implements Actor {
    private final List<String> inports;
    private final List<String> outports;

    protected AbstractActor(List<String> inports, List<String> outports) {
        this.inports = List.copyOf(inports);
        this.outports = List.copyOf(outports);
    }

    @Override
    public final List<String> inports() {
        return inports;
    }

    @Override
    public final List<String> outports() {
        return outports;
    }
}
