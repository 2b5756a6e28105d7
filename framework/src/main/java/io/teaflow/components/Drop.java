package io.teaflow.components;

import io.teaflow.runtime.AbstractActor;
import io.teaflow.runtime.ActorContext;

/** {@code core/Drop}: discards every packet. */
public final class Drop extends AbstractActor {
    /** A new actor, as the network makes one per {@code core/Drop} node: inport {@code in}, no outport. */
    public Drop() {
        super(Ports.IN, Ports.NONE);
    }

    @Override
    public void run(ActorContext context) {
        // Discarding is the whole job.
    }
}
