package io.teaflow.components;

import io.teaflow.runtime.Actor;
import io.teaflow.runtime.ActorContext;
import java.util.List;

/** {@code core/Drop}: discards every packet. */
public final class Drop implements Actor {
    @Override
    public List<String> inports() {
        return Ports.IN;
    }

    @Override
    public List<String> outports() {
        return Ports.NONE;
    }

    @Override
    public void run(ActorContext context) {
        // Discarding is the whole job.
    }
}
