package io.teaflow.runtime;

import static io.teaflow.runtime.TestActors.actor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Bounded inports with back-pressure, and joining actors. */
class PortsTest {

    @Test
    void aFullInportPausesItsSenderAndNothingIsDroppedOrReordered() {
        Network net = new Network();
        List<Completion> slow = new ArrayList<>();
        List<Object> seen = new ArrayList<>();
        int[] sourceRuns = {0};
        net.registerActor("Source", actor(List.of("in"), List.of("out"), ctx -> {
            sourceRuns[0]++;
            ctx.send("out", ctx.packet());
        }));
        net.registerActor("Slow", actor(List.of("in"), List.of(), Map.of("in", 2), false, ctx -> {
            seen.add(ctx.packet());
            slow.add(ctx.async());
        }));
        net.addNode("src", "Source", null).addNode("slow", "Slow", null).addConnection("src", "out", "slow", "in");
        net.start();
        for (int i = 0; i < 10; i++) {
            net.send("src", "in", i);
        }
        // slow took packet 0 and is pending; its inport holds 1 and 2 (capacity 2): src is paused.
        assertEquals(List.of(0), seen);
        assertEquals(3, sourceRuns[0], "the source stops once the inport is full");
        for (int i = 0; slow.size() > i; i++) {
            slow.get(i).complete();
        }
        assertEquals(List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9), seen);
        assertEquals(10, sourceRuns[0]);
        assertTrue(net.isIdle());
    }

    @Test
    void aJoiningActorRunsOncePerCompleteSetInFifoOrderPerPort() {
        Network net = new Network();
        List<String> runs = new ArrayList<>();
        net.registerActor("Join", actor(List.of("a", "b"), List.of(), Map.of(), true,
                ctx -> runs.add(ctx.packet("a") + "+" + ctx.packet("b"))));
        net.addNode("j", "Join", null);
        net.start();
        net.send("j", "a", "a1");
        net.send("j", "a", "a2");
        assertEquals(List.of(), runs, "no run before every inport has a packet");
        net.send("j", "b", "b1");
        assertEquals(List.of("a1+b1"), runs);
        net.send("j", "b", "b2");
        net.send("j", "b", "b3");
        assertEquals(List.of("a1+b1", "a2+b2"), runs);
        net.send("j", "a", "a3");
        assertEquals(List.of("a1+b1", "a2+b2", "a3+b3"), runs);
    }

    @Test
    void negativeCapacitiesAreRejectedNamingThePort() {
        Network net = new Network();
        net.registerActor("Bad", actor(List.of("in"), List.of(), Map.of("in", -1), false, ctx -> { }));
        TeaflowException e = org.junit.jupiter.api.Assertions.assertThrows(TeaflowException.class,
                () -> net.addNode("b", "Bad", null));
        assertTrue(e.getMessage().contains("'in'") && e.getMessage().contains("-1"), e.getMessage());
    }
}
