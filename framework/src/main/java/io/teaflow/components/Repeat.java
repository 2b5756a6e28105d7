package io.teaflow.components;

import io.teaflow.runtime.AbstractActor;
import io.teaflow.runtime.ActorContext;

/** {@code core/Repeat}: sends each packet on unchanged (the same object). */
public final class Repeat extends AbstractActor {
    public Repeat() {
        super(Ports.IN, Ports.OUT);
    }

    @Override
    public void run(ActorContext context) {
        context.send("out", context.packet());
    }
}
