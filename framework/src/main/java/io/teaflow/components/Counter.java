package io.teaflow.components;

import io.teaflow.runtime.Actor;
import io.teaflow.runtime.ActorContext;
import io.teaflow.runtime.ActorState;
import java.util.List;

/**
 * {@code core/Counter}: for each packet adds state {@code step} (default 1) to state
 * {@code count} (default 0) and sends the new count. Both live in the node's shared state, so
 * the page can change the step or reset the count between packets.
 */
public final class Counter implements Actor {
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
        ActorState state = context.state();
        double count = state.getNumber("count", 0) + state.getNumber("step", 1);
        state.setNumber("count", count);
        context.send("out", count);
    }
}
