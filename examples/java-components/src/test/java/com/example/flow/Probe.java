package com.example.flow;

import io.teaflow.runtime.AbstractActor;
import io.teaflow.runtime.ActorContext;
import io.teaflow.runtime.Network;
import io.teaflow.runtime.NetworkEvent;
import java.util.ArrayList;
import java.util.List;

/** A test actor that keeps every packet it gets, and the error events of a network. */
final class Probe extends AbstractActor {
    final List<Object> packets = new ArrayList<>();

    Probe() {
        super(List.of("in"), List.of());
    }

    @Override
    public void run(ActorContext context) {
        packets.add(context.packet());
    }

    /** A new probe registered in {@code net} as component {@code name}, for one node. */
    static Probe in(Network net, String name) {
        Probe probe = new Probe();
        net.registerActor(name, () -> probe);
        return probe;
    }

    /** The error events of {@code net} from now on, as "node: message". */
    static List<String> errors(Network net) {
        List<String> errors = new ArrayList<>();
        net.on("error", (NetworkEvent event) -> errors.add(event.node + ": " + event.message));
        return errors;
    }
}
