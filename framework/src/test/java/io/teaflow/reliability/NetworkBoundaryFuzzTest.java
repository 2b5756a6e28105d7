package io.teaflow.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.teaflow.graph.Graph;
import io.teaflow.graph.GraphConnection;
import io.teaflow.graph.GraphEndpoint;
import io.teaflow.graph.GraphJson;
import io.teaflow.graph.GraphText;
import io.teaflow.runtime.AbstractActor;
import io.teaflow.runtime.ActorContext;
import io.teaflow.runtime.ActorFactory;
import io.teaflow.runtime.Network;
import io.teaflow.runtime.TeaflowException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.RandomDistribution;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;

/**
 * Fuzzing the {@link Network} API with random and invalid arguments. The contract (Network's
 * javadoc): "Every misuse throws a TeaflowException naming what was wrong, before anything is
 * changed". A rejected call must leave the same {@link Fingerprint}: {@code nodeIds()}, the graph
 * ({@code GraphJson.toMap(toGraph())}), every node's state ({@code snapshotStates(false)}), whether it
 * runs, and, at the end, the same behaviour as a network rebuilt from its graph (a rejected call
 * that left half a wire behind shows up there).
 */
class NetworkBoundaryFuzzTest {

    // ---- the components the fuzzed networks are made of ----

    static final Map<String, List<String>> INPORTS = new LinkedHashMap<>();
    static final Map<String, List<String>> OUTPORTS = new LinkedHashMap<>();

    static {
        ports("t/Hop", List.of("in"), List.of("out"));
        ports("t/Join", List.of("a", "b"), List.of("out"));
        ports("t/Bounded", List.of("in"), List.of("out", "err"));
        ports("t/Source", List.of(), List.of("out"));
        ports("t/Sink", List.of("in"), List.of());
        ports("core/Collect", List.of("in"), List.of());
        ports("core/Drop", List.of("in"), List.of());
        ports("G", List.of("IN"), List.of("OUT")); // the registered graph
    }

    private static void ports(String component, List<String> in, List<String> out) {
        INPORTS.put(component, in);
        OUTPORTS.put(component, out);
    }

    /** The graph registered as component {@code G}: p (t/Hop) → q (t/Sink), IN = p.in, OUT = p.out. */
    static Graph subgraph() {
        Graph g = new Graph(true);
        g.addProcess("p", "t/Hop", null);
        g.addProcess("q", "t/Sink", null);
        g.addEdge("p", "out", "q", "in");
        g.addInport("IN", "p", "in", null);
        g.addOutport("OUT", "p", "out", null);
        return g;
    }

    /** A network with the test components and graph registered; every run is logged as "node.port:value". */
    static Network network(List<String> log) {
        Network net = new Network();
        // Packets are numbers: a hop forwards n - 1 while n >= 1, so any cycle ends; anything else stops.
        net.registerActor("t/Hop", actor(List.of("in"), List.of("out"), Map.of(), false, log,
                ctx -> forward(ctx, "out", ctx.packet())));
        net.registerActor("t/Join", actor(List.of("a", "b"), List.of("out"), Map.of(), true, log,
                ctx -> forward(ctx, "out", min(ctx.packet("a"), ctx.packet("b")))));
        net.registerActor("t/Bounded", actor(List.of("in"), List.of("out", "err"), Map.of("in", 2), false, log,
                ctx -> forward(ctx, "out", ctx.packet())));
        net.registerActor("t/Source", actor(List.of(), List.of("out"), Map.of(), false, log, ctx -> { }));
        net.registerActor("t/Sink", actor(List.of("in"), List.of(), Map.of(), false, log, ctx -> { }));
        net.registerGraph("G", subgraph());
        return net;
    }

    static ActorFactory actor(List<String> in, List<String> out, Map<String, Integer> capacities, boolean join,
            List<String> log, Consumer<ActorContext> body) {
        return () -> new AbstractActor(in, out, new HashMap<>(capacities), join) {
            @Override
            public void run(ActorContext ctx) {
                for (String port : ctx.inports()) {
                    if (ctx.hasPacket(port)) {
                        log.add(ctx.node() + "." + port + ":" + ctx.packet(port));
                    }
                }
                body.accept(ctx);
            }
        };
    }

