package com.example.flow;

import io.teaflow.runtime.AbstractActor;
import io.teaflow.runtime.ActorContext;
import io.teaflow.runtime.ActorState;
import java.util.List;

/**
 * {@code flow/RateLimit}: passes at most {@code limit} packets per window from inport {@code in} to
 * {@code out}, and the rest to {@code dropped}; every packet leaves as the very value that came in.
 * A packet on inport {@code tick} (any value: a timer in the page, say) starts the next window.
 *
 * <p>State: {@code limit} (default 3, read on every packet so the page may change it; a packet on
 * inport {@code limit} sets it too; a whole number from 1 to 1000000), {@code passed} (packets
 * passed in this window), {@code dropped} (packets dropped in all), {@code windows} (ticks seen).
 */
public final class RateLimit extends AbstractActor {
    static final String NAME = "flow/RateLimit";
    static final int MAX_LIMIT = 1_000_000;
    static final int DEFAULT_LIMIT = 3;

    public RateLimit() {
        super(List.of("in", "tick", "limit"), List.of("out", "dropped"));
    }

    @Override
    public void created(ActorState state) {
        state.setNumber("limit", DEFAULT_LIMIT);
        state.setNumber("passed", 0);
        state.setNumber("dropped", 0);
        state.setNumber("windows", 0);
    }

    @Override
    public void run(ActorContext context) {
        ActorState state = context.state();
        switch (context.port()) {
            case "tick" -> {
                state.setNumber("windows", state.getNumber("windows", 0) + 1);
                state.setNumber("passed", 0);
            }
            case "limit" -> state.setNumber("limit",
                    PacketChecks.count(PacketChecks.number(context.packet(), NAME, "limit"), NAME, "limit", MAX_LIMIT));
            default -> {
                int limit = PacketChecks.count(state.getNumber("limit", DEFAULT_LIMIT), NAME, "state 'limit'", MAX_LIMIT);
                double passed = state.getNumber("passed", 0);
                if (passed < limit) {
                    state.setNumber("passed", passed + 1);
                    context.send("out", context.packet());
                } else {
                    state.setNumber("dropped", state.getNumber("dropped", 0) + 1);
                    context.send("dropped", context.packet());
                }
            }
        }
    }
}
