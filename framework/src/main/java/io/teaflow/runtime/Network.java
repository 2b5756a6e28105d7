package io.teaflow.runtime;

import static io.teaflow.runtime.Wiring.quote;

import io.teaflow.graph.Graph;
import io.teaflow.graph.GraphProcess;
import io.teaflow.runtime.GraphRecord.Edge;
import io.teaflow.runtime.GraphRecord.InitialPacket;
import io.teaflow.runtime.spi.ErrorSink;
import io.teaflow.runtime.spi.ForeignError;
import io.teaflow.runtime.spi.Host;
import io.teaflow.runtime.spi.LiveMemoryState;
import java.util.ArrayList;
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
    /** The graphs registered as components, by name. */
    private final Map<String, Graph> graphs = new LinkedHashMap<>();
    /** The running nodes and wires. */
    private final Wiring wiring = new Wiring();
    // The last plain inport send() resolved, by the two strings that named it (compared by identity).
    private String lastSendNode;
    private String lastSendPort;
    private Connection lastSendEntry;
    /** The graph the user built or loaded, given back by {@link #toGraph}. */
    private final GraphRecord record = new GraphRecord();
    /** Where every node's state reports a failing subscriber (one for all nodes). */
    private final ErrorSink stateErrors = this::reportError;

    /** A network for the JVM, with the components of every {@link ComponentLibrary} on the class path. */
    public Network() {
        this(new DirectHost(), ComponentLibraries.onClassPath());
    }

    /**
     * A network on a given host, with the components given (the browser bridge's constructor; on the
     * JVM use {@link #Network()}).
     *
     * @param host the environment it runs in: scheduling, logging, state storage
     * @param builtIns component name to factory, such as {@code BuiltInComponents.all()}
     */
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
     *
     * <p>Port names are then compared ignoring case unless the graph is case-sensitive (a network
     * not loaded from a graph compares them exactly).
     *
     * @param graph the graph; its processes become nodes (without config), its edges connections and
     *        its initial packets initial packets
     * @return this network, for chaining
     * @throws TeaflowTypeException when {@code graph} is null
     * @throws TeaflowException when the network already has nodes, the graph is not valid (a
     *         {@link io.teaflow.graph.GraphException}), or a process or connection cannot be added
     *         (unknown component, undeclared port...): the message names the process or connection
     */
    public Network loadGraph(Graph graph) {
        GraphLoader.load(this, record, graph);
        return this;
    }

    /**
     * Registers a component under {@code name}, for the nodes added afterwards; registering a name
     * again replaces its factory (nodes already made keep their actors).
     *
     * @param name the component name, such as {@code shop/Total}: non-empty, not starting with
     *        {@code core/} (reserved for the built-in components)
     * @param factory makes one actor per node, such as {@code Total::new}
     * @return this network, for chaining
     * @throws TeaflowTypeException when {@code name} is null or empty, or {@code factory} is null
     * @throws TeaflowException when {@code name} starts with {@code core/}, or a graph is registered
     *         under it
     */
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
     *
     * @param name the component name: non-empty, not starting with {@code core/}, not a registered
     *        actor or built-in component
     * @param graph the graph, kept (not copied) and checked now
     * @return this network, for chaining
     * @throws TeaflowTypeException when {@code name} is null or empty, or {@code graph} is null
     * @throws TeaflowException when {@code name} starts with {@code core/} or names a component already,
     *         or the graph is not valid ({@link Graph#validate()})
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

    /**
     * Adds node {@code id} made of {@code component}, with its config (may be null). Allowed while
     * running: the node runs once packets reach it.
     *
     * @param id the node id: non-empty and not used by another node (those made for a subgraph
     *        node's processes, {@code sub/process}, included)
     * @param component a built-in, library, registered actor or registered graph name, such as
     *        {@code core/Counter}
     * @param config any object, given to the actor as {@link ActorContext#config()}; null for none
     * @return this network, for chaining
     * @throws TeaflowTypeException when {@code id} is null or empty
     * @throws TeaflowException when the id is taken, the component is unknown (the message lists the
     *         known ones), or making the node fails (a negative capacity, {@link Actor#created} threw,
     *         or a graph component's processes cannot be made or wired); nothing is added then
     */
    public Network addNode(String id, String component, Object config) {
        return addNode(id, component, config, null);
    }

    /**
     * Adds a node with process metadata (kept as given, returned by {@link #toGraph}); otherwise as
     * {@link #addNode(String, String, Object)}.
     *
     * @param id the node id: non-empty and not used by another node
     * @param component a built-in, library, registered actor or registered graph name
     * @param config any object, given to the actor as {@link ActorContext#config()}; null for none
     * @param processMetadata any object, such as an editor's position; null for none
     * @return this network, for chaining
     * @throws TeaflowTypeException when {@code id} is null or empty
     * @throws TeaflowException when the id is taken, the component is unknown, or making the node fails
     */
    public Network addNode(String id, String component, Object config, Object processMetadata) {
        CallName call = CallName.of("addNode", id, component);
        if (id == null || id.isEmpty()) {
            throw new TeaflowTypeException(call + ": the node id must be a non-empty string");
        }
        create(call, id, component, config);
        record.addNode(id, processMetadata);
        return this;
    }

    /** Makes the node (or, for a graph component, the nodes) of {@code id}; all or nothing. */
    private void create(CallName call, String id, String component, Object config) {
        if (wiring.has(id)) {
            throw new TeaflowException(call + ": a node with id '" + id + "' already exists");
        }
        Graph graph = component == null || graphs.isEmpty() ? null : graphs.get(component);
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
        wiring.nodes.put(id, node);
    }

    private void createComposite(CallName call, String id, String component, Graph graph) {
        Composite composite = new Composite(id, component, graph, newState(id));
        wiring.composites.put(id, composite);
        try {
            for (GraphProcess process : graph.processes().values()) {
                String member = composite.member(process.id());
                create(CallName.text(call + " in graph " + component), member, process.component(), null);
                composite.members.add(member);
            }
            record.initials.addAll(wiring.wireGraph(call, composite));
        } catch (RuntimeException e) {
            destroy(composite.id, CallName.text("addNode"));
            throw e;
        }
        if (scheduler.isStarted()) {
            for (InitialPacket initial : record.initials) {
                if (initial.entry().to.id.startsWith(id + "/")) {
                    scheduler.deliver(initial.entry(), initial.value());
                }
            }
            scheduler.requestDrain();
        }
    }

    private LiveMemoryState newState(String id) {
        return new LiveMemoryState(id, host.newStateStorage(id), stateErrors);
    }

    /**
     * Connects an outport to an inport; both must be declared. Allowed while running: packets sent
     * from then on travel on it. An outport may lead to many inports (each gets every packet) and
     * an inport may be fed by many outports.
     *
     * @param from the id of a node you added (for a subgraph node, its exported outports are its ports)
     * @param fromPort an outport of {@code from}
     * @param to the id of a node you added
     * @param toPort an inport of {@code to}
     * @return this network, for chaining
     * @throws TeaflowException when a node is unknown or was made for a subgraph's process, a port is
     *         not declared (the message lists the declared ones), or the connection already exists
     */
    public Network addConnection(String from, String fromPort, String to, String toPort) {
        return connect(from, fromPort, null, to, toPort, null, null);
    }

    /**
     * Connects with the FBP graph's extras: port indexes and metadata, kept and returned by {@link #toGraph};
     * otherwise as {@link #addConnection}.
     *
     * @param from the id of a node you added
     * @param fromPort an outport of {@code from}
     * @param fromIndex the array-port index of the source; kept, not used for routing; null for none
     * @param to the id of a node you added
     * @param toPort an inport of {@code to}
     * @param toIndex the array-port index of the target; kept, not used for routing; null for none
     * @param connectionMetadata any object; null for none
     * @return this network, for chaining
     * @throws TeaflowException when a node is unknown or was made for a subgraph's process, a port is
     *         not declared, or the connection already exists
     */
    public Network connect(String from, String fromPort, Integer fromIndex, String to, String toPort, Integer toIndex,
            Object connectionMetadata) {
        CallName call = CallName.of("addConnection", from, fromPort, to, toPort);
        topLevelNode(call, from);
        topLevelNode(call, to);
        // A repeated connection resolves to the same wire, which wire() refuses.
        InPort target = wiring.resolveIn(call, to, toPort, record.caseSensitive);
        Connection connection = wiring.wire(call, from, fromPort, target, record.caseSensitive);
        // The names as the user gave them, but the network's own equal strings where there are
        // some: the edge then holds no copies of its own (four strings per edge of a large network).
        record.addEdge(new Edge(same(connection.from.id, from), same(connection.fromPort, fromPort), fromIndex,
                same(connection.to.id, to), same(connection.toPort, toPort), toIndex, connectionMetadata, connection));
        return this;
    }

    /**
     * Removes a connection, also while running. No packet is sent on it afterwards; packets already
     * sent on it belong to the target's inport and are still delivered.
     *
     * @param from the id of the sending node, as given to {@link #addConnection}
     * @param fromPort its outport
     * @param to the id of the receiving node
     * @param toPort its inport
     * @return this network, for chaining
     * @throws TeaflowException when a node is unknown or was made for a subgraph's process, or there is
     *         no such connection
     */
    public Network removeConnection(String from, String fromPort, String to, String toPort) {
        CallName call = CallName.of("removeConnection", from, fromPort, to, toPort);
        topLevelNode(call, from);
        topLevelNode(call, to);
        Edge edge = record.findEdge(from, fromPort, to, toPort);
        if (edge == null) {
            throw new TeaflowException(call + ": there is no such connection");
        }
        disconnect(edge.connection());
        return this;
    }

    /**
     * Removes a node and its connections, also while running: it is never run again (a pending
     * asynchronous run is forgotten) and its state is released. Packets it already sent are still
     * delivered to their receivers; the packets waiting for it can no longer be, and are reported
     * in an error event carrying them ({@link NetworkEvent#lost}), never dropped silently.
     * A node made of a graph goes with all the nodes of its processes.
     *
     * @param id the id of a node you added
     * @return this network, for chaining
     * @throws TeaflowException when there is no such node, or it was made for a subgraph's process
     *         (remove the subgraph node instead)
     */
    public Network removeNode(String id) {
        CallName call = CallName.of("removeNode", id);
        topLevelNode(call, id);
        record.removeNode(id);
        destroy(id, call);
        return this;
    }

    /** Removes node {@code id} (a composite with its members) and every connection touching it. */
    private void destroy(String id, CallName call) {
        Composite composite = wiring.composites.remove(id);
        if (composite != null) {
            for (int i = composite.members.size() - 1; i >= 0; i--) {
                destroy(composite.members.get(i), call);
            }
            return;
        }
        Node node = wiring.nodes.get(id);
        if (node == null) {
            return;
        }
        for (Connection connection : wiring.touching(node)) {
            disconnect(connection);
        }
        record.initials.removeIf(initial -> initial.entry().to == node);
        wiring.nodes.remove(id);
        if (lastSendEntry != null && lastSendEntry.to == node) {
            lastSendEntry = null;
        }
        List<Object> waiting = scheduler.retire(node);
        if (!waiting.isEmpty()) {
            events.emit(NetworkEvent.lost(id, call + ": " + waiting.size() + " packet(s) waiting for node '" + id
                    + "' were not delivered", waiting));
        }
    }

    private void disconnect(Connection connection) {
        wiring.disconnect(connection);
        record.forget(connection);
        // The source may have been waiting for room in the target; now it waits for nothing.
        scheduler.makeReady(connection.from);
        scheduler.requestDrain();
    }

    /**
     * Adds a packet sent to {@code node.port} at every start (and at once if already running).
     *
     * @param node the id of a node you added
     * @param port an inport of it
     * @param value the packet: any value, null included; the same object is sent at every start
     * @return this network, for chaining
     * @throws TeaflowException when the node is unknown or was made for a subgraph's process, or
     *         {@code port} is not one of its inports
     */
    public Network addInitial(String node, String port, Object value) {
        return addInitial(node, port, value, null, null);
    }

    /**
     * Adds an initial packet with the FBP graph's extras: the port index and metadata, kept and
     * returned by {@link #toGraph}; otherwise as {@link #addInitial(String, String, Object)}.
     *
     * @param node the id of a node you added
     * @param port an inport of it
     * @param value the packet: any value, null included
     * @param index the array-port index; kept, not used for routing; null for none
     * @param packetMetadata any object; null for none
     * @return this network, for chaining
     * @throws TeaflowException when the node is unknown or was made for a subgraph's process, or
     *         {@code port} is not one of its inports
     */
    public Network addInitial(String node, String port, Object value, Integer index, Object packetMetadata) {
        CallName call = CallName.of("addInitial", node, port);
        topLevelNode(call, node);
        Connection entry = wiring.resolveIn(call, node, port, record.caseSensitive).entry;
        record.initials.add(new InitialPacket(entry, value, node, port, index, packetMetadata));
        if (scheduler.isStarted()) {
            scheduler.deliver(entry, value);
            scheduler.requestDrain();
        }
        return this;
    }

    /**
     * Starts the network: emits 'start' and sends the initial packets, which run right after this call.
     *
     * @throws TeaflowException when the network is already running
     */
    public void start() {
        if (scheduler.isStarted()) {
            throw new TeaflowException("start(): the network is already running");
        }
        scheduler.start();
        for (InitialPacket initial : record.initials) {
            scheduler.deliver(initial.entry(), initial.value());
        }
        scheduler.requestDrain();
    }

    /**
     * Sends a packet from outside to {@code node.port}; it runs right after this call, together
     * with whatever else was sent meanwhile. The network must be running.
     *
     * @param node a node id; {@code sub/process} reaches a process inside subgraph node {@code sub}
     * @param port an inport of that node (for a subgraph node, one of its exported inports)
     * @param value the packet: any value, null included; the receiver gets the same object
     * @throws TeaflowException when the node is unknown, {@code port} is not one of its inports, or the
     *         network is not running (call {@link #start()} first)
     */
    public void send(String node, String port, Object value) {
        Connection entry = lastSendEntry;
        // A page sending a burst passes the same two strings every time: their inport is at hand
        // (a node's inports never change; destroy() forgets it when its node goes).
        if (node != lastSendNode || port != lastSendPort || entry == null) {
            entry = directEntry(node, port);
        }
        if (!scheduler.isStarted()) {
            throw new TeaflowException("send(" + quote(node) + ", " + quote(port) + "): the network is not running;"
                    + " call start() first (packets for start belong in addInitial)");
        }
        scheduler.deliver(entry, value);
        scheduler.requestDrain();
    }

    /** The entry of {@code node.port} for {@link #send}, kept for the next send when it is a plain node's inport. */
    private Connection directEntry(String node, String port) {
        Connection entry = wiring.directEntry(node, port);
        if (entry != null) {
            lastSendNode = node;
            lastSendPort = port;
            lastSendEntry = entry;
            return entry;
        }
        // Not a plain node's declared inport: resolve through subgraph nodes, or fail naming it.
        // (The call's name is built only here: building strings per packet costs microseconds.)
        return wiring.resolveIn(CallName.of("send", node, port), node, port, record.caseSensitive).entry;
    }

    /**
     * Stops starting runs; {@code onStopped} runs when the pending asynchronous runs have ended.
     * Packets still queued stay queued and run after the next {@link #start()}.
     *
     * @param onStopped called once the network has stopped (after the 'stop' event); at once if it
     *        was not running
     */
    public void stop(Runnable onStopped) {
        scheduler.stop(onStopped);
    }

    /**
     * Runs {@code callback} when nothing is queued or running (at once if that is so now).
     *
     * @param callback called once, when the network is next idle (see {@link #isIdle()})
     */
    public void whenIdle(Runnable callback) {
        scheduler.whenIdle(callback);
    }

    /**
     * Whether the network has nothing to do now.
     *
     * @return true when no run is in progress or pending and no packet waits that could run (packets
     *         waiting in a stopped network do not count)
     */
    public boolean isIdle() {
        return scheduler.isIdle();
    }

    /**
     * Whether the network is started.
     *
     * @return true from {@link #start()} until {@link #stop} is called
     */
    public boolean isRunning() {
        return scheduler.isStarted();
    }

    /**
     * Listens to events of {@code type}: start, stop, idle, error, data, or * for all. An error event
     * nobody listens to is logged by the host instead.
     *
     * @param type {@code start}, {@code stop}, {@code idle}, {@code error}, {@code data} or {@code *}
     *        (see {@link NetworkEvent.Type#jsName()})
     * @param listener called with each such event
     * @return the subscription; {@link Subscription#cancel()} stops the calls
     * @throws TeaflowException when {@code type} is none of those
     * @throws TeaflowTypeException when {@code listener} is null
     */
    public Subscription on(String type, NetworkListener listener) {
        return events.on(type, listener);
    }

    /**
     * The live state of node {@code id}; nodes inside a subgraph node are {@code "node/process"}.
     *
     * @param id a node id: one you added (a subgraph node has a state of its own too) or
     *        {@code sub/process}
     * @return the state the node's actor reads and writes: the same object at every call
     * @throws TeaflowException when there is no such node
     */
    public ActorState state(String id) {
        return liveState(id);
    }

    /** The same, as the runtime's own state class (for {@link #restoreStates}). */
    private LiveMemoryState liveState(String id) {
        Composite composite = wiring.composite(id);
        if (composite != null) {
            return composite.state;
        }
        return wiring.node(CallName.of("state", id), id).state;
    }

    /**
     * The network as an FBP graph: its top-level nodes (a subgraph node is one process, its
     * component the graph's name), their connections and initial packets (also after a run), and
     * what a loaded graph carried: metadata, indexes, exported ports, groups, properties.
     *
     * @return a new graph; adding to it does not change the network (metadata, properties and packets
     *         are the network's very objects, though)
     */
    public Graph toGraph() {
        return record.toGraph(id -> {
            Composite composite = wiring.composite(id);
            return composite != null ? composite.component : wiring.nodes.get(id).component;
        });
    }

    /**
     * A deep, JSON-safe copy of every node's state, node id → entries (a {@code Map} on the JVM, a
     * plain object in JS). A value JSON cannot carry is an error naming node and key, or is left
     * out if {@code skipUnserializable}.
     *
     * @param skipUnserializable true to leave out a value JSON cannot carry, false to fail on it
     * @return node id to that node's entries (key to value), subgraph nodes first, then every running
     *         node, {@code sub/process} ones included; ready for {@link #restoreStates}
     * @throws TeaflowException naming node, key and place, when a value cannot be carried and
     *         {@code skipUnserializable} is false
     */
    public Map<String, Object> snapshotStates(boolean skipUnserializable) {
        return StateSnapshots.take(wiring, skipUnserializable);
    }

    /**
     * Makes the state of each node named in {@code states} equal to its snapshot (keys added since
     * are removed), in the same state objects. Everything is checked before anything changes: an
     * unknown node or a value JSON cannot carry is an error naming it.
     * Nodes not named keep their state; subscribers are told of every change.
     *
     * @param states node id to entries, as {@link #snapshotStates} gives them (or parsed from their JSON)
     * @throws TeaflowTypeException when {@code states} is null, or a node's entries are not an object
     * @throws TeaflowException when a node is unknown or a value is one JSON cannot carry; no state
     *         changes then
     */
    public void restoreStates(Map<String, Object> states) {
        StateSnapshots.restore(states, this::liveState);
    }

    /**
     * The names of the components given at construction: on the JVM, those of every component
     * library on the class path, the built-ins among them.
     *
     * @return a new list of the names, in order
     */
    public List<String> builtInComponents() {
        return components.builtInNames();
    }

    /**
     * What every node is doing now (a copy; see {@link NodeStats}): subgraph nodes first, then running nodes.
     *
     * @return a new list, one entry per node
     */
    public List<NodeStats> nodeStats() {
        return NetworkStats.nodes(wiring, components);
    }

    /**
     * Every wire between running nodes (inside subgraphs too) with the packets delivered on it so far.
     *
     * @return a new list, in the order the wires were made
     */
    public List<ConnectionStats> connectionStats() {
        return NetworkStats.connections(wiring);
    }

    /**
     * The ids of the nodes the user added (subgraph processes not included), in order.
     *
     * @return a new list of ids, in the order added
     */
    public List<String> nodeIds() {
        return new ArrayList<>(record.topLevel);
    }

    /** {@code own} if it equals {@code given}, else {@code given}. */
    private static String same(String own, String given) {
        return own.equals(given) ? own : given;
    }

    private void topLevelNode(CallName call, String id) {
        record.checkTopLevel(call, id, wiring);
    }

    private void reportError(String node, String message, Object error) {
        scheduler.reportError(node, message, error);
    }

}