    static void forward(ActorContext ctx, String port, Object value) {
        if (value instanceof Double && (Double) value >= 1) {
            ctx.send(port, (Double) value - 1);
        }
    }

    static Object min(Object a, Object b) {
        return a instanceof Double && b instanceof Double ? Math.min((Double) a, (Double) b) : null;
    }

    // ---- what must not change ----

    /** What a rejected call must leave as it was. */
    record Fingerprint(List<String> nodeIds, String graph, Map<String, Object> states, boolean running, boolean idle) {
        static Fingerprint of(Network net) {
            return new Fingerprint(net.nodeIds(), GraphText.write(GraphJson.toMap(net.toGraph())),
                    net.snapshotStates(false), net.isRunning(), net.isIdle());
        }
    }

    // ---- the calls ----

    static final List<String> IDS = Arrays.asList("a", "b", "c", "g", "g/p", "A", "", null, "a ", "x/y");
    static final List<String> COMPONENTS = Arrays.asList("t/Hop", "t/Join", "t/Bounded", "t/Source", "t/Sink",
            "core/Collect", "core/Drop", "G", "t/hop", "nope", "", null, "core/");
    static final List<String> PORTS = Arrays.asList("in", "out", "a", "b", "IN", "OUT", "err", "Out", "", null, "nope");
    static final List<Object> VALUES = Arrays.asList(0.0, 1.0, 2.0, 3.0, "x", null);

    enum Kind { ADD_NODE, ADD_CONNECTION, ADD_INITIAL, REMOVE_NODE, REMOVE_CONNECTION, SEND, START, SET_STATE }

    /**
     * One call; its arguments are indexes into the vocabularies above. A port index below 20 names
     * a port the node declares (if it is a node of the network), others index {@link #PORTS}.
     */
    record Call(Kind kind, int a, int b, int c, int d, int v) {
        String id(int i) {
            return IDS.get(i % IDS.size());
        }

        static String port(Network net, String node, int i, boolean out) {
            if (i < 20 && node != null && net.nodeIds().contains(node)) {
                List<String> declared = (out ? OUTPORTS : INPORTS).get(net.toGraph().process(node).component());
                if (!declared.isEmpty()) {
                    return declared.get(i % declared.size());
                }
            }
            return PORTS.get(i % PORTS.size());
        }

        Object value() {
            return VALUES.get(v % VALUES.size());
        }

        String method() {
            switch (kind) {
                case ADD_NODE: return "addNode";
                case ADD_CONNECTION: return "addConnection";
                case ADD_INITIAL: return "addInitial";
                case REMOVE_NODE: return "removeNode";
                case REMOVE_CONNECTION: return "removeConnection";
                case SEND: return "send";
                case START: return "start";
                default: return "state";
            }
        }

        /** The arguments, ports resolved against {@code net} as it is now. */
        Object[] args(Network net) {
            switch (kind) {
                case ADD_NODE: return new Object[] {id(a), COMPONENTS.get(b % COMPONENTS.size())};
                case ADD_CONNECTION:
                case REMOVE_CONNECTION:
                    return new Object[] {id(a), port(net, id(a), b, true), id(c), port(net, id(c), d, false)};
                case ADD_INITIAL:
                case SEND:
                    return new Object[] {id(a), port(net, id(a), b, false), value()};
                case REMOVE_NODE: return new Object[] {id(a)};
                case START: return new Object[0];
                default: return new Object[] {id(a), "k" + b % 3, value()};
            }
        }

        void perform(Network net, Object[] x) {
            switch (kind) {
                case ADD_NODE:
                    net.addNode((String) x[0], (String) x[1], null);
                    break;
                case ADD_CONNECTION:
                    net.addConnection((String) x[0], (String) x[1], (String) x[2], (String) x[3]);
                    break;
                case ADD_INITIAL:
                    net.addInitial((String) x[0], (String) x[1], x[2]);
                    break;
                case REMOVE_NODE:
                    net.removeNode((String) x[0]);
                    break;
                case REMOVE_CONNECTION:
                    net.removeConnection((String) x[0], (String) x[1], (String) x[2], (String) x[3]);
                    break;
                case SEND:
                    net.send((String) x[0], (String) x[1], x[2]);
                    break;
                case START:
                    net.start();
                    break;
                default:
                    net.state((String) x[0]).set((String) x[1], x[2]);
            }
        }

