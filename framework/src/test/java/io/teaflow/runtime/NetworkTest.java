package io.teaflow.runtime;

import static io.teaflow.runtime.TestActors.actor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Java API's misuse rules: every bad call names what was wrong and changes nothing. */
class NetworkTest {
    private final Network net = new Network()
            .registerActor("Pass", actor(List.of("in"), List.of("out"), ctx -> ctx.send("out", ctx.packet())));

    private static void assertMessage(Runnable call, String... fragments) {
        TeaflowException e = assertThrows(TeaflowException.class, call::run);
        for (String fragment : fragments) {
            assertTrue(e.getMessage().contains(fragment), "'" + e.getMessage() + "' should name " + fragment);
        }
    }

    @Test
    void aLongChainComesBackFromItsGraphAndCarriesAPacketEndToEnd() {
        int n = 5_000;
        for (int i = 0; i < n; i++) {
            net.addNode("n" + i, i % 2 == 0 ? "Pass" : "core/Repeat", null);
            if (i > 0) {
                net.addConnection("n" + (i - 1), "out", "n" + i, "in");
            }
        }
        assertMessage(() -> net.addConnection("n0", "out", "n1", "in"), "addConnection('n0', 'out', 'n1', 'in')",
                "already exists");
        List<Object> arrived = new ArrayList<>();
        Network loaded = new Network()
                .registerActor("Pass", actor(List.of("in"), List.of("out"), ctx -> ctx.send("out", ctx.packet())))
                .registerActor("Sink", actor(List.of("in"), List.of(), ctx -> arrived.add(ctx.packet())))
                .loadGraph(net.toGraph());
        assertEquals(net.nodeIds(), loaded.nodeIds());
        assertEquals(n - 1, loaded.toGraph().connections().size());
        loaded.addNode("sink", "Sink", null).addConnection("n" + (n - 1), "out", "sink", "in");
        loaded.start();
        loaded.send("n0", "in", 42);
        assertEquals(List.of(42), arrived);
    }

    @Test
    void sendsWithTheSameStringsFollowRemovalsAndNewNodesOfThatId() {
        List<Object> first = new ArrayList<>();
        List<Object> second = new ArrayList<>();
        net.registerActor("First", actor(List.of("in"), List.of(), ctx -> first.add(ctx.packet())))
                .registerActor("Second", actor(List.of("in"), List.of(), ctx -> second.add(ctx.packet())))
                .addNode("a", "First", null)
                .addNode("b", "Second", null);
        // One pair of String objects, as a page's repeated sends pass them.
        String a = "a";
        String in = "in";
        net.start();
        net.send(a, in, 1);
        net.send(a, in, 2);
        net.send("b", in, 3);
        net.send(a, in, 4);
        assertMessage(() -> net.send(a, "out", 5), "'out'");
        net.send(a, in, 6);
        net.removeNode(a);
        assertMessage(() -> net.send(a, in, 7), "'a'");
        net.registerActor("Again", actor(List.of("in"), List.of(), ctx -> second.add("new a: " + ctx.packet())))
                .addNode(a, "Again", null);
        net.send(a, in, 8);
        net.send(a, in, 9);
        assertEquals(List.of(1, 2, 4, 6), first);
        assertEquals(List.of(3, "new a: 8", "new a: 9"), second);
    }

    @Test
    void unknownComponentsAndDuplicateIdsAreRejected() {
        net.addNode("a", "Pass", null);
        assertMessage(() -> net.addNode("b", "Nope", null), "'Nope'", "unknown component");
        assertMessage(() -> net.addNode("a", "Pass", null), "'a'", "already exists");
        assertMessage(() -> net.addNode("", "Pass", null), "non-empty");
        assertEquals(List.of("a"), net.nodeIds());
    }

    @Test
    void connectionsNeedExistingNodesAndDeclaredPorts() {
        net.addNode("a", "Pass", null).addNode("b", "Pass", null);
        assertMessage(() -> net.addConnection("x", "out", "b", "in"), "'x'");
        assertMessage(() -> net.addConnection("a", "out", "y", "in"), "'y'");
        assertMessage(() -> net.addConnection("a", "bogus", "b", "in"), "outport 'bogus'", "outports: out");
        assertMessage(() -> net.addConnection("a", "out", "b", "bogus"), "inport 'bogus'", "inports: in");
        net.addConnection("a", "out", "b", "in");
        assertMessage(() -> net.addConnection("a", "out", "b", "in"), "already exists");
        List<Object> seen = new ArrayList<>();
        net.on("data", e -> seen.add(e.node));
        net.start();
        net.send("a", "in", 1);
        assertEquals(List.of("a", "b"), seen, "the rejected calls added no connection");
    }

    @Test
    void initialPacketsAndSendsNeedDeclaredInports() {
        net.addNode("a", "Pass", null);
        assertMessage(() -> net.addInitial("a", "out", 1), "inport 'out'");
        assertMessage(() -> net.addInitial("z", "in", 1), "'z'");
        assertMessage(() -> net.send("a", "in", 1), "not running", "start()");
        net.start();
        assertMessage(() -> net.send("a", "nope", 1), "inport 'nope'");
        assertMessage(net::start, "already running");
    }

    @Test
    void stateOfAnUnknownNodeIsAnErrorAndStateIsOnePerNode() {
        net.addNode("a", "Pass", null).addNode("b", "Pass", null);
        assertMessage(() -> net.state("nope"), "'nope'");
        assertSame(net.state("a"), net.state("a"));
        assertTrue(net.state("a") != net.state("b"));
    }

    @Test
    void reservedAndMissingRegistrationsAreRejected() {
        assertMessage(() -> net.registerActor("core/Mine", () -> null), "core/Mine", "reserved");
        assertMessage(() -> net.registerActor("Nothing", null), "'Nothing'", "not an actor");
        assertTrue(net.builtInComponents().containsAll(
                List.of("core/Repeat", "core/Drop", "core/Counter", "core/Collect", "core/Accumulate")));
    }

    @Test
    void anActorThatFailsToBeCreatedAddsNoNode() {
        net.registerActor("Broken", () -> {
            throw new TeaflowException("cannot build");
        });
        assertMessage(() -> net.addNode("x", "Broken", null), "addNode('x', 'Broken')", "cannot build");
        assertEquals(List.of(), net.nodeIds());
    }

    @Test
    void unknownEventTypesAreRejected() {
        assertMessage(() -> net.on("dta", e -> { }), "'dta'");
    }

    @Test
    void initialPacketsAreSentAtEveryStart() {
        List<Object> seen = new ArrayList<>();
        net.registerActor("Sink", actor(List.of("in"), List.of(), ctx -> seen.add(ctx.packet())));
        net.addNode("s", "Sink", null).addInitial("s", "in", "hello");
        net.start();
        net.stop(() -> { });
        net.start();
        assertEquals(List.of("hello", "hello"), seen);
    }
}
