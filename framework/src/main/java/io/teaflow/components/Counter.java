package io.teaflow.components;

import io.teaflow.runtime.AbstractActor;
import io.teaflow.runtime.ActorContext;
import io.teaflow.runtime.ActorState;

/**
 * {@code core/Counter}: for each packet adds state {@code step} (default 1) to state
 * {@code count} (default 0) and sends the new count. Both live in the node's shared state, so
 * the page can change the step or reset the count between packets.
 */
public final class Counter extends AbstractActor {
    /** A new actor, as the network makes one per {@code core/Counter} node: inport {@code in}, outport {@code out}. */
    public Counter() {
        super(Ports.IN, Ports.OUT);
    }

    @Override
    public void run(ActorContext context) {
        ActorState state = context.state();
        double count = state.getNumber("count", 0) + state.getNumber("step", 1);
        state.setNumber("count", count);
        context.send("out", count);
    }
}