        String describe(Object[] x) {
            StringBuilder s = new StringBuilder(kind == Kind.SET_STATE ? "state(" : method() + "(");
            for (int i = 0; i < x.length; i++) {
                if (kind == Kind.SET_STATE && i == 1) {
                    s.append(").set(");
                } else if (i > 0) {
                    s.append(", ");
                }
                s.append(x[i] instanceof String ? "'" + x[i] + "'" : String.valueOf(x[i]));
            }
            return s.append(')').toString();
        }
    }

    /**
     * Random call sequences: each call either works or throws a TeaflowException whose message
     * starts with the call (so names it) and leaves the fingerprint unchanged; at the end the network
     * behaves like one rebuilt from {@code toGraph()}.
     */
    @Property(tries = 400, edgeCases = EdgeCasesMode.NONE)
    void rejectedCallsChangeNothing(@ForAll("calls") List<Call> calls) {
        List<String> log = Collections.synchronizedList(new ArrayList<>());
        Network net = network(log);
        List<String> unexpectedErrors = new ArrayList<>();
        net.on("error", e -> {
            if (e.lost == null) {
                unexpectedErrors.add(e.node + ": " + e.message);
            }
        });
        int rejected = 0;
        boolean started = false;
        List<String> done = new ArrayList<>();
        for (Call c : calls) {
            started |= c.kind() == Kind.START;
            Object[] args = c.args(net);
            String call = c.describe(args);
            Fingerprint before = Fingerprint.of(net);
            try {
                c.perform(net, args);
                done.add(call);
            } catch (TeaflowException e) {
                rejected++;
                String message = e.getMessage();
                assertNotNull(message, call + " threw without a message");
                assertTrue(message.startsWith(c.method() + "("),
                        call + " was refused with a message not naming the call: " + message);
                assertEquals(before, Fingerprint.of(net), call + " was refused (" + message + ") but changed the network"
                        + " made by " + done);
                done.add(call + " -> refused");
                continue;
            } catch (Throwable t) {
                throw new AssertionError(call + " threw " + t + " instead of a TeaflowException, after " + done, t);
            }
        }
        assertEquals(List.of(), unexpectedErrors, "error events");
        Statistics.label("refused").collect(rejected == 0 ? "0" : rejected < calls.size() / 2 ? "< half" : ">= half");
        Statistics.label("nodes at the end").collect(net.nodeIds().size());
        Statistics.label("calls").collect(calls.size() / 10 * 10);
        Statistics.label("kinds").collect(calls.stream().map(c -> c.kind().name()).distinct().sorted()
                .collect(java.util.stream.Collectors.joining(",")));
        // Behaviour is comparable only from the same starting point: a network that never ran
        // (packets left waiting in a join or a full bounded port would make the probes differ).
        Statistics.label("compared with a rebuilt network").collect(!started);
        if (!started) {
                sameBehaviourAsRebuilt(net, log, done);
        }
    }

    /** The network and one loaded from its graph react to the same probes with the same runs. */
    static void sameBehaviourAsRebuilt(Network net, List<String> log, List<String> done) {
        Graph graph = net.toGraph();
        List<String> log2 = new ArrayList<>();
        Network again = network(log2);
        again.loadGraph(graph);
        // Every delivery too, so that a wire nobody sees in toGraph() shows, whatever the order of runs.
        net.on("data", e -> log.add(e.fromNode + "." + e.fromPort + " -> " + e.node + "." + e.port + ": " + e.value));
        again.on("data", e -> log2.add(e.fromNode + "." + e.fromPort + " -> " + e.node + "." + e.port + ": " + e.value));
        if (!net.isRunning()) {
            net.start();
        }
        again.start();
        log.clear();
        log2.clear();
        for (String id : net.nodeIds()) {
            String component = graph.process(id).component();
            for (String port : INPORTS.get(component)) {
                net.send(id, port, 2.0);
                again.send(id, port, 2.0);
            }
        }
        List<String> got = new ArrayList<>(log);
        List<String> want = new ArrayList<>(log2);
        Collections.sort(got);
        Collections.sort(want);
        assertEquals(want, got, "runs caused by probing every inport, against a network rebuilt from toGraph() "
                + GraphText.write(GraphJson.toMap(graph)) + " after " + done);
    }

