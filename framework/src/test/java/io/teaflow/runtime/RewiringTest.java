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
    void removingAConnectionStillDeliversWhatWasSentOnIt() {
        net.addNode("r", "core/Repeat", null).addNode("s", "Slow", null).addConnection("r", "out", "s", "in");
        net.start();
        net.send("r", "in", 1);
        net.send("r", "in", 2);
        net.send("r", "in", 3);
        net.send("s", "in", "outside");
        net.removeConnection("r", "out", "s", "in");
        assertEquals(List.of(), errors, "a sent packet belongs to the receiver: nothing is lost");
        while (pending.size() < 4) {
            pending.get(pending.size() - 1).complete();
        }
        assertEquals(List.of(1, 2, 3, "outside"), seen, "packets sent before the removal arrive, in order");
        net.send("r", "in", 4);
        assertEquals(List.of(1, 2, 3, "outside"), seen, "nothing travels on the removed connection");
    }

    @Test
    void aSenderRemovedWhileItsPacketsWaitHasThemDeliveredAnyway() {
        // k sends 1 and 2, then removes itself while handling 3 (issue 9: delivery must not depend
        // on whether the page sent 1..6 in one burst or one at a time).
        List<Object> received = new ArrayList<>();
        net.registerActor("Quitter", actor(List.of("in"), List.of("out"), ctx -> {
            Object n = ctx.packet();
            if (Double.valueOf(3).equals(n)) {
                net.removeNode(ctx.node());
            } else {
                ctx.send("out", n);
            }
        }));
        net.registerActor("Sink", actor(List.of("in"), List.of(), ctx -> received.add(ctx.packet())));
        // A burst: the feeder's six sends wait in k's inbox together, so k handles 1, 2 and 3 in one turn.
        net.registerActor("Feeder", actor(List.of("in"), List.of("out"), ctx -> {
            for (double n = 1; n <= 6; n++) {
                ctx.send("out", n);
            }
        }));
        net.addNode("f", "Feeder", null).addNode("k", "Quitter", null).addNode("s", "Sink", null)
                .addConnection("f", "out", "k", "in").addConnection("k", "out", "s", "in");
        net.start();
        net.send("f", "in", "go");
        assertEquals(List.of(1.0, 2.0), received, "what k sent before it went arrives");
        assertEquals(1, errors.size(), "one report: the packets still waiting for the removed k");
        assertEquals(List.of(4.0, 5.0, 6.0), errors.get(0).lost);
    }

    @Test
    void aSendFromARemovedNodeFailsLoudly() {
        List<ActorContext> contexts = new ArrayList<>();
        net.registerActor("Keeper", actor(List.of("in"), List.of("out"), contexts::add));
        net.addNode("k", "Keeper", null).addNode("c", "core/Counter", null).addConnection("k", "out", "c", "in");
        net.start();
        net.send("k", "in", 1);
        net.removeNode("k");
        TeaflowException e = assertThrows(TeaflowException.class, () -> contexts.get(0).send("out", 2));
        assertTrue(e.getMessage().contains("'k'") && e.getMessage().contains("removed"), e.getMessage());
        assertThrows(TeaflowException.class, () -> contexts.get(0).send(0, 2));
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
