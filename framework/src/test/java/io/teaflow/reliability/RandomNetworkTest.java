package io.teaflow.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.teaflow.runtime.AbstractActor;
import io.teaflow.runtime.ActorContext;
import io.teaflow.runtime.Completion;
import io.teaflow.runtime.Network;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.RandomDistribution;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;

/**
 * Random networks of 1–12 nodes, run on the JVM ({@code new Network()}: synchronous, a send has
 * run everything it caused by the time it returns), checked against the runtime's documented
 * guarantees.
 *
 * <p>Every node is a {@link FlowActor}: 1–3 inports ({@code in0..in2}, some bounded with capacity
 * 1–4), 0–2 outports, maybe a join ({@code awaitsAllInports}), synchronous or asynchronous (its
 * {@link Completion} recorded and completed later, in random order, maybe sending only then). A
 * run forwards its packet (for a join: one made of its packets) to every outport, once or twice
 * (duplication), as new packets with unique ids and the hop limit ({@code ttl}) less one; at ttl 0
 * it forwards nothing, and a scenario-wide budget caps the packets made, so cycles terminate.
 * Connections are random: fan-out, fan-in, self-loops and cycles included.
 *
 * <p><b>Excluded by design:</b> connections into a bounded inport that lie on a cycle. The README
 * (§7) says bounded inports in a cycle can deadlock, like any bounded FBP network; the generator
 * drops such a connection (it keeps an edge into a bounded port only if its target cannot reach
 * its source). Bounded ports outside cycles are kept, and so is back-pressure that leaves packets
 * waiting for good (e.g. in front of a join that lacks a packet on another port): the liveness
 * property below describes exactly what may be left.
 */
class RandomNetworkTest {
    static final String[] IN = {"in0", "in1", "in2"};
    static final String[] OUT = {"out0", "out1"};
    static final int BUDGET = 300;

    enum Mode { SYNC, ASYNC, ASYNC_SEND_LATE }

    record NodeSpec(int inports, int outports, boolean join, List<Integer> capacities, Mode mode, int copies) {
        int capacity(int port) {
            return capacities.get(port);
        }

        @Override
        public String toString() {
            StringBuilder s = new StringBuilder(mode + (join ? " join" : "") + " in[");
            for (int i = 0; i < inports; i++) {
                s.append(i == 0 ? "" : ",").append(capacities.get(i));
            }
            return s.append("] out").append(outports).append(copies > 1 ? " x" + copies : "").toString();
        }
    }

    /** A connection as generated; indexes are taken modulo the node and port counts. */
    record EdgeSpec(int from, int out, int to, int in) {
    }

    /** Kind 0–2: send a packet from outside to {@code node.in<port>}; kind 3: complete pending run {@code node}. */
    record Op(int kind, int node, int port, int ttl) {
        boolean isSend() {
            return kind < 3;
        }
    }

    record Initial(int node, int port, int ttl) {
    }

    record Scenario(List<NodeSpec> nodes, List<EdgeSpec> edges, List<Initial> initials, List<Op> ops, long seed) {
    }

    /** A packet: a unique id and the hops it may still travel. */
    record Pkt(long id, int ttl) {
        @Override
        public String toString() {
            return "#" + id;
        }
    }

    /** A connection of a built scenario (indexes resolved), identified as the data event names it. */
    record Conn(int from, int out, int to, int in) {
        String key() {
            return "n" + from + "." + OUT[out] + "->n" + to + "." + IN[in];
        }
    }

    @Property(tries = 1000, edgeCases = EdgeCasesMode.NONE)
    void randomNetworksDeliverEveryPacketOnceInOrderAndSettle(@ForAll("scenarios") Scenario scenario) {
        Run run = new Run(scenario);
        run.execute();
        run.check();
        Statistics.label("nodes").collect(scenario.nodes().size() > 6 ? "7-12" : "1-6");
        Statistics.label("features").collect(run.features());
    }

    // ---- generation ----