    @Provide
    Arbitrary<List<Call>> calls() {
        Arbitrary<Kind> kind = Arbitraries.frequency(Tuple.of(7, Kind.ADD_NODE), Tuple.of(6, Kind.ADD_CONNECTION),
                Tuple.of(2, Kind.ADD_INITIAL), Tuple.of(1, Kind.REMOVE_NODE), Tuple.of(3, Kind.REMOVE_CONNECTION),
                Tuple.of(2, Kind.SEND), Tuple.of(1, Kind.START), Tuple.of(1, Kind.SET_STATE));
        // Small indexes are the valid names: bias towards them so that networks grow.
        Arbitrary<Integer> index = Arbitraries.frequencyOf(Tuple.of(4, Arbitraries.integers().between(0, 4)),
                Tuple.of(1, Arbitraries.integers().between(0, 20)));
        Arbitrary<Integer> port = Arbitraries.frequencyOf(Tuple.of(5, Arbitraries.integers().between(0, 19)),
                Tuple.of(1, Arbitraries.integers().between(20, 40)));
        return Combinators.combine(kind, index, port, index, port, Arbitraries.integers().between(0, 5))
                .as(Call::new).list().ofMinSize(1).ofMaxSize(30).withSizeDistribution(RandomDistribution.uniform());
    }

    // ---- loadGraph ----

    /** A process or connection of a graph to load: indexes into the vocabularies. */
    record GraphItem(boolean edge, int a, int b, int c, int d, int v, int srcIndex, int tgtIndex) {
        /** Array-port indexes: mostly none. */
        static Integer index(int i) {
            return i < 3 ? null : Integer.valueOf(i - 3);
        }
    }

    /**
     * Valid-shaped graphs (they validate) with unknown components and undeclared ports: loadGraph
     * refuses the first culprit, in the documented order (processes, then connections), naming it;
     * anything else loads and comes back unchanged from {@code toGraph()}.
     */
    @Property(tries = 1000, edgeCases = EdgeCasesMode.NONE)
    void loadGraphNamesTheCulprit(@ForAll boolean caseSensitive, @ForAll("processLists") List<Integer> processes,
            @ForAll("graphItems") List<GraphItem> items) {
        List<String> ids = List.of("a", "b", "c", "d", "e");
        Graph graph = new Graph(caseSensitive);
        Map<String, String> component = new LinkedHashMap<>();
        for (int i = 0; i < processes.size(); i++) {
            String c = COMPONENTS.get(processes.get(i) % COMPONENTS.size());
            if (c == null || c.isEmpty()) {
                c = "nope";
            }
            if (c.equals("G") && !caseSensitive) {
                // Subgraph nodes in a graph that is not case-sensitive: see portsOfSubgraphNodesIgnoreCase.
                c = "t/Hop";
            }
            component.put(ids.get(i), c);
            graph.addProcess(ids.get(i), c, null);
        }
        List<String> ports = new ArrayList<>(); // non-empty, non-null: the graph validates
        for (String port : PORTS) {
            if (port != null && !port.isEmpty()) {
                ports.add(port);
            }
        }
        java.util.Set<String> edges = new java.util.HashSet<>();
        for (GraphItem item : items) {
            String tgt = ids.get(item.c() % processes.size());
            String tgtPort = graphPort(INPORTS.get(component.get(tgt)), ports, item.d(), caseSensitive);
            if (item.edge()) {
                String src = ids.get(item.a() % processes.size());
                String srcPort = graphPort(OUTPORTS.get(component.get(src)), ports, item.b(), caseSensitive);
                Integer srcIndex = GraphItem.index(item.srcIndex());
                Integer tgtIndex = GraphItem.index(item.tgtIndex());
                // the validator's notion of a repeated edge: same processes, ports (per portKey) and indexes
                if (edges.add(src + "|" + graph.portKey(srcPort) + "|" + srcIndex + "|" + tgt + "|"
                        + graph.portKey(tgtPort) + "|" + tgtIndex)) {
                    graph.addConnection(GraphConnection.edge(new GraphEndpoint(src, srcPort, srcIndex),
                            new GraphEndpoint(tgt, tgtPort, tgtIndex), null));
                }
            } else {
                graph.addConnection(GraphConnection.initial(VALUES.get(item.v() % VALUES.size()),
                        new GraphEndpoint(tgt, tgtPort, GraphItem.index(item.tgtIndex())), null));
            }
        }
        graph.validate();
        String[] culprit = culprit(graph, component);
        Network net = network(new ArrayList<>());
        try {
            net.loadGraph(graph);
        } catch (TeaflowException e) {
            assertNotNull(culprit, "loadGraph refused a loadable graph: " + e.getMessage() + "\n" + GraphText.write(graph));
            assertTrue(e.getMessage() != null && e.getMessage().startsWith(culprit[0]) && e.getMessage().contains(culprit[1]),
                    "loadGraph's error should start with " + culprit[0] + " and name " + culprit[1] + ": " + e.getMessage());
            Statistics.label("refused for").collect(culprit[2]);
            Statistics.collect("refused");
            return;
        } catch (Throwable t) {
            throw new AssertionError("loadGraph threw " + t + " for " + GraphText.write(graph), t);
        }
        assertTrue(culprit == null, () -> "loadGraph accepted a graph with an error: " + String.join(" ", culprit));
        // A network keeps edges and initial packets apart: toGraph() lists the edges, then the packets
        // (as fbp-graph writes them), each in their order.
        Map<String, Object> expected = GraphJson.toMap(graph);
        List<Object> connections = new ArrayList<>();
        for (Object c : (List<?>) expected.get("connections")) {
            if (((Map<?, ?>) c).containsKey("src")) {
                connections.add(c);
            }
        }
        for (Object c : (List<?>) expected.get("connections")) {
            if (!((Map<?, ?>) c).containsKey("src")) {
                connections.add(c);
            }
        }
        expected.put("connections", connections);
        assertEquals(GraphText.write(expected, 4), GraphText.write(net.toGraph()), "toGraph() gives the loaded graph back");
        Statistics.collect("loaded");
    }

