package io.teaflow.runtime;

import static io.teaflow.runtime.TestActors.actor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Adding and removing nodes and connections on a running network. */
class RewiringTest {
    private final Network net = new Network();
    private final List<Completion> pending = new ArrayList<>();
    private final List<Object> seen = new ArrayList<>();
    private final List<NetworkEvent> errors = new ArrayList<>();

    RewiringTest() {
        net.registerActor("Slow", actor(List.of("in"), List.of("out"), ctx -> {
            seen.add(ctx.packet());
            pending.add(ctx.async());
        }));
        net.on("error", errors::add);
    }

    @Test
    void removingAConnectionReportsItsPacketsInFlight() {
        net.addNode("r", "core/Repeat", null).addNode("s", "Slow", null).addConnection("r", "out", "s", "in");
        net.start();
        net.send("r", "in", 1);
        net.send("r", "in", 2);
        net.send("r", "in", 3);
        net.send("s", "in", "outside");
        net.removeConnection("r", "out", "s", "in");
        assertEquals(1, errors.size());
        assertEquals(List.of(2, 3), errors.get(0).lost, "packets 2 and 3 were waiting on the removed connection");
        assertTrue(errors.get(0).message.contains("r.out -> s.in"), errors.get(0).message);
        pending.get(0).complete();
        assertEquals(List.of(1, "outside"), seen, "the packet from outside still arrives");
        net.send("r", "in", 4);
        assertEquals(List.of(1, "outside"), seen, "nothing travels on the removed connection");
    }

    @Test
    void removingANodeReleasesItAndReportsWhatWaitedForIt() {
        net.addNode("r", "core/Repeat", null).addNode("s", "Slow", null).addConnection("r", "out", "s", "in");
        net.start();
        net.send("r", "in", 1);
        net.send("r", "in", 2);
        net.removeNode("s");
        assertEquals(1, errors.size());
        assertEquals(List.of(2), errors.get(0).lost);
        assertThrows(TeaflowException.class, () -> net.state("s"));
        pending.get(0).complete(); // the forgotten run ends: nothing happens
        assertTrue(net.isIdle());
        net.send("r", "in", 3); // r's outport now leads nowhere
        assertEquals(List.of(1), seen);
        net.addNode("s", "core/Counter", null).addConnection("r", "out", "s", "in");
        net.send("r", "in", 4);
        assertEquals(1.0, net.state("s").getNumber("count", 0), "a new node may take the old id");
    }

    @Test
    void removingUnknownThingsIsAnErrorNamingThem() {
        net.addNode("a", "core/Repeat", null).addNode("b", "core/Drop", null);
        TeaflowException e = assertThrows(TeaflowException.class, () -> net.removeNode("zz"));
        assertTrue(e.getMessage().contains("'zz'"), e.getMessage());
        e = assertThrows(TeaflowException.class, () -> net.removeConnection("a", "out", "b", "in"));
        assertTrue(e.getMessage().contains("no such connection"), e.getMessage());
    }

    @Test
    void removingASlowTargetResumesAPausedSender() {
        net.registerActor("Bounded", actor(List.of("in"), List.of(), java.util.Map.of("in", 1), false,
                ctx -> pending.add(ctx.async())));
        net.addNode("r", "core/Repeat", null).addNode("b", "Bounded", null).addNode("c", "core/Counter", null)
                .addConnection("r", "out", "b", "in").addConnection("r", "out", "c", "in");
        net.start();
        for (int i = 0; i < 5; i++) {
            net.send("r", "in", i);
        }
        assertEquals(2.0, net.state("c").getNumber("count", 0), "r paused by b's full inport");
        net.removeNode("b");
        assertEquals(5.0, net.state("c").getNumber("count", 0), "r runs on once b is gone");
        assertEquals(List.of(1), errorsLost(), "packet 1 waited in b's inport and is reported");
    }

    private List<Object> errorsLost() {
        List<Object> lost = new ArrayList<>();
        for (NetworkEvent e : errors) {
            lost.addAll(e.lost);
        }
        return lost;
    }
}
