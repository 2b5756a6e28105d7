package io.teaflow.components;

import io.teaflow.runtime.AbstractActor;
import io.teaflow.runtime.ActorContext;

/** {@code core/Drop}: discards every packet. */
public final class Drop extends AbstractActor {
    public Drop() {
        super(Ports.IN, Ports.NONE);
    }

    @Override
    public void run(ActorContext context) {
        // Discarding is the whole job.
    }
}
