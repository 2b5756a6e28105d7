package io.teaflow.components;

import io.teaflow.runtime.Actor;
import io.teaflow.runtime.ActorContext;
import java.util.List;

/** {@code core/Repeat}: sends each packet on unchanged (the same object). */
public final class Repeat implements Actor {
    @Override
    public List<String> inports() {
        return Ports.IN;
    }

    @Override
    public List<String> outports() {
        return Ports.OUT;
    }

    @Override
    public void run(ActorContext context) {
        context.send("out", context.packet());
    }
}
