package io.teaflow.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** Small actors for tests, declared inline with their ports and behaviour. */
final class TestActors {
    private TestActors() {
    }

    static ActorFactory actor(List<String> inports, List<String> outports, Consumer<ActorContext> body) {
        return () -> new AbstractActor(inports, outports) {
            @Override
            public void run(ActorContext context) {
                body.accept(context);
            }
        };
    }

    /** An actor with bounded inports ({@code capacities}) and, if {@code joins}, one run per complete set. */
    static ActorFactory actor(List<String> inports, List<String> outports, java.util.Map<String, Integer> capacities,
            boolean joins, Consumer<ActorContext> body) {
        return () -> new AbstractActor(inports, outports, capacities, joins) {
            @Override
            public void run(ActorContext context) {
                body.accept(context);
            }
        };
    }

    /** An actor that records every packet it receives, as "port:value". */
    static ActorFactory recorder(List<String> log, String... inports) {
        return actor(List.of(inports), List.of(), ctx -> log.add(ctx.port() + ":" + ctx.packet()));
    }

    static List<String> log() {
        return new ArrayList<>();
    }
}