    /**
     * README §7: "when a graph is not caseSensitive, its port names match the actors' ports ignoring
     * case". A subgraph node's ports are its graph's exported ports, so a graph that is not
     * case-sensitive should reach G's exported {@code IN}/{@code OUT} as {@code in}/{@code out} too (fbp-graph
     * writes such a graph's port names in lower case). The runtime instead matches exported port names
     * with the case rule of the subgraph (G is case-sensitive), whatever the loading graph says.
     */
    @Property(tries = 100)
    void portsOfSubgraphNodesIgnoreCaseInAGraphThatIsNotCaseSensitive(@ForAll("inNames") String in,
            @ForAll("outNames") String out, @ForAll boolean initial) {
        Graph graph = new Graph(false);
        graph.addProcess("src", "t/Hop", null).addProcess("g", "G", null).addProcess("dst", "t/Sink", null);
        graph.addEdge("src", "out", "g", in).addEdge("g", out, "dst", "in");
        if (initial) {
            graph.addInitial(1.0, "g", in);
        }
        Network net = network(new ArrayList<>());
        try {
            net.loadGraph(graph);
        } catch (TeaflowException e) {
            fail("a graph that is not case-sensitive connects to subgraph ports " + in + "/" + out + ": " + e.getMessage());
        }
    }

    @Provide
    Arbitrary<String> inNames() {
        return Arbitraries.of("IN", "in", "In", "iN");
    }

    @Provide
    Arbitrary<String> outNames() {
        return Arbitraries.of("OUT", "out", "Out");
    }

    /**
     * Mostly a port the component declares (index below 20; in a graph that is not case-sensitive
     * sometimes in upper case), else one of {@code ports}, maybe with a suffix.
     */
    static String graphPort(List<String> declared, List<String> ports, int i, boolean caseSensitive) {
        if (i < 20 && declared != null && !declared.isEmpty()) {
            String port = declared.get(i % declared.size());
            return !caseSensitive && i % 3 == 0 ? port.toUpperCase(java.util.Locale.ROOT) : port;
        }
        return ports.get(i % ports.size()) + (i > 40 ? "x" : "");
    }

