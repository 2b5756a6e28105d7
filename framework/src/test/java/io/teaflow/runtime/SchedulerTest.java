package io.teaflow.runtime;

import static io.teaflow.runtime.TestActors.actor;
import static io.teaflow.runtime.TestActors.recorder;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.teaflow.runtime.spi.Host;
import io.teaflow.runtime.spi.StateStorage;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SchedulerTest {

    @Test
    void cycleOfAHundredThousandHopsDoesNotGrowTheStack() {
        Network net = new Network();
        int[] deepest = {0};
        net.registerActor("Loop", actor(List.of("in"), List.of("out"), ctx -> {
            double n = (Double) ctx.packet();
            if (n % 1000 == 0) {
                deepest[0] = Math.max(deepest[0], Thread.currentThread().getStackTrace().length);
            }
            ctx.state().setNumber("n", n);
            if (n < 100_000) {
                ctx.send("out", n + 1);
            }
        }));
        net.addNode("a", "Loop", null).addNode("b", "core/Repeat", null)
                .addConnection("a", "out", "b", "in").addConnection("b", "out", "a", "in")
                .addInitial("a", "in", 0.0);
        int[] firstDepth = {0};
        net.on("start", e -> firstDepth[0] = Thread.currentThread().getStackTrace().length);
        net.start();
        assertEquals(100_000.0, net.state("a").getNumber("n", -1));
        assertTrue(net.isIdle());
        // The deepest run is only a few frames below start(): no frame per hop.
        assertTrue(deepest[0] < firstDepth[0] + 20, "stack grew to " + deepest[0] + " frames");
    }

    @Test
    void eachConnectionIsFifoAndFanInInterleavesInSendOrder() {
        Network net = new Network();
        List<String> log = TestActors.log();
        net.registerActor("Sink", recorder(log, "in"));
        net.addNode("a", "core/Repeat", null).addNode("b", "core/Repeat", null).addNode("s", "Sink", null)
                .addConnection("a", "out", "s", "in").addConnection("b", "out", "s", "in");
        net.start();
        for (int i = 0; i < 1000; i++) {
            net.send(i % 2 == 0 ? "a" : "b", "in", i);
        }
        assertEquals(1000, log.size());
        for (int i = 0; i < 1000; i++) {
            assertEquals("in:" + i, log.get(i));
        }
    }

    @Test
    void fanOutDeliversEveryPacketToEveryTarget() {
        Network net = new Network();
        List<String> one = TestActors.log();
        List<String> two = TestActors.log();
        net.registerActor("One", recorder(one, "in")).registerActor("Two", recorder(two, "in"));
        net.addNode("r", "core/Repeat", null).addNode("x", "One", null).addNode("y", "Two", null)
                .addConnection("r", "out", "x", "in").addConnection("r", "out", "y", "in");
        net.start();
        net.send("r", "in", "p1");
        net.send("r", "in", "p2");
        assertEquals(List.of("in:p1", "in:p2"), one);
        assertEquals(List.of("in:p1", "in:p2"), two);
    }

    @Test
    void anAsyncRunIsNeverReenteredAndTheRestWaitsInOrder() {
        Network net = new Network();
        List<Runnable> pending = new ArrayList<>();
        List<Object> seen = new ArrayList<>();
        int[] active = {0};
        int[] maxActive = {0};
        net.registerActor("Slow", actor(List.of("in"), List.of(), ctx -> {
            active[0]++;
            maxActive[0] = Math.max(maxActive[0], active[0]);
            seen.add(ctx.packet());
            Completion done = ctx.async();
            pending.add(() -> {
                active[0]--;
                done.complete();
            });
        }));
        net.addNode("s", "Slow", null);
        net.start();
        for (int i = 0; i < 3; i++) {
            net.send("s", "in", i);
        }
        assertEquals(List.of(0), seen);
        assertFalse(net.isIdle());
        boolean[] idle = {false};
        net.whenIdle(() -> idle[0] = true);
        for (int i = 0; i < 3; i++) {
            pending.get(i).run();
        }
        assertEquals(List.of(0, 1, 2), seen);
        assertEquals(1, maxActive[0]);
        assertTrue(idle[0]);
    }

    @Test
    void aCompletionCountsOnce() {
        Network net = new Network();
        List<Completion> completions = new ArrayList<>();
        List<Object> seen = new ArrayList<>();
        net.registerActor("Slow", actor(List.of("in"), List.of(), ctx -> {
            seen.add(ctx.packet());
            completions.add(ctx.async());
        }));
        net.addNode("s", "Slow", null);
        net.start();
        net.send("s", "in", 1);
        net.send("s", "in", 2);
        net.send("s", "in", 3);
        completions.get(0).complete();
        completions.get(0).complete(); // stale: must not end run 2
        assertEquals(List.of(1, 2), seen);
    }

    @Test
    void errorsBecomeEventsAndTheNetworkGoesOn() {
        Network net = new Network();
        List<NetworkEvent> errors = new ArrayList<>();
        List<Object> passed = new ArrayList<>();
        net.registerActor("Picky", actor(List.of("in"), List.of("out"), ctx -> {
            if (((Integer) ctx.packet()) % 3 == 0) {
                throw new IllegalStateException("no multiples of three: " + ctx.packet());
            }
            passed.add(ctx.packet());
        }));
        net.addNode("p", "Picky", null);
        net.on("error", errors::add);
        net.start();
        for (int i = 1; i <= 9; i++) {
            net.send("p", "in", i);
        }
        assertEquals(List.of(1, 2, 4, 5, 7, 8), passed);
        assertEquals(3, errors.size());
        assertEquals("p", errors.get(0).node);
        assertEquals("no multiples of three: 3", errors.get(0).message);
        assertTrue(errors.get(0).error instanceof IllegalStateException);
    }

    @Test
    void sendingOnAnUndeclaredOutportIsAnErrorNamingIt() {
        Network net = new Network();
        List<NetworkEvent> errors = new ArrayList<>();
        net.registerActor("Bad", actor(List.of("in"), List.of("out"), ctx -> ctx.send("nope", 1)));
        net.addNode("b", "Bad", null);
        net.on("error", errors::add);
        net.start();
        net.send("b", "in", 0);
        assertEquals(1, errors.size());
        assertTrue(errors.get(0).message.contains("'nope'"), errors.get(0).message);
    }

    @Test
    void eventsArriveInOrderWithTheirDetails() {
        Network net = new Network();
        List<String> events = new ArrayList<>();
        net.addNode("r", "core/Repeat", null).addNode("d", "core/Drop", null).addConnection("r", "out", "d", "in");
        net.on("*", e -> events.add(e.toString()));
        net.start();
        net.send("r", "in", 7);
        net.stop(() -> events.add("stopped"));
        assertEquals(List.of("start", "idle", "data null.null -> r.in: 7", "data r.out -> d.in: 7", "idle",
                "stop", "stopped"), events);
    }

    @Test
    void stopWaitsForPendingRunsAndRestartKeepsQueuedPackets() {
        Network net = new Network();
        List<Completion> pending = new ArrayList<>();
        List<Object> seen = new ArrayList<>();
        net.registerActor("Slow", actor(List.of("in"), List.of(), ctx -> {
            seen.add(ctx.packet());
            pending.add(ctx.async());
        }));
        net.addNode("s", "Slow", null);
        net.start();
        net.send("s", "in", 1);
        net.send("s", "in", 2);
        boolean[] stopped = {false};
        net.stop(() -> stopped[0] = true);
        assertFalse(stopped[0]);
        pending.get(0).complete();
        assertTrue(stopped[0]);
        assertEquals(List.of(1), seen, "no run starts after stop");
        net.start();
        assertEquals(List.of(1, 2), seen, "the queued packet was kept");
    }

    @Test
    void aListenerThatThrowsDoesNotStopTheOthers() {
        Network net = new Network();
        List<String> told = new ArrayList<>();
        net.addNode("d", "core/Drop", null);
        net.on("data", e -> {
            throw new IllegalStateException("faulty listener");
        });
        net.on("data", e -> told.add(String.valueOf(e.value)));
        net.start();
        net.send("d", "in", "x");
        assertEquals(List.of("x"), told);
    }

    @Test
    void aLongBurstIsCutIntoSlicesThatAllRun() {
        List<Runnable> slices = new ArrayList<>();
        Host manual = new Host() {
            @Override
            public StateStorage newStateStorage(String node) {
                return new MapStateStorage();
            }

            @Override
            public void defer(Runnable task) {
                task.run();
            }

            @Override
            public void schedule(Runnable task) {
                slices.add(task);
            }

            @Override
            public void log(String message, Object error) {
            }
        };
        Network net = new Network(manual, io.teaflow.components.BuiltInComponents.all());
        net.addNode("c", "core/Counter", null);
        int packets = Scheduler.SLICE * 2 + 5;
        for (int i = 0; i < packets; i++) {
            net.addInitial("c", "in", 1);
        }
        net.start();
        assertEquals((double) Scheduler.SLICE, net.state("c").getNumber("count", 0));
        assertFalse(net.isIdle());
        while (!slices.isEmpty()) {
            slices.remove(0).run();
        }
        assertEquals((double) packets, net.state("c").getNumber("count", 0));
        assertTrue(net.isIdle());
    }
}