    @Provide
    Arbitrary<Scenario> scenarios() {
        Arbitrary<Integer> capacity = Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.just(0)),
                Tuple.of(2, Arbitraries.integers().between(1, 4)));
        Arbitrary<NodeSpec> node = Combinators.combine(
                Arbitraries.integers().between(1, 3),
                Arbitraries.frequency(Tuple.of(1, 0), Tuple.of(3, 1), Tuple.of(2, 2)),
                Arbitraries.frequency(Tuple.of(1, true), Tuple.of(3, false)),
                capacity.list().ofSize(3),
                Arbitraries.frequency(Tuple.of(2, Mode.SYNC), Tuple.of(1, Mode.ASYNC), Tuple.of(1, Mode.ASYNC_SEND_LATE)),
                Arbitraries.frequency(Tuple.of(3, 1), Tuple.of(1, 2)))
                .as(NodeSpec::new);
        Arbitrary<EdgeSpec> edge = Combinators.combine(Arbitraries.integers().between(0, 11),
                Arbitraries.integers().between(0, 1), Arbitraries.integers().between(0, 11),
                Arbitraries.integers().between(0, 2)).as(EdgeSpec::new);
        Arbitrary<Initial> initial = Combinators.combine(Arbitraries.integers().between(0, 11),
                Arbitraries.integers().between(0, 2), Arbitraries.integers().between(0, 5)).as(Initial::new);
        Arbitrary<Op> op = Combinators.combine(Arbitraries.integers().between(0, 3),
                Arbitraries.integers().between(0, 11), Arbitraries.integers().between(0, 2),
                Arbitraries.integers().between(0, 5)).as(Op::new);
        return Combinators.combine(
                node.list().ofMinSize(1).ofMaxSize(12).withSizeDistribution(RandomDistribution.uniform()),
                edge.list().ofMaxSize(30).withSizeDistribution(RandomDistribution.uniform()),
                initial.list().ofMaxSize(4), op.list().ofMaxSize(25).withSizeDistribution(RandomDistribution.uniform()),
                Arbitraries.longs())
                .as(Scenario::new);
    }

    // ---- running and checking one scenario ----

    /** One scenario built into a network, run, and everything it did recorded. */
    static final class Run {
        final Scenario sc;
        final List<NodeSpec> nodes;
        final List<Conn> conns = new ArrayList<>();
        final Network net = new Network();
        final List<String> violations = new ArrayList<>();
        final int[] concurrent;
        /** "nX.outY" → ids sent on it, in order. */
        final Map<String, List<Long>> sentOn = new HashMap<>();
        /** "nX.inY" → ids sent to it from outside (initial packets, send), in order. */
        final Map<String, List<Long>> external = new HashMap<>();
        /** Data-event key "from.port->to.port" → ids delivered, in order. */
        final Map<String, List<Long>> delivered = new LinkedHashMap<>();
        /** "nX.inY" → ids that entered the port, in order. */
        final Map<String, List<Long>> arrived = new HashMap<>();
        /** "nX.inY" → ids a run took from the port, in order. */
        final Map<String, List<Long>> consumed = new HashMap<>();
        /** Per join node: its runs, each the ids it got, by inport index. */
        final Map<Integer, List<long[]>> joinRuns = new HashMap<>();
        final List<Pending> pending = new ArrayList<>();
        final List<int[]> idleWaiters = new ArrayList<>();
        final int[] lastCall = {0};
        int idleEvents;
        int budget = BUDGET;
        long nextId = 1;
        int asyncRuns;

        Run(Scenario sc) {
            this.sc = sc;
            this.nodes = sc.nodes();
            this.concurrent = new int[nodes.size()];
            build();
        }

        private void build() {
            int n = nodes.size();
            for (int i = 0; i < n; i++) {
                NodeSpec spec = nodes.get(i);
                int index = i;
                net.registerActor("Flow" + i, () -> new FlowActor(this, index, spec));
                net.addNode("n" + i, "Flow" + i, null);
            }
            // Unbounded targets first (cycles allowed), then bounded ones unless they would close a cycle.
            Set<Conn> seen = new LinkedHashSet<>();
            List<Conn> bounded = new ArrayList<>();
            for (EdgeSpec e : sc.edges()) {
                int from = e.from() % n;
                int to = e.to() % n;
                if (nodes.get(from).outports() == 0) {
                    continue;
                }
                Conn c = new Conn(from, e.out() % nodes.get(from).outports(), to, e.in() % nodes.get(to).inports());
                if (!seen.add(c)) {
                    continue;
                }
                if (nodes.get(to).capacity(c.in()) > 0) {
                    bounded.add(c);
                } else {
                    conns.add(c);
                }
            }
            for (Conn c : bounded) {
                if (!reaches(c.to(), c.from())) {
                    conns.add(c);
                }
            }
            for (Conn c : conns) {
                net.addConnection("n" + c.from(), OUT[c.out()], "n" + c.to(), IN[c.in()]);
            }
            for (Initial init : sc.initials()) {
                int node = init.node() % n;
                int port = init.port() % nodes.get(node).inports();
                Pkt p = new Pkt(nextId++, init.ttl());
                list(external, "n" + node + "." + IN[port]).add(p.id());
                net.addInitial("n" + node, IN[port], p);
            }
            net.on("data", e -> {
                if (!(e.value instanceof Pkt)) {
                    violations.add("data event carries a non-packet " + e.value);
                    return;
                }
                long id = ((Pkt) e.value).id();
                list(delivered, e.fromNode + "." + e.fromPort + "->" + e.node + "." + e.port).add(id);
                list(arrived, e.node + "." + e.port).add(id);
            });
            net.on("error", e -> violations.add("error event from " + e.node + ": " + e.message));
            net.on("idle", e -> idleEvents++);
        }

        /** Whether {@code a} reaches {@code b} over the connections made so far (a reaches itself). */
        private boolean reaches(int a, int b) {
            Set<Integer> seen = new HashSet<>();
            List<Integer> todo = new ArrayList<>(List.of(a));
            while (!todo.isEmpty()) {
                int x = todo.remove(todo.size() - 1);
                if (x == b) {
                    return true;
                }
                if (seen.add(x)) {
                    for (Conn c : conns) {
                        if (c.from() == x) {
                            todo.add(c.to());
                        }
                    }
                }
            }
            return false;
        }

        void execute() {
            Random random = new Random(sc.seed());
            net.start();
            afterStep("start()");
            for (Op op : sc.ops()) {
                if (op.isSend()) {
                    int node = op.node() % nodes.size();
                    int port = op.port() % nodes.get(node).inports();
                    Pkt p = new Pkt(nextId++, op.ttl());
                    list(external, "n" + node + "." + IN[port]).add(p.id());
                    net.send("n" + node, IN[port], p);
                    afterStep("send(n" + node + ", " + IN[port] + ", " + p + ")");
                } else if (!pending.isEmpty()) {
                    Pending next = pending.get(op.node() % pending.size());
                    next.complete();
                    afterStep("completing the run of n" + next.node);
                }
            }
            while (!pending.isEmpty()) {
                Pending next = pending.get(random.nextInt(pending.size()));
                next.complete();
                afterStep("completing the run of n" + next.node);
            }
            net.whenIdle(() -> lastCall[0]++);
        }

        /** After each step from outside: idle exactly when no asynchronous run is pending. */
        private void afterStep(String step) {
            if (net.isIdle() == !pending.isEmpty()) {
                violations.add("after " + step + ": isIdle() is " + net.isIdle() + " with " + pending.size()
                        + " asynchronous run(s) pending");
            }
            if (!net.isIdle()) {
                int[] calls = {0};
                idleWaiters.add(calls);
                net.whenIdle(() -> {
                    calls[0]++;
                    if (!pending.isEmpty()) {
                        violations.add("whenIdle called back with " + pending.size() + " asynchronous run(s) pending");
                    }
                });
            }
        }

        /** What a run of node {@code index} does; called by its actor. */
        void run(int index, NodeSpec spec, ActorContext ctx) {
            if (++concurrent[index] > 1) {
                violations.add("node n" + index + " entered while a run of it is in progress or pending");
            }
            int ttl;
            if (spec.join()) {
                long[] got = new long[spec.inports()];
                ttl = Integer.MAX_VALUE;
                for (int p = 0; p < spec.inports(); p++) {
                    Pkt pkt = take(index, p, ctx.packet(IN[p]));
                    got[p] = pkt == null ? -1 : pkt.id();
                    ttl = Math.min(ttl, pkt == null ? 0 : pkt.ttl());
                }
                joinRuns.computeIfAbsent(index, k -> new ArrayList<>()).add(got);
            } else {
                String port = ctx.port();
                int p = List.of(IN).indexOf(port);
                if (p < 0) {
                    violations.add("node n" + index + " ran with packet on unknown port " + port);
                    ttl = 0;
                } else {
                    Pkt pkt = take(index, p, ctx.packet());
                    ttl = pkt == null ? 0 : pkt.ttl();
                }
            }
            List<Object[]> sends = new ArrayList<>();
            if (ttl > 0) {
                for (int o = 0; o < spec.outports(); o++) {
                    for (int c = 0; c < spec.copies() && budget > 0; c++) {
                        budget--;
                        sends.add(new Object[] {OUT[o], new Pkt(nextId++, ttl - 1)});
                    }
                }
            }
            Runnable send = () -> {
                for (Object[] s : sends) {
                    list(sentOn, "n" + index + "." + s[0]).add(((Pkt) s[1]).id());
                    ctx.send((String) s[0], s[1]);
                }
            };
            switch (spec.mode()) {
                case SYNC:
                    send.run();
                    concurrent[index]--;
                    break;
                case ASYNC:
                    pending.add(new Pending(this, index, ctx.async(), () -> { }));
                    send.run();
                    asyncRuns++;
                    break;
                default:
                    pending.add(new Pending(this, index, ctx.async(), send));
                    asyncRuns++;
            }
        }

        private Pkt take(int node, int port, Object value) {
            if (!(value instanceof Pkt)) {
                violations.add("node n" + node + " got " + value + " on " + IN[port] + " instead of a packet");
                return null;
            }
            list(consumed, "n" + node + "." + IN[port]).add(((Pkt) value).id());
            return (Pkt) value;
        }

        int pendingOn(int node, int port) {
            String key = "n" + node + "." + IN[port];
            return list(arrived, key).size() - list(consumed, key).size();
        }

        /** A bounded inport this node sends to is full. */
        boolean blocked(int node) {
            for (Conn c : conns) {
                int capacity = nodes.get(c.to()).capacity(c.in());
                if (c.from() == node && capacity > 0 && pendingOn(c.to(), c.in()) >= capacity) {
                    return true;
                }
            }
            return false;
        }

        void check() {
            if (!violations.isEmpty()) {
                fail("violations:\n  " + String.join("\n  ", violations.subList(0, Math.min(10, violations.size()))));
            }
            assertTrue(net.isIdle(), "the network is idle once every asynchronous run completed");
            assertEquals(1, lastCall[0], "whenIdle on an idle network calls back at once");
            for (int i = 0; i < idleWaiters.size(); i++) {
                assertEquals(1, idleWaiters.get(i)[0], "whenIdle callback " + i + " is called exactly once");
            }
            assertTrue(idleEvents >= 1, "an idle event was emitted");
            for (int i = 0; i < concurrent.length; i++) {
                assertEquals(0, concurrent[i], "node n" + i + " still counted as running");
            }
            // Exactly once, in order, per connection: what the data events saw on each connection is
            // exactly what was sent on it.
            Set<String> expectedKeys = new HashSet<>();
            for (Conn c : conns) {
                expectedKeys.add(c.key());
                assertEquals(list(sentOn, "n" + c.from() + "." + OUT[c.out()]), list(delivered, c.key()),
                        "packets delivered on " + c.key() + " (exactly once each, in send order)");
            }
            for (Map.Entry<String, List<Long>> e : external.entrySet()) {
                String key = "null.null->" + e.getKey();
                expectedKeys.add(key);
                assertEquals(e.getValue(), list(delivered, key), "packets delivered from outside to " + e.getKey());
            }
            for (Map.Entry<String, List<Long>> e : delivered.entrySet()) {
                assertTrue(expectedKeys.contains(e.getKey()) || e.getValue().isEmpty(),
                        "packets delivered on " + e.getKey() + ", which is no connection: " + e.getValue());
            }
            // Consumed: at most once, only what arrived, and per connection a prefix of what it delivered.
            for (Map.Entry<String, List<Long>> e : consumed.entrySet()) {
                List<Long> got = e.getValue();
                assertEquals(got.size(), new HashSet<>(got).size(), "a packet taken twice from " + e.getKey() + ": " + got);
                assertTrue(new HashSet<>(list(arrived, e.getKey())).containsAll(got),
                        "taken from " + e.getKey() + " but never arrived there: " + got);
            }
            List<String> sources = new ArrayList<>(expectedKeys);
            for (String key : sources) {
                String target = key.substring(key.indexOf("->") + 2);
                List<Long> on = list(delivered, key);
                Set<Long> ids = new HashSet<>(on);
                List<Long> taken = new ArrayList<>();
                for (long id : list(consumed, target)) {
                    if (ids.contains(id)) {
                        taken.add(id);
                    }
                }
                assertEquals(on.subList(0, Math.min(taken.size(), on.size())), taken,
                        "packets of " + key + " taken out of order");
            }
            // Joins: run k got the k-th packet of every inport (FIFO pairing), min(count per port) runs.
            for (int i = 0; i < nodes.size(); i++) {
                NodeSpec spec = nodes.get(i);
                if (!spec.join()) {
                    continue;
                }
                List<long[]> runs = joinRuns.getOrDefault(i, List.of());
                int min = Integer.MAX_VALUE;
                for (int p = 0; p < spec.inports(); p++) {
                    List<Long> order = list(arrived, "n" + i + "." + IN[p]);
                    min = Math.min(min, order.size());
                    for (int k = 0; k < runs.size(); k++) {
                        assertTrue(k < order.size() && runs.get(k)[p] == order.get(k),
                                "join n" + i + " run " + k + " got " + runs.get(k)[p] + " on " + IN[p]
                                        + "; FIFO pairing wants the " + k + "-th arrival of " + order);
                    }
                }
                if (!blocked(i)) {
                    assertEquals(min, runs.size(), "join n" + i + " runs once per complete set (min of "
                            + "its per-port counts); it is not blocked");
                }
            }
            // Liveness: at idle, a node that could run is paused by a full bounded inport downstream.
            for (int i = 0; i < nodes.size(); i++) {
                NodeSpec spec = nodes.get(i);
                boolean canRun = spec.join();
                for (int p = 0; p < spec.inports(); p++) {
                    boolean has = pendingOn(i, p) > 0;
                    canRun = spec.join() ? canRun && has : canRun || has;
                }
                if (canRun && !blocked(i)) {
                    fail("the network is idle but node n" + i + " (" + spec + ") has packets to run and is not"
                            + " paused by a full bounded inport; waiting: " + waiting());
                }
            }
        }

        private String waiting() {
            StringBuilder s = new StringBuilder();
            for (int i = 0; i < nodes.size(); i++) {
                for (int p = 0; p < nodes.get(i).inports(); p++) {
                    if (pendingOn(i, p) > 0) {
                        s.append(" n").append(i).append('.').append(IN[p]).append('=').append(pendingOn(i, p));
                    }
                }
            }
            return s.toString();
        }

        String features() {
            List<String> f = new ArrayList<>();
            boolean cycle = false;
            for (Conn c : conns) {
                for (Conn d : conns) {
                    cycle |= c.to() == d.from() && reaches(d.to(), c.from()) || c.from() == c.to();
                }
            }
            if (cycle) {
                f.add("cycle");
            }
            if (nodes.stream().anyMatch(NodeSpec::join) && !joinRuns.isEmpty()) {
                f.add("join ran");
            }
            boolean stuck = false;
            for (int i = 0; i < nodes.size(); i++) {
                for (int p = 0; p < nodes.get(i).inports(); p++) {
                    stuck |= pendingOn(i, p) > 0;
                }
            }
            if (stuck) {
                f.add("packets left waiting");
            }
            if (asyncRuns > 0) {
                f.add("async");
            }
            return f.isEmpty() ? "plain" : String.join("+", f);
        }

        static List<Long> list(Map<String, List<Long>> map, String key) {
            return map.computeIfAbsent(key, k -> new ArrayList<>());
        }
    }

    /** A recorded asynchronous run, completed by the test later (sending first, for ASYNC_SEND_LATE). */
    static final class Pending {
        final Run run;
        final int node;
        final Completion completion;
        final Runnable lateSends;

        Pending(Run run, int node, Completion completion, Runnable lateSends) {
            this.run = run;
            this.node = node;
            this.completion = completion;
            this.lateSends = lateSends;
        }

        void complete() {
            run.pending.remove(this);
            lateSends.run();
            run.concurrent[node]--;
            completion.complete();
        }
    }

    /** The test actor: ports, capacities and join as its spec says; runs are handled by {@link Run#run}. */
    static final class FlowActor extends AbstractActor {
        final Run run;
        final int index;
        final NodeSpec spec;

        FlowActor(Run run, int index, NodeSpec spec) {
            super(List.of(IN).subList(0, spec.inports()), List.of(OUT).subList(0, spec.outports()),
                    capacities(spec), spec.join());
            this.run = run;
            this.index = index;
            this.spec = spec;
        }

        private static Map<String, Integer> capacities(NodeSpec spec) {
            Map<String, Integer> map = new HashMap<>();
            for (int p = 0; p < spec.inports(); p++) {
                map.put(IN[p], spec.capacity(p));
            }
            return map;
        }

        @Override
        public void run(ActorContext context) {
            run.run(index, spec, context);
        }
    }
}