    /**
     * What loadGraph must name first, in the order it checks ({prefix, detail, kind}), or null:
     * "graph: process 'id'" with the unknown component; else "graph: connection N" with the
     * undeclared port (the target's first, as connect resolves it first), or "already exists" for an
     * edge that repeats an earlier one up to its array-port indexes (a network has one connection per
     * outport and inport: see the report).
     */
    static String[] culprit(Graph graph, Map<String, String> components) {
        for (Map.Entry<String, String> p : components.entrySet()) {
            if (!INPORTS.containsKey(p.getValue())) {
                return new String[] {"graph: process '" + p.getKey() + "'", "'" + p.getValue() + "'", "component"};
            }
        }
        List<GraphConnection> connections = graph.connections();
        java.util.Set<String> edges = new java.util.HashSet<>();
        for (int i = 0; i < connections.size(); i++) {
            GraphConnection c = connections.get(i);
            String where = "graph: connection " + i + " ";
            if (!c.isInitial() && !edges.add(c.src().process() + "|" + graph.portKey(c.src().port()) + "|"
                    + c.tgt().process() + "|" + graph.portKey(c.tgt().port()))) {
                return new String[] {where, "already exists", "repeated edge"};
            }
            if (!declared(INPORTS.get(components.get(c.tgt().process())), c.tgt().port(), graph.isCaseSensitive())) {
                return new String[] {where, "'" + c.tgt().port() + "'", "inport"};
            }
            if (!c.isInitial()
                    && !declared(OUTPORTS.get(components.get(c.src().process())), c.src().port(), graph.isCaseSensitive())) {
                return new String[] {where, "'" + c.src().port() + "'", "outport"};
            }
        }
        return null;
    }

    static boolean declared(List<String> ports, String port, boolean caseSensitive) {
        for (String p : ports) {
            if (caseSensitive ? p.equals(port) : p.equalsIgnoreCase(port)) {
                return true;
            }
        }
        return false;
    }

    @Provide
    Arbitrary<List<Integer>> processLists() {
        // mostly known components (indexes 0-7), sometimes a wrong one
        return Arbitraries.frequencyOf(Tuple.of(9, Arbitraries.integers().between(0, 7)),
                Tuple.of(1, Arbitraries.integers().between(8, 12))).list().ofMinSize(1).ofMaxSize(5);
    }

    @Provide
    Arbitrary<List<GraphItem>> graphItems() {
        return Combinators.combine(Arbitraries.frequency(Tuple.of(3, true), Tuple.of(1, false)),
                Arbitraries.integers().between(0, 9), Arbitraries.frequencyOf(Tuple.of(12, Arbitraries.integers().between(0, 19)),
                        Tuple.of(1, Arbitraries.integers().between(20, 42))),
                Arbitraries.integers().between(0, 9), Arbitraries.frequencyOf(Tuple.of(12, Arbitraries.integers().between(0, 19)),
                        Tuple.of(1, Arbitraries.integers().between(20, 42))),
                Arbitraries.integers().between(0, 5), Arbitraries.integers().between(0, 5),
                Arbitraries.integers().between(0, 5)).as(GraphItem::new).list().ofMaxSize(8);
    }

    // ---- restoreStates ----

    /** A started network with nodes a (t/Hop), b (core/Collect), g (graph G: g/p, g/q) and some state. */
    static Network stateful() {
        Network net = network(new ArrayList<>());
        net.addNode("a", "t/Hop", null).addNode("b", "core/Collect", null).addNode("g", "G", null);
        net.addConnection("a", "out", "b", "in");
        net.start();
        net.send("a", "in", 2.0);
        net.state("a").set("seen", 1.0);
        net.state("g").set("label", "sub");
        net.state("g/p").set("list", new ArrayList<>(List.of(1.0, "two")));
        return net;
    }

