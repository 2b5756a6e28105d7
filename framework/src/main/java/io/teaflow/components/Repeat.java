package io.teaflow.components;

import io.teaflow.runtime.AbstractActor;
import io.teaflow.runtime.ActorContext;

/** {@code core/Repeat}: sends each packet on unchanged (the same object). */
public final class Repeat extends AbstractActor {
    /** A new actor, as the network makes one per {@code core/Repeat} node: inport {@code in}, outport {@code out}. */
    public Repeat() {
        super(Ports.IN, Ports.OUT);
    }

    @Override
    public void run(ActorContext context) {
        context.send("out", context.packet());
    }
}
