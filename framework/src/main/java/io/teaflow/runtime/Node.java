package io.teaflow.runtime;

import io.teaflow.runtime.spi.LiveMemoryState;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

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

    // Ports are found by a scan of the (few) declared names, not through maps: a network of
    // 20,000 nodes would otherwise hold 40,000 small hash maps, and building it was mostly their GC.
    /** The inports, in the order of {@link #inports}. */
    private final InPort[] portList;
    /** Outgoing connections per outport (in the order of {@link #outports}), copy-on-write: a send iterates a stable array. */
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
        // An AbstractActor's port lists are immutable copies already (see PortNames): no copy per node.
        this.inports = actor instanceof AbstractActor ? actor.inports() : List.copyOf(actor.inports());
        this.outports = actor instanceof AbstractActor ? actor.outports() : List.copyOf(actor.outports());
        this.joins = actor.awaitsAllInports() && !inports.isEmpty();
        this.outgoingByIndex = new Connection[outports.size()][];
        Arrays.fill(outgoingByIndex, NO_CONNECTIONS);
        this.portList = new InPort[inports.size()];
        for (int index = 0; index < portList.length; index++) {
            String port = inports.get(index);
            int capacity = actor.capacity(port);
            if (capacity < 0) {
                throw new TeaflowException("inport '" + port + "' of component " + component
                        + " has a negative capacity (" + capacity + ")");
            }
            portList[index] = new InPort(this, port, index, capacity, joins);
        }
        this.context = new ActorContext(this, scheduler);
    }

    /** The connections leaving {@code port}; an undeclared port is an error naming it. */
    Connection[] outgoing(String port) {
        // A component usually names the port by the very String it declared it with: found by
        // identity, no equals (in the browser, comparing strings may compare their characters).
        for (int i = 0; i < outgoingByIndex.length; i++) {
            if (outports.get(i) == port) {
                return outgoingByIndex[i];
            }
        }
        return outgoingByIndex[outportIndex(port)];
    }

    /** The index of outport {@code port} in {@link #outports}; an undeclared port is an error naming it. */
    private int outportIndex(String port) {
        int index = indexOf(outports, port);
        if (index < 0) {
            throw new TeaflowException("node '" + id + "' (" + component + ") has no outport '" + port
                    + "' (outports: " + describe(outports) + ")");
        }
        return index;
    }

    /** The connections leaving the outport at {@code index} in {@link #outports}; checked here, as a browser's arrays are not. */
    Connection[] outgoing(int index) {
        if (index < 0 || index >= outgoingByIndex.length) {
            throw new IndexOutOfBoundsException("node '" + id + "' (" + component + ") has no outport at index " + index
                    + " (outports: " + describe(outports) + ")");
        }
        return outgoingByIndex[index];
    }

    /** The inport {@code port}; an undeclared port is an error naming it. */
    InPort inport(String port) {
        InPort inport = findInport(port);
        if (inport == null) {
            throw new TeaflowException("node '" + id + "' (" + component + ") has no inport '" + port
                    + "' (inports: " + describe(inports) + ")");
        }
        return inport;
    }

    /** The inport {@code port}, or null if undeclared. */
    InPort findInport(String port) {
        int index = indexOf(inports, port);
        return index < 0 ? null : portList[index];
    }

    InPort[] inportList() {
        return portList;
    }

    void connect(Connection connection) {
        int index = outportIndex(connection.fromPort);
        Connection[] current = outgoingByIndex[index];
        Connection[] grown = Arrays.copyOf(current, current.length + 1);
        grown[current.length] = connection;
        outgoingByIndex[index] = grown;
        if (connection.target().capacity > 0) {
            boundedTargets++;
        }
    }

    void disconnect(Connection connection) {
        int index = outportIndex(connection.fromPort);
        List<Connection> kept = new ArrayList<>(Arrays.asList(outgoingByIndex[index]));
        if (kept.remove(connection)) {
            outgoingByIndex[index] = kept.toArray(NO_CONNECTIONS);
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

    /** A number arrived on {@code connection}, sent as a number: it waits unboxed. */
    void acceptNumber(Connection connection, double value) {
        InPort port = connection.target();
        port.waiting++;
        if (joins) {
            port.queue.addNumber(connection, value);
        } else {
            inbox.addNumber(connection, value);
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
        for (Connection[] connections : outgoingByIndex) {
            for (Connection connection : connections) {
                if (connection.target().isFull()) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Where {@code name} is in {@code names}, -1 if not there or null (an immutable list's indexOf(null) throws). */
    private static int indexOf(List<String> names, String name) {
        return name == null ? -1 : names.indexOf(name);
    }

    private static String describe(List<String> ports) {
        return ports.isEmpty() ? "none" : String.join(", ", ports);
    }
}