    /** Node id → the state to restore, or something that is not one. */
    @Property(tries = 1500, edgeCases = EdgeCasesMode.NONE)
    void restoreStatesIsAllOrNothing(@ForAll("stateMaps") Map<String, Object> states) {
        Network net = stateful();
        Fingerprint before = Fingerprint.of(net);
        String reason = invalid(net, states);
        try {
            net.restoreStates(states);
        } catch (TeaflowException e) {
            assertTrue(reason != null, "restoreStates refused a valid snapshot " + states + ": " + e.getMessage());
            assertTrue(e.getMessage() != null && e.getMessage().startsWith("restore(): ")
                    && e.getMessage().length() > "restore(): ".length(), "message: " + e.getMessage());
            assertEquals(before, Fingerprint.of(net), "a refused restore (" + e.getMessage() + ") changed the network");
            Statistics.collect("refused");
            return;
        } catch (Throwable t) {
            throw new AssertionError("restoreStates threw " + t + " for " + states, t);
        }
        assertEquals(null, reason, "restoreStates accepted " + states);
        Map<String, Object> after = net.snapshotStates(false);
        for (Map.Entry<String, Object> node : before.states().entrySet()) {
            Object expected = states.containsKey(node.getKey()) ? states.get(node.getKey()) : node.getValue();
            // as parsed JSON: numbers compared as doubles, keys in any order (a restored key keeps its place)
            assertEquals(GraphText.parse(GraphText.write(expected)), GraphText.parse(GraphText.write(after.get(node.getKey()))),
                    "state of " + node.getKey());
        }
        Statistics.collect("restored");
    }

    /**
     * The top level of a node's state is its keys; JSON (and the JS {@code restore}) can only have
     * string keys there. A map with another key must be refused like a nested one, not turned into
     * the key {@code String.valueOf(key)} holding {@code null}.
     */
    @Property(tries = 200)
    void restoreStatesRefusesNonStringKeys(@ForAll("foreignKeys") Object key, @ForAll("nodeIds") String node) {
        Network net = stateful();
        Fingerprint before = Fingerprint.of(net);
        Map<Object, Object> entries = new LinkedHashMap<>();
        entries.put(key, "x");
        Map<String, Object> states = new LinkedHashMap<>();
        states.put(node, entries);
        try {
            net.restoreStates(states);
            fail("restoreStates accepted " + states + "; the state of " + node + " is now "
                    + net.snapshotStates(false).get(node));
        } catch (TeaflowException e) {
            assertEquals(before, Fingerprint.of(net), "a refused restore changed the network");
        }
    }

    /** Why {@code states} must be refused, or null if it is a valid snapshot for {@code net}. */
    static String invalid(Network net, Map<String, Object> states) {
        Map<String, Object> known = net.snapshotStates(false);
        for (Map.Entry<String, Object> e : states.entrySet()) {
            if (!known.containsKey(e.getKey())) {
                return "unknown node " + e.getKey();
            }
            if (!(e.getValue() instanceof Map)) {
                return "not a map: " + e.getKey();
            }
            for (Map.Entry<?, ?> entry : ((Map<?, ?>) e.getValue()).entrySet()) {
                if (!(entry.getKey() instanceof String) || !json(entry.getValue(), new IdentityHashMap<>())) {
                    return "not JSON: " + e.getKey() + "." + entry.getKey();
                }
            }
        }
        return null;
    }

    static boolean json(Object v, IdentityHashMap<Object, Boolean> open) {
        if (v == null || v instanceof String || v instanceof Boolean) {
            return true;
        }
        if (v instanceof Number) {
            double d = ((Number) v).doubleValue();
            return !Double.isNaN(d) && !Double.isInfinite(d);
        }
        if (!(v instanceof List || v instanceof Map) || open.containsKey(v)) {
            return false;
        }
        open.put(v, true);
        boolean ok = true;
        if (v instanceof List) {
            for (Object item : (List<?>) v) {
                ok &= json(item, open);
            }
        } else {
            for (Map.Entry<?, ?> entry : ((Map<?, ?>) v).entrySet()) {
                ok &= entry.getKey() instanceof String && json(entry.getValue(), open);
            }
        }
        open.remove(v);
        return ok;
    }

