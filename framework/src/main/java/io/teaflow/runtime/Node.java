package io.teaflow.runtime;

import io.teaflow.runtime.spi.LiveMemoryState;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One node of a network at run time: its actor, its live state, its wiring and its waiting packets. */
final class Node {
    private static final Connection[] NO_CONNECTIONS = {};

    final String id;
    final String component;
    final Actor actor;
    final Object config;
    final LiveMemoryState state;
    final List<String> inports;
    final List<String> outports;
    /** Runs once per complete set of one packet on every inport, instead of once per packet. */
    final boolean joins;
    /** Packets in arrival order (unless the node joins: then they wait in their {@link InPort}). */
    final Inbox inbox = new Inbox();
    final ActorContext context;

    private final Map<String, InPort> ports = new LinkedHashMap<>();
    private final InPort[] portList;
    // Outgoing connections per outport, copy-on-write: a send iterates a stable array. Kept by
    // name and by outport index (the order of outports), so a hot send need not hash a name.
    private final Map<String, Connection[]> outgoing = new HashMap<>();
    private final Connection[][] outgoingByIndex;
    /** How many outgoing connections lead to a bounded inport; none means never blocked. */
    private int boundedTargets;

    /** In the scheduler's ready queue. */
    boolean scheduled;
    /** A run is in progress, or pending on its {@link Completion}: the node must not be entered. */
    boolean running;
    /** Removed from its network: never run again, late completions ignored. */
    boolean removed;

    Node(String id, String component, Actor actor, Object config, LiveMemoryState state, Scheduler scheduler) {
        this.id = id;
        this.component = component;
        this.actor = actor;
        this.config = config;
        this.state = state;
        this.inports = List.copyOf(actor.inports());
        this.outports = List.copyOf(actor.outports());
        this.joins = actor.awaitsAllInports() && !inports.isEmpty();
        this.outgoingByIndex = new Connection[outports.size()][];
        for (int i = 0; i < outports.size(); i++) {
            outgoing.put(outports.get(i), NO_CONNECTIONS);
            outgoingByIndex[i] = NO_CONNECTIONS;
        }
        int index = 0;
        for (String port : inports) {
            int capacity = actor.capacity(port);
            if (capacity < 0) {
                throw new TeaflowException("inport '" + port + "' of component " + component
                        + " has a negative capacity (" + capacity + ")");
            }
            ports.put(port, new InPort(this, port, index++, capacity, joins));
        }
        this.portList = ports.values().toArray(new InPort[0]);
        this.context = new ActorContext(this, scheduler);
    }

    /** The connections leaving {@code port}; an undeclared port is an error naming it. */
    Connection[] outgoing(String port) {
        // A component usually names the port by the very String it declared it with: found by
        // identity, no hashing (in the browser, hashing a string is a loop over its characters).
        for (int i = 0; i < outgoingByIndex.length; i++) {
            if (outports.get(i) == port) {
                return outgoingByIndex[i];
            }
        }
        Connection[] connections = outgoing.get(port);
        if (connections == null) {
            throw new TeaflowException("node '" + id + "' (" + component + ") has no outport '" + port
                    + "' (outports: " + describe(outports) + ")");
        }
        return connections;
    }

    /** The connections leaving the outport at {@code index} in {@link #outports}. */
    Connection[] outgoing(int index) {
        return outgoingByIndex[index];
    }

    /** The inport {@code port}; an undeclared port is an error naming it. */
    InPort inport(String port) {
        InPort inport = ports.get(port);
        if (inport == null) {
            throw new TeaflowException("node '" + id + "' (" + component + ") has no inport '" + port
                    + "' (inports: " + describe(inports) + ")");
        }
        return inport;
    }

    /** The inport {@code port}, or null if undeclared. */
    InPort findInport(String port) {
        return ports.get(port);
    }

    InPort[] inportList() {
        return portList;
    }

    void connect(Connection connection) {
        Connection[] current = outgoing(connection.fromPort);
        Connection[] grown = Arrays.copyOf(current, current.length + 1);
        grown[current.length] = connection;
        outgoing.put(connection.fromPort, grown);
        outgoingByIndex[outports.indexOf(connection.fromPort)] = grown;
        if (connection.target().capacity > 0) {
            boundedTargets++;
        }
    }

    void disconnect(Connection connection) {
        Connection[] current = outgoing.get(connection.fromPort);
        List<Connection> kept = new ArrayList<>(Arrays.asList(current));
        if (kept.remove(connection)) {
            Connection[] shrunk = kept.toArray(NO_CONNECTIONS);
            outgoing.put(connection.fromPort, shrunk);
            outgoingByIndex[outports.indexOf(connection.fromPort)] = shrunk;
            if (connection.target().capacity > 0) {
                boundedTargets--;
            }
        }
    }

    /** A packet arrived on {@code connection}. */
    void accept(Connection connection, Object value) {
        InPort port = connection.target();
        port.waiting++;
        if (joins) {
            port.queue.add(connection, value);
        } else {
            inbox.add(connection, value);
        }
    }

    /** Enough packets wait for a run. */
    boolean hasInput() {
        if (!joins) {
            return !inbox.isEmpty();
        }
        for (InPort port : portList) {
            if (port.waiting == 0) {
                return false;
            }
        }
        return true;
    }

    /** A bounded inport this node sends to is full: it must not run until that port drains. */
    boolean isBlocked() {
        if (boundedTargets == 0) {
            return false;
        }
        for (Connection[] connections : outgoing.values()) {
            for (Connection connection : connections) {
                if (connection.target().isFull()) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String describe(List<String> ports) {
        return ports.isEmpty() ? "none" : String.join(", ", ports);
    }
}
