package io.teaflow.components;

import io.teaflow.runtime.AbstractActor;
import io.teaflow.runtime.ActorContext;
import io.teaflow.runtime.ActorState;
import io.teaflow.runtime.TeaflowTypeException;

/** {@code core/Accumulate}: adds each numeric packet to state {@code total} and sends the total. */
public final class Accumulate extends AbstractActor {
    /**
     * A new actor, as the network makes one per {@code core/Accumulate} node: inport {@code in},
     * outport {@code out}.
     */
    public Accumulate() {
        super(Ports.IN, Ports.OUT);
    }

    @Override
    public void run(ActorContext context) {
        Object packet = context.packet();
        if (!(packet instanceof Number)) {
            throw new TeaflowTypeException("core/Accumulate node '" + context.node() + "' takes numbers, got "
                    + (packet == null ? "null" : packet instanceof String ? "the string '" + packet + "'"
                    : "a non-number"));
        }
        ActorState state = context.state();
        double total = state.getNumber("total", 0) + ((Number) packet).doubleValue();
        state.setNumber("total", total);
        context.send("out", total);
    }
}
