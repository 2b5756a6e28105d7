package io.teaflow.runtime;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A network of nodes (actors with their own live state) wired by connections and fed by initial
 * packets: the Java API, and what the JS {@code Network} wraps. Every misuse throws a
 * {@link TeaflowException} naming what was wrong, before anything is changed.
 */
public final class Network {
    private final Host host;
    private final ComponentRegistry components;
    private final EventBus events;
    private final Scheduler scheduler;
    private final Map<String, Node> nodes = new LinkedHashMap<>();
    private final List<Connection> connections = new ArrayList<>();
    private final List<InitialPacket> initials = new ArrayList<>();

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

    /** Registers a component under {@code name}; {@code core/} names are reserved. */
    public Network registerActor(String name, ActorFactory factory) {
        components.register(name, factory);
        return this;
    }

    /** Adds node {@code id} made of {@code component}, with its config (may be null). */
    public Network addNode(String id, String component, Object config) {
        String call = "addNode(" + quote(id) + ", " + quote(component) + ")";
        if (id == null || id.isEmpty()) {
            throw new TeaflowTypeException(call + ": the node id must be a non-empty string");
        }
        if (nodes.containsKey(id)) {
            throw new TeaflowException(call + ": a node with id '" + id + "' already exists");
        }
        ActorFactory factory = component == null ? null : components.find(component);
        if (factory == null) {
            throw new TeaflowException(call + ": unknown component " + quote(component) + " (known: "
                    + String.join(", ", components.names()) + ")");
        }
        Actor actor;
        LiveMemoryState state = new LiveMemoryState(id, host.newStateStorage(id), this::reportError);
        try {
            actor = factory.create();
            actor.created(state);
        } catch (TeaflowException e) {
            throw new TeaflowException(call + ": " + e.getMessage());
        } catch (ForeignError e) {
            throw new ForeignError(call + ": " + e.getMessage(), e.error());
        }
        nodes.put(id, new Node(id, component, actor, config, state, scheduler));
        return this;
    }

    /** Connects an outport to an inport; both must be declared. */
    public Network addConnection(String from, String fromPort, String to, String toPort) {
        String call = "addConnection(" + quote(from) + ", " + quote(fromPort) + ", " + quote(to) + ", "
                + quote(toPort) + ")";
        Node source = node(call, from);
        Node target = node(call, to);
        InPort targetPort;
        try {
            source.outgoing(fromPort);
            targetPort = target.inport(toPort);
        } catch (TeaflowException e) {
            throw new TeaflowException(call + ": " + e.getMessage());
        }
        if (find(from, fromPort, to, toPort) != null) {
            throw new TeaflowException(call + ": this connection already exists");
        }
        Connection connection = new Connection(source, fromPort, targetPort, target);
        source.connect(connection);
        targetPort.incoming.add(connection);
        connections.add(connection);
        return this;
    }

    /**
     * Removes a connection, also while running. Packets it delivered that the target has not taken
     * yet are taken out and reported in an error event ({@link NetworkEvent#lost}), never dropped silently.
     */
    public Network removeConnection(String from, String fromPort, String to, String toPort) {
        String call = "removeConnection(" + quote(from) + ", " + quote(fromPort) + ", " + quote(to) + ", "
                + quote(toPort) + ")";
        node(call, from);
        node(call, to);
        Connection connection = find(from, fromPort, to, toPort);
        if (connection == null) {
            throw new TeaflowException(call + ": there is no such connection");
        }
        disconnect(call, connection);
        return this;
    }

    /**
     * Removes a node and its connections, also while running: it is never run again (a pending
     * asynchronous run is forgotten), its state is released, and the packets waiting for it or
     * sent by it and not yet taken are reported in error events ({@link NetworkEvent#lost}).
     */
    public Network removeNode(String id) {
        String call = "removeNode(" + quote(id) + ")";
        Node node = node(call, id);
        for (Connection connection : new ArrayList<>(connections)) {
            if (connection.from == node || connection.to == node) {
                disconnect(call, connection);
            }
        }
        initials.removeIf(initial -> initial.entry.to == node);
        nodes.remove(id);
        List<Object> waiting = scheduler.retire(node);
        if (!waiting.isEmpty()) {
            events.emit(NetworkEvent.lost(id, call + ": " + waiting.size() + " packet(s) waiting for node '" + id
                    + "' were not delivered", waiting));
        }
        return this;
    }

    private void disconnect(String call, Connection connection) {
        connection.from.disconnect(connection);
        connection.target().incoming.remove(connection);
        connections.remove(connection);
        List<Object> lost = scheduler.purge(connection);
        if (!lost.isEmpty()) {
            events.emit(NetworkEvent.lost(connection.toNode(), call + ": " + lost.size() + " packet(s) in flight on "
                    + connection + " were not delivered", lost));
        }
        // The source may have been waiting for room in the target; now it waits for nothing.
        scheduler.makeReady(connection.from);
        scheduler.requestDrain();
    }

    private Connection find(String from, String fromPort, String to, String toPort) {
        for (Connection existing : connections) {
            if (existing.joins(from, fromPort, to, toPort)) {
                return existing;
            }
        }
        return null;
    }

    /** Adds a packet sent to {@code node.port} at every start (and at once if already running). */
    public Network addInitial(String node, String port, Object value) {
        String call = "addInitial(" + quote(node) + ", " + quote(port) + ")";
        Connection entry = entry(call, node, port);
        initials.add(new InitialPacket(entry, value));
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
        String call = "send(" + quote(node) + ", " + quote(port) + ")";
        Connection entry = entry(call, node, port);
        if (!scheduler.isStarted()) {
            throw new TeaflowException(call + ": the network is not running; call start() first"
                    + " (packets for start belong in addInitial)");
        }
        scheduler.deliver(entry, value);
        scheduler.requestDrain();
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

    /** The live state of node {@code id}. */
    public LiveMemoryState state(String id) {
        return node("state(" + quote(id) + ")", id).state;
    }

    /**
     * A deep, JSON-safe copy of every node's state, node id → entries (a {@code Map} on the JVM, a
     * plain object in JS). A value JSON cannot carry is an error naming node and key, or is left
     * out if {@code skipUnserializable}.
     */
    public Map<String, Object> snapshotStates(boolean skipUnserializable) {
        Map<String, Object> states = new LinkedHashMap<>();
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
        Map<LiveMemoryState, Map<String, Object>> prepared = new LinkedHashMap<>();
        for (Map.Entry<String, Object> entry : states.entrySet()) {
            LiveMemoryState state = node("restore()", entry.getKey()).state;
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

    /** The ids of the nodes, in the order they were added. */
    public List<String> nodeIds() {
        return new ArrayList<>(nodes.keySet());
    }

    private Node node(String call, String id) {
        Node node = id == null ? null : nodes.get(id);
        if (node == null) {
            throw new TeaflowException(call + ": no node " + quote(id) + " in this network");
        }
        return node;
    }

    private Connection entry(String call, String nodeId, String port) {
        try {
            return node(call, nodeId).entry(port);
        } catch (TeaflowException e) {
            throw e.getMessage().startsWith(call) ? e : new TeaflowException(call + ": " + e.getMessage());
        }
    }

    private void reportError(String node, String message, Object error) {
        scheduler.reportError(node, message, error);
    }

    private static String quote(String s) {
        return s == null ? "null" : "'" + s + "'";
    }

    /** A packet sent to an inport at every start. */
    private static final class InitialPacket {
        final Connection entry;
        final Object value;

        InitialPacket(Connection entry, Object value) {
            this.entry = entry;
            this.value = value;
        }
    }
}
