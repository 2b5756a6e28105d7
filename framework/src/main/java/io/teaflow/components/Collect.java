package io.teaflow.components;

import io.teaflow.runtime.Actor;
import io.teaflow.runtime.ActorContext;
import java.util.List;

/**
 * {@code core/Collect}: pushes each packet onto the array in state {@code items}, always the same
 * array object (one the page put there, or one created on the first packet).
 */
public final class Collect implements Actor {
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
        context.state().append("items", context.packet());
    }
}
