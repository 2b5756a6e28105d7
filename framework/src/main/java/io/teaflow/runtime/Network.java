package io.teaflow.runtime;

import io.teaflow.graph.ExportedPort;
import io.teaflow.graph.Graph;
import io.teaflow.graph.GraphConnection;
import io.teaflow.graph.GraphEndpoint;
import io.teaflow.graph.GraphGroup;
import io.teaflow.graph.GraphProcess;
import io.teaflow.runtime.spi.ForeignError;
import io.teaflow.runtime.spi.Host;
import io.teaflow.runtime.spi.LiveMemoryState;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A network of nodes (actors with their own live state) wired by connections and fed by initial
 * packets: the Java API, and what the JS {@code Network} wraps. Every misuse throws a
 * {@link TeaflowException} naming what was wrong, before anything is changed.
 *
 * <p>A network is also an FBP graph: {@link #loadGraph} builds one, {@link #toGraph} gives it back
 * with what the graph carried (metadata, exported ports, groups, properties, initial packets).
 * A node may be made of a registered graph ({@link #registerGraph}): its processes become nodes
 * named {@code node/process}, each with its own state, and its exported ports lead to theirs.
 */
public final class Network {
    private final Host host;
    private final ComponentRegistry components;
    private final EventBus events;
    private final Scheduler scheduler;
    /** Every node that runs, those made for subgraph processes included ("sub/process"). */
    private final Map<String, Node> nodes = new LinkedHashMap<>();
    /** The nodes made of a registered graph. */
    private final Map<String, Composite> composites = new LinkedHashMap<>();
    private final Map<String, Graph> graphs = new LinkedHashMap<>();
    /** The ids of the nodes the user added (not those made for subgraph processes), in order. */
    private final List<String> topLevel = new ArrayList<>();
    private final Map<String, Object> metadata = new HashMap<>();
    /** Every wire between two running nodes, those inside subgraphs included. */
    private final List<Connection> connections = new ArrayList<>();
    /** The keys ({@link #wireKey}) of {@link #connections}. */
    private final java.util.Set<String> wires = new java.util.HashSet<>();
    /** The connections as the user (or a loaded graph) made them, between top-level node names. */
    private final List<Edge> edges = new ArrayList<>();
    private final List<InitialPacket> initials = new ArrayList<>();
    /** What a loaded graph carried besides nodes and connections, given back by {@link #toGraph}. */
    private boolean caseSensitive = true;
    private Object properties;
    private final List<ExportedPort> exportedInports = new ArrayList<>();
    private final List<ExportedPort> exportedOutports = new ArrayList<>();
    private final List<GraphGroup> groups = new ArrayList<>();

    /** A network for the JVM, with the built-in components. */
    public Network() {
        this(new DirectHost(), io.teaflow.components.BuiltInComponents.all());
    }

    public Network(Host host, Map<String, ActorFactory> builtIns) {
        this.host = host;
        this.components = new ComponentRegistry(builtIns);
        this.events = new EventBus(host);
        this.scheduler = new Scheduler(host, events);
    }

    /**
     * Fills this empty network from an FBP graph, with the components registered here (register
     * actors and graphs first). The graph is checked whole; a process with an unknown component, a
     * connection naming an undeclared port, etc. is an error naming it. On an error the network is
     * left partly built: load into a fresh network and drop it if loading fails.
     */
    public Network loadGraph(Graph graph) {
        if (graph == null) {
            throw new TeaflowTypeException("loadGraph(null): expected a graph");
        }
        if (!topLevel.isEmpty()) {
            throw new TeaflowException("loadGraph: the network already has nodes; load a graph into an empty network");
        }
        graph.validate();
        Network network = this;
        network.caseSensitive = graph.isCaseSensitive();
        network.properties = graph.properties();
        for (GraphProcess process : graph.processes().values()) {
            try {
                network.addNode(process.id(), process.component(), null, process.metadata());
            } catch (ForeignError e) {
                throw new ForeignError("graph: process '" + process.id() + "': " + e.getMessage(), e.error());
            } catch (TeaflowException e) {
                throw new TeaflowException("graph: process '" + process.id() + "': " + e.getMessage());
            }
        }
        int index = 0;
        for (GraphConnection connection : graph.connections()) {
            try {
                GraphEndpoint tgt = connection.tgt();
                if (connection.isInitial()) {
                    network.addInitial(tgt.process(), tgt.port(), connection.data(), tgt.index(), connection.metadata());
                } else {
                    GraphEndpoint src = connection.src();
                    network.connect(src.process(), src.port(), src.index(), tgt.process(), tgt.port(), tgt.index(),
                            connection.metadata());
                }
            } catch (TeaflowException e) {
                throw new TeaflowException("graph: connection " + index + " (" + connection + "): " + e.getMessage());
            }
            index++;
        }
        network.exportedInports.addAll(graph.inports().values());
        network.exportedOutports.addAll(graph.outports().values());
        network.groups.addAll(graph.groups());
        return this;
    }

    /** Registers a component under {@code name}; {@code core/} names are reserved. */
    public Network registerActor(String name, ActorFactory factory) {
        if (name != null && graphs.containsKey(name)) {
            throw new TeaflowException("registerActor('" + name + "'): a graph is registered under that name");
        }
        components.register(name, factory);
        return this;
    }

    /**
     * Registers a graph as a component: {@code addNode(id, name)} then makes one node per process,
     * named {@code id/process}, and the graph's exported inports and outports are the node's ports.
     * Its components are looked up when such a node is added (so graphs may nest).
     */
    public Network registerGraph(String name, Graph graph) {
        String call = "registerGraph(" + quote(name) + ")";
        if (name == null || name.isEmpty()) {
            throw new TeaflowTypeException(call + ": the name must be a non-empty string");
        }
        if (graph == null) {
            throw new TeaflowTypeException(call + ": expected a graph, got null");
        }
        if (name.startsWith(ComponentRegistry.RESERVED_PREFIX) || components.find(name) != null) {
            throw new TeaflowException(call + ": a component is already registered under that name");
        }
        try {
            graph.validate();
        } catch (TeaflowException e) {
            throw new TeaflowException(call + ": " + e.getMessage());
        }
        graphs.put(name, graph);
        return this;
    }

    /** Adds node {@code id} made of {@code component}, with its config (may be null). */
    public Network addNode(String id, String component, Object config) {
        return addNode(id, component, config, null);
    }

    /** Adds a node with process metadata (kept as given, returned by {@link #toGraph}). */
    public Network addNode(String id, String component, Object config, Object processMetadata) {
        String call = "addNode(" + quote(id) + ", " + quote(component) + ")";
        if (id == null || id.isEmpty()) {
            throw new TeaflowTypeException(call + ": the node id must be a non-empty string");
        }
        create(call, id, component, config);
        topLevel.add(id);
        if (processMetadata != null) {
            metadata.put(id, processMetadata);
        }
        return this;
    }

    /** Makes the node (or, for a graph component, the nodes) of {@code id}; all or nothing. */
    private void create(String call, String id, String component, Object config) {
        if (nodes.containsKey(id) || composites.containsKey(id)) {
            throw new TeaflowException(call + ": a node with id '" + id + "' already exists");
        }
        Graph graph = component == null ? null : graphs.get(component);
        if (graph != null) {
            createComposite(call, id, component, graph);
            return;
        }
        ActorFactory factory = component == null ? null : components.find(component);
        if (factory == null) {
            List<String> known = components.names();
            known.addAll(graphs.keySet());
            throw new TeaflowException(call + ": unknown component " + quote(component) + " (known: "
                    + String.join(", ", known) + ")");
        }
        LiveMemoryState state = newState(id);
        Node node;
        try {
            Actor actor = factory.create();
            actor.created(state);
            node = new Node(id, component, actor, config, state, scheduler);
        } catch (ForeignError e) {
            throw new ForeignError(call + ": " + e.getMessage(), e.error());
        } catch (TeaflowException e) {
            throw new TeaflowException(call + ": " + e.getMessage());
        }
        nodes.put(id, node);
    }

    private void createComposite(String call, String id, String component, Graph graph) {
        Composite composite = new Composite(id, component, graph, newState(id));
        composites.put(id, composite);
        try {
            for (GraphProcess process : graph.processes().values()) {
                String member = composite.member(process.id());
                create(call + " in graph " + component, member, process.component(), null);
                composite.members.add(member);
            }
            for (GraphConnection connection : graph.connections()) {
                GraphEndpoint tgt = connection.tgt();
                InPort target = resolveIn(call, composite.member(tgt.process()), tgt.port(), graph.isCaseSensitive());
                if (connection.isInitial()) {
                    initials.add(new InitialPacket(target.entry, connection.data(), null, null, null, null));
                } else {
                    GraphEndpoint src = connection.src();
                    wire(call, composite.member(src.process()), src.port(), target, graph.isCaseSensitive());
                }
            }
            // Check the exported ports now, so a bad graph fails here and not at its first use.
            for (ExportedPort port : graph.inports().values()) {
                resolveIn(call, composite.member(port.process()), port.port(), graph.isCaseSensitive());
            }
            for (ExportedPort port : graph.outports().values()) {
                resolveOut(call, composite.member(port.process()), port.port(), graph.isCaseSensitive());
            }
        } catch (RuntimeException e) {
            destroy(composite.id, "addNode");
            throw e;
        }
        if (scheduler.isStarted()) {
            for (InitialPacket initial : initials) {
                if (isWithin(initial.entry.to.id, id)) {
                    scheduler.deliver(initial.entry, initial.value);
                }
            }
            scheduler.requestDrain();
        }
    }

    private LiveMemoryState newState(String id) {
        return new LiveMemoryState(id, host.newStateStorage(id), this::reportError);
    }

    /** Connects an outport to an inport; both must be declared. */
    public Network addConnection(String from, String fromPort, String to, String toPort) {
        return connect(from, fromPort, null, to, toPort, null, null);
    }

    /** Connects with the FBP graph's extras: port indexes and metadata, kept and returned by {@link #toGraph}. */
    public Network connect(String from, String fromPort, Integer fromIndex, String to, String toPort, Integer toIndex,
            Object connectionMetadata) {
        String call = "addConnection(" + quote(from) + ", " + quote(fromPort) + ", " + quote(to) + ", "
                + quote(toPort) + ")";
        topLevelNode(call, from);
        topLevelNode(call, to);
        // A repeated connection resolves to the same wire, which wire() refuses.
        InPort target = resolveIn(call, to, toPort, caseSensitive);
        Connection connection = wire(call, from, fromPort, target, caseSensitive);
        edges.add(new Edge(from, fromPort, fromIndex, to, toPort, toIndex, connectionMetadata, connection));
        return this;
    }

    /** Makes the runtime connection from {@code from.fromPort} (resolved through subgraphs) to {@code target}. */
    private Connection wire(String call, String from, String fromPort, InPort target, boolean exactCase) {
        OutEnd source = resolveOut(call, from, fromPort, exactCase);
        if (!wires.add(wireKey(source.node, source.port, target))) {
            throw new TeaflowException(call + ": this connection already exists");
        }
        Connection connection = new Connection(source.node, source.port, target, target.entry.to);
        source.node.connect(connection);
        target.incoming.add(connection);
        connections.add(connection);
        return connection;
    }

    /**
     * Removes a connection, also while running. No packet is sent on it afterwards; packets already
     * sent on it belong to the target's inport and are still delivered.
     */
    public Network removeConnection(String from, String fromPort, String to, String toPort) {
        String call = "removeConnection(" + quote(from) + ", " + quote(fromPort) + ", " + quote(to) + ", "
                + quote(toPort) + ")";
        topLevelNode(call, from);
        topLevelNode(call, to);
        Edge edge = findEdge(from, fromPort, to, toPort);
        if (edge == null) {
            throw new TeaflowException(call + ": there is no such connection");
        }
        edges.remove(edge);
        disconnect(edge.connection);
        return this;
    }

    /**
     * Removes a node and its connections, also while running: it is never run again (a pending
     * asynchronous run is forgotten) and its state is released. Packets it already sent are still
     * delivered to their receivers; the packets waiting for it can no longer be, and are reported
     * in an error event carrying them ({@link NetworkEvent#lost}), never dropped silently.
     * A node made of a graph goes with all the nodes of its processes.
     */
    public Network removeNode(String id) {
        String call = "removeNode(" + quote(id) + ")";
        topLevelNode(call, id);
        edges.removeIf(edge -> edge.from.equals(id) || edge.to.equals(id));
        topLevel.remove(id);
        metadata.remove(id);
        exportedInports.removeIf(port -> port.process().equals(id));
        exportedOutports.removeIf(port -> port.process().equals(id));
        destroy(id, call);
        return this;
    }

    /** Removes node {@code id} (a composite with its members) and every connection touching it. */
    private void destroy(String id, String call) {
        Composite composite = composites.remove(id);
        if (composite != null) {
            for (int i = composite.members.size() - 1; i >= 0; i--) {
                destroy(composite.members.get(i), call);
            }
            return;
        }
        Node node = nodes.get(id);
        if (node == null) {
            return;
        }
        for (Connection connection : new ArrayList<>(connections)) {
            if (connection.from == node || connection.to == node) {
                disconnect(connection);
            }
        }
        initials.removeIf(initial -> initial.entry.to == node);
        nodes.remove(id);
        List<Object> waiting = scheduler.retire(node);
        if (!waiting.isEmpty()) {
            events.emit(NetworkEvent.lost(id, call + ": " + waiting.size() + " packet(s) waiting for node '" + id
                    + "' were not delivered", waiting));
        }
    }

    private void disconnect(Connection connection) {
        connection.from.disconnect(connection);
        connection.target().incoming.remove(connection);
        connections.remove(connection);
        wires.remove(wireKey(connection.from, connection.fromPort, connection.target()));
        edges.removeIf(edge -> edge.connection == connection);
        // Packets already sent on it stay in the target's inport: a sent packet belongs to the
        // receiver and is delivered while the receiver exists (see removeNode for the rest).
        // The source may have been waiting for room in the target; now it waits for nothing.
        scheduler.makeReady(connection.from);
        scheduler.requestDrain();
    }

    /** Identifies a wire, so a repeated one is found without scanning every connection. */
    private static String wireKey(Node from, String fromPort, InPort target) {
        return from.id + '\u0000' + fromPort + '\u0000' + target.entry.to.id + '\u0000' + target.name;
    }

    private Edge findEdge(String from, String fromPort, String to, String toPort) {
        for (Edge edge : edges) {
            if (edge.from.equals(from) && samePort(edge.fromPort, fromPort) && edge.to.equals(to)
                    && samePort(edge.toPort, toPort)) {
                return edge;
            }
        }
        return null;
    }

    /** Adds a packet sent to {@code node.port} at every start (and at once if already running). */
    public Network addInitial(String node, String port, Object value) {
        return addInitial(node, port, value, null, null);
    }

    /** Adds an initial packet with the FBP graph's extras: the port index and metadata. */
    public Network addInitial(String node, String port, Object value, Integer index, Object packetMetadata) {
        String call = "addInitial(" + quote(node) + ", " + quote(port) + ")";
        topLevelNode(call, node);
        Connection entry = resolveIn(call, node, port, caseSensitive).entry;
        initials.add(new InitialPacket(entry, value, node, port, index, packetMetadata));
        if (scheduler.isStarted()) {
            scheduler.deliver(entry, value);
            scheduler.requestDrain();
        }
        return this;
    }

    /** Starts the network: emits 'start' and sends the initial packets, which run right after this call. */
    public void start() {
        if (scheduler.isStarted()) {
            throw new TeaflowException("start(): the network is already running");
        }
        scheduler.start();
        for (InitialPacket initial : initials) {
            scheduler.deliver(initial.entry, initial.value);
        }
        scheduler.requestDrain();
    }

    /**
     * Sends a packet from outside to {@code node.port}; it runs right after this call, together
     * with whatever else was sent meanwhile. The network must be running.
     */
    public void send(String node, String port, Object value) {
        Connection entry = directEntry(node, port);
        if (entry == null) {
            // Not a plain node's declared inport: resolve through subgraph nodes, or fail naming it.
            // (The call's name is built only here: building strings per packet costs microseconds.)
            entry = resolveIn("send(" + quote(node) + ", " + quote(port) + ")", node, port, caseSensitive).entry;
        }
        if (!scheduler.isStarted()) {
            throw new TeaflowException("send(" + quote(node) + ", " + quote(port) + "): the network is not running;"
                    + " call start() first (packets for start belong in addInitial)");
        }
        scheduler.deliver(entry, value);
        scheduler.requestDrain();
    }

    /** The entry of a plain node's declared inport, found without building any string; null otherwise. */
    private Connection directEntry(String id, String port) {
        Node node = id == null ? null : nodes.get(id);
        InPort inport = node == null || port == null ? null : node.findInport(port);
        return inport == null ? null : inport.entry;
    }

    /** Stops starting runs; {@code onStopped} runs when the pending asynchronous runs have ended. */
    public void stop(Runnable onStopped) {
        scheduler.stop(onStopped);
    }

    /** Runs {@code callback} when nothing is queued or running (at once if that is so now). */
    public void whenIdle(Runnable callback) {
        scheduler.whenIdle(callback);
    }

    public boolean isIdle() {
        return scheduler.isIdle();
    }

    public boolean isRunning() {
        return scheduler.isStarted();
    }

    /** Listens to events of {@code type}: start, stop, idle, error, data, or * for all. */
    public Subscription on(String type, NetworkListener listener) {
        return events.on(type, listener);
    }

    /** The live state of node {@code id}; nodes inside a subgraph node are {@code "node/process"}. */
    public ActorState state(String id) {
        return liveState(id);
    }

    /** The same, as the runtime's own state class (for {@link #restoreStates}). */
    private LiveMemoryState liveState(String id) {
        Composite composite = id == null ? null : composites.get(id);
        if (composite != null) {
            return composite.state;
        }
        return node("state(" + quote(id) + ")", id).state;
    }

    /**
     * The network as an FBP graph: its top-level nodes (a subgraph node is one process, its
     * component the graph's name), their connections and initial packets (also after a run), and
     * what a loaded graph carried: metadata, indexes, exported ports, groups, properties.
     */
    public Graph toGraph() {
        Graph graph = new Graph(caseSensitive);
        graph.setProperties(properties);
        for (String id : topLevel) {
            Composite composite = composites.get(id);
            graph.addProcess(id, composite != null ? composite.component : nodes.get(id).component, metadata.get(id));
        }
        for (Edge edge : edges) {
            graph.addConnection(GraphConnection.edge(new GraphEndpoint(edge.from, edge.fromPort, edge.fromIndex),
                    new GraphEndpoint(edge.to, edge.toPort, edge.toIndex), edge.metadata));
        }
        for (InitialPacket initial : initials) {
            if (initial.node != null) {
                graph.addConnection(GraphConnection.initial(initial.value,
                        new GraphEndpoint(initial.node, initial.port, initial.index), initial.metadata));
            }
        }
        exportedInports.forEach(graph::addInport);
        exportedOutports.forEach(graph::addOutport);
        for (GraphGroup group : groups) {
            List<String> members = new ArrayList<>(group.nodes());
            members.retainAll(topLevel);
            graph.addGroup(group.name(), members, group.metadata());
        }
        return graph;
    }

    /**
     * A deep, JSON-safe copy of every node's state, node id → entries (a {@code Map} on the JVM, a
     * plain object in JS). A value JSON cannot carry is an error naming node and key, or is left
     * out if {@code skipUnserializable}.
     */
    public Map<String, Object> snapshotStates(boolean skipUnserializable) {
        Map<String, Object> states = new LinkedHashMap<>();
        for (Composite composite : composites.values()) {
            states.put(composite.id, composite.state.snapshot(skipUnserializable));
        }
        for (Node node : nodes.values()) {
            states.put(node.id, node.state.snapshot(skipUnserializable));
        }
        return states;
    }

    /**
     * Makes the state of each node named in {@code states} equal to its snapshot (keys added since
     * are removed), in the same state objects. Everything is checked before anything changes: an
     * unknown node or a value JSON cannot carry is an error naming it.
     */
    public void restoreStates(Map<String, Object> states) {
        if (states == null) {
            throw new TeaflowTypeException("restore(null): expected the states of a snapshot");
        }
        Map<LiveMemoryState, Map<String, Object>> prepared = new LinkedHashMap<>();
        for (Map.Entry<String, Object> entry : states.entrySet()) {
            LiveMemoryState state;
            try {
                state = liveState(entry.getKey());
            } catch (TeaflowException e) {
                throw new TeaflowException("restore(): no node '" + entry.getKey() + "' in this network");
            }
            prepared.put(state, state.prepareRestore(entry.getValue()));
        }
        for (Map.Entry<LiveMemoryState, Map<String, Object>> entry : prepared.entrySet()) {
            entry.getKey().restore(entry.getValue());
        }
    }

    /** The names of the built-in components. */
    public List<String> builtInComponents() {
        return components.builtInNames();
    }

    /**
     * What every node is doing now: the subgraph nodes first, then every running node (those made
     * for subgraph processes included): runs so far, packets waiting, whether a run is pending. A
     * copy, cheap enough to take a few times a second; nothing is counted when nobody asks.
     */
    public List<NodeStats> nodeStats() {
        Map<String, String> parents = new HashMap<>();
        for (Composite composite : composites.values()) {
            for (String member : composite.members) {
                parents.putIfAbsent(member, composite.id);
            }
        }
        // A member of a nested subgraph is listed by every enclosing composite; the innermost wins.
        for (Composite composite : composites.values()) {
            for (String member : composite.members) {
                String current = parents.get(member);
                if (composite.id.length() > current.length()) {
                    parents.put(member, composite.id);
                }
            }
        }
        List<NodeStats> stats = new ArrayList<>();
        for (Composite composite : composites.values()) {
            stats.add(new NodeStats(composite.id, composite.component, NodeStats.GRAPH, parents.get(composite.id),
                    new ArrayList<>(composite.graph.inports().keySet()),
                    new ArrayList<>(composite.graph.outports().keySet()), 0, 0, false));
        }
        for (Node node : nodes.values()) {
            int queued = 0;
            for (InPort port : node.inportList()) {
                queued += port.waiting;
            }
            String kind = components.isBuiltIn(node.component) ? NodeStats.BUILT_IN : NodeStats.REGISTERED;
            stats.add(new NodeStats(node.id, node.component, kind, parents.get(node.id), node.inports, node.outports,
                    node.context.run(), queued, node.running));
        }
        return stats;
    }

    /**
     * Every wire between two running nodes (those inside subgraphs included, between the nodes
     * made for their processes) with the packets delivered on it so far.
     */
    public List<ConnectionStats> connectionStats() {
        List<ConnectionStats> stats = new ArrayList<>(connections.size());
        for (Connection connection : connections) {
            stats.add(new ConnectionStats(connection.from.id, connection.fromPort, connection.to.id, connection.toPort,
                    connection.delivered));
        }
        return stats;
    }

    /** The ids of the nodes the user added (subgraph processes not included), in order. */
    public List<String> nodeIds() {
        return new ArrayList<>(topLevel);
    }

    private Node node(String call, String id) {
        Node node = id == null ? null : nodes.get(id);
        if (node == null) {
            throw new TeaflowException(call + ": no node " + quote(id) + " in this network");
        }
        return node;
    }

    /** Checks that {@code id} is a node the user added, not one made inside a subgraph node. */
    private void topLevelNode(String call, String id) {
        if (id != null && topLevel.contains(id)) {
            return;
        }
        if (id != null && (nodes.containsKey(id) || composites.containsKey(id))) {
            throw new TeaflowException(call + ": node '" + id + "' belongs to subgraph node '"
                    + id.substring(0, id.lastIndexOf('/')) + "'; wire and remove the subgraph node instead");
        }
        throw new TeaflowException(call + ": no node " + quote(id) + " in this network");
    }

    /** The running inport behind {@code id.port}, through subgraph nodes' exported inports. */
    private InPort resolveIn(String call, String id, String port, boolean exactCase) {
        try {
            Composite composite = id == null ? null : composites.get(id);
            if (composite != null) {
                ExportedPort exported = composite.inport(port, exactCase);
                return resolveIn(call, composite.member(exported.process()), exported.port(),
                        composite.graph.isCaseSensitive());
            }
            Node node = node(call, id);
            return node.inport(declared(node.inports, port, exactCase));
        } catch (TeaflowException e) {
            throw e.getMessage().startsWith(call) ? e : new TeaflowException(call + ": " + e.getMessage());
        }
    }

    /** The running node and outport behind {@code id.port}, through subgraph nodes' exported outports. */
    private OutEnd resolveOut(String call, String id, String port, boolean exactCase) {
        try {
            Composite composite = id == null ? null : composites.get(id);
            if (composite != null) {
                ExportedPort exported = composite.outport(port, exactCase);
                return resolveOut(call, composite.member(exported.process()), exported.port(),
                        composite.graph.isCaseSensitive());
            }
            Node node = node(call, id);
            String name = declared(node.outports, port, exactCase);
            node.outgoing(name);
            return new OutEnd(node, name);
        } catch (TeaflowException e) {
            throw e.getMessage().startsWith(call) ? e : new TeaflowException(call + ": " + e.getMessage());
        }
    }

    /** The declared port named {@code port}, ignoring case unless {@code exactCase} (FBP graphs' caseSensitive). */
    private static String declared(List<String> ports, String port, boolean exactCase) {
        if (!exactCase && port != null && !ports.contains(port)) {
            for (String name : ports) {
                if (name.equalsIgnoreCase(port)) {
                    return name;
                }
            }
        }
        return port;
    }

    private boolean samePort(String a, String b) {
        return caseSensitive ? a.equals(b) : a.equalsIgnoreCase(b);
    }

    private static boolean isWithin(String member, String composite) {
        return member.startsWith(composite + "/");
    }

    private void reportError(String node, String message, Object error) {
        scheduler.reportError(node, message, error);
    }

    private static String quote(String s) {
        return s == null ? "null" : "'" + s + "'";
    }

    /** A node and one of its outports, behind a possibly exported port name. */
    private static final class OutEnd {
        final Node node;
        final String port;

        OutEnd(Node node, String port) {
            this.node = node;
            this.port = port;
        }
    }

    /** A connection as made between top-level nodes, with what a graph carried about it. */
    private static final class Edge {
        final String from;
        final String fromPort;
        final Integer fromIndex;
        final String to;
        final String toPort;
        final Integer toIndex;
        final Object metadata;
        final Connection connection;

        Edge(String from, String fromPort, Integer fromIndex, String to, String toPort, Integer toIndex,
                Object metadata, Connection connection) {
            this.from = from;
            this.fromPort = fromPort;
            this.fromIndex = fromIndex;
            this.to = to;
            this.toPort = toPort;
            this.toIndex = toIndex;
            this.metadata = metadata;
            this.connection = connection;
        }
    }

    /** A packet sent to an inport at every start; {@code node}/{@code port} as the user named it (null inside subgraphs). */
    private static final class InitialPacket {
        final Connection entry;
        final Object value;
        final String node;
        final String port;
        final Integer index;
        final Object metadata;

        InitialPacket(Connection entry, Object value, String node, String port, Integer index, Object metadata) {
            this.entry = entry;
            this.value = value;
            this.node = node;
            this.port = port;
            this.index = index;
            this.metadata = metadata;
        }
    }
}