    @Provide
    Arbitrary<Map<String, Object>> stateMaps() {
        Arbitrary<String> node = nodeIds();
        Arbitrary<Object> entries = Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.maps(Arbitraries.of("seen", "label", "list", "items", "new", ""),
                        Gen.jsonValue(2)).ofMaxSize(3).map(m -> (Object) new LinkedHashMap<>(m))),
                Tuple.of(2, Arbitraries.maps(Arbitraries.of("seen", "x"), Gen.junk()).ofMinSize(1).ofMaxSize(2)
                        .map(m -> (Object) new LinkedHashMap<>(m))),
                Tuple.of(1, Gen.junk()));
        return Arbitraries.maps(node, entries).ofMaxSize(4).map(m -> new LinkedHashMap<>(m));
    }

    @Provide
    Arbitrary<String> nodeIds() {
        return Arbitraries.of("a", "b", "g", "g/p", "g/q", "A", "zz", "", "g/");
    }

    @Provide
    Arbitrary<Object> foreignKeys() {
        return Arbitraries.of(1, 2.5, true, 'k');
    }

    // ---- null arguments ----

    /** Every public method given null where it takes an object: a TeaflowException, nothing changed. */
    @Example
    void nullArgumentsAreTeaflowExceptions() {
        Map<String, Consumer<Network>> calls = new LinkedHashMap<>();
        calls.put("addNode(null, 't/Hop', null)", n -> n.addNode(null, "t/Hop", null));
        calls.put("addNode('z', null, null)", n -> n.addNode("z", null, null));
        calls.put("addConnection(null, 'out', 'b', 'in')", n -> n.addConnection(null, "out", "b", "in"));
        calls.put("addConnection('a', null, 'b', 'in')", n -> n.addConnection("a", null, "b", "in"));
        calls.put("addConnection('a', 'out', null, 'in')", n -> n.addConnection("a", "out", null, "in"));
        calls.put("addConnection('a', 'out', 'b', null)", n -> n.addConnection("a", "out", "b", null));
        calls.put("addInitial(null, 'in', 1)", n -> n.addInitial(null, "in", 1.0));
        calls.put("addInitial('a', null, 1)", n -> n.addInitial("a", null, 1.0));
        calls.put("removeNode(null)", n -> n.removeNode(null));
        calls.put("removeConnection(null, 'out', 'b', 'in')", n -> n.removeConnection(null, "out", "b", "in"));
        calls.put("removeConnection('a', null, 'b', 'in')", n -> n.removeConnection("a", null, "b", "in"));
        calls.put("removeConnection('a', 'out', null, 'in')", n -> n.removeConnection("a", "out", null, "in"));
        calls.put("removeConnection('a', 'out', 'b', null)", n -> n.removeConnection("a", "out", "b", null));
        calls.put("send(null, 'in', 1)", n -> n.send(null, "in", 1.0));
        calls.put("send('a', null, 1)", n -> n.send("a", null, 1.0));
        calls.put("state(null)", n -> n.state(null));
        calls.put("on(null, listener)", n -> n.on(null, e -> { }));
        calls.put("on('data', null)", n -> n.on("data", null));
        calls.put("registerActor(null, factory)", n -> n.registerActor(null, () -> null));
        calls.put("registerActor('Z', null)", n -> n.registerActor("Z", null));
        calls.put("registerGraph(null, graph)", n -> n.registerGraph(null, subgraph()));
        assertNullsRefused(calls);
    }

    @Example
    void nullGraphsAndStatesAreTeaflowExceptions() {
        Map<String, Consumer<Network>> calls = new LinkedHashMap<>();
        calls.put("registerGraph('H', null)", n -> n.registerGraph("H", null));
        calls.put("loadGraph(null)", n -> new Network().loadGraph(null));
        calls.put("restoreStates(null)", n -> n.restoreStates(null));
        assertNullsRefused(calls);
    }

    static void assertNullsRefused(Map<String, Consumer<Network>> calls) {
        List<String> wrong = new ArrayList<>();
        for (Map.Entry<String, Consumer<Network>> call : calls.entrySet()) {
            Network net = stateful();
            Fingerprint before = Fingerprint.of(net);
            try {
                call.getValue().accept(net);
                wrong.add(call.getKey() + " was accepted");
            } catch (TeaflowException e) {
                if (e.getMessage() == null || e.getMessage().isEmpty()) {
                    wrong.add(call.getKey() + ": no message");
                }
                if (!before.equals(Fingerprint.of(net))) {
                    wrong.add(call.getKey() + " changed the network");
                }
            } catch (Throwable t) {
                wrong.add(call.getKey() + " threw " + t);
            }
        }
        assertEquals(List.of(), wrong);
    }

}
