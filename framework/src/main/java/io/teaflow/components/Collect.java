package io.teaflow.components;

import io.teaflow.runtime.AbstractActor;
import io.teaflow.runtime.ActorContext;

/**
 * {@code core/Collect}: pushes each packet onto the array in state {@code items}, always the same
 * array object (one the page put there, or one created on the first packet).
 */
public final class Collect extends AbstractActor {
    /** A new actor, as the network makes one per {@code core/Collect} node: inport {@code in}, no outport. */
    public Collect() {
        super(Ports.IN, Ports.NONE);
    }

    @Override
    public void run(ActorContext context) {
        context.state().append("items", context.packet());
    }
}
