package io.teaflow.runtime;

import java.util.Arrays;
import java.util.HashMap;
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
    final Inbox inbox = new Inbox();
    final ActorContext context;

    // Outgoing connections per outport, copy-on-write: a send iterates a stable array.
    private final Map<String, Connection[]> outgoing = new HashMap<>();
    // The connection that packets from outside (initial packets, Network.send) arrive on, per inport.
    private final Map<String, Connection> entries = new HashMap<>();

    /** In the scheduler's ready queue. */
    boolean scheduled;
    /** A run is in progress, or pending on its {@link Completion}: the node must not be entered. */
    boolean running;

    Node(String id, String component, Actor actor, Object config, LiveMemoryState state, Scheduler scheduler) {
        this.id = id;
        this.component = component;
        this.actor = actor;
        this.config = config;
        this.state = state;
        this.inports = List.copyOf(actor.inports());
        this.outports = List.copyOf(actor.outports());
        for (String port : outports) {
            outgoing.put(port, NO_CONNECTIONS);
        }
        for (String port : inports) {
            entries.put(port, new Connection(null, null, this, port));
        }
        this.context = new ActorContext(this, scheduler);
    }

    /** The connections leaving {@code port}; an undeclared port is an error naming it. */
    Connection[] outgoing(String port) {
        Connection[] connections = outgoing.get(port);
        if (connections == null) {
            throw new TeaflowException("node '" + id + "' (" + component + ") has no outport '" + port
                    + "' (outports: " + describe(outports) + ")");
        }
        return connections;
    }

    Connection entry(String port) {
        Connection entry = entries.get(port);
        if (entry == null) {
            throw new TeaflowException("node '" + id + "' (" + component + ") has no inport '" + port
                    + "' (inports: " + describe(inports) + ")");
        }
        return entry;
    }

    void connect(Connection connection) {
        Connection[] current = outgoing(connection.fromPort);
        Connection[] grown = Arrays.copyOf(current, current.length + 1);
        grown[current.length] = connection;
        outgoing.put(connection.fromPort, grown);
    }

    private static String describe(List<String> ports) {
        return ports.isEmpty() ? "none" : String.join(", ", ports);
    }
}
