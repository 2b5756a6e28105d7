package io.teaflow.runtime;

import io.teaflow.graph.ExportedPort;
import io.teaflow.graph.Graph;
import io.teaflow.graph.GraphConnection;
import io.teaflow.graph.GraphEndpoint;
import io.teaflow.runtime.GraphRecord.InitialPacket;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The running side of a {@link Network}: every node that runs (those made for subgraph processes
 * included, named {@code sub/process}), the nodes made of a registered graph, and the wires between
 * running nodes. It resolves a user's {@code node.port} through subgraph nodes' exported ports to
 * the running inport or outport behind it. Internal: {@link Network} is the API.
 */
final class Wiring {
    /** Every node that runs, those made for subgraph processes included ("sub/process"). */
    final Map<String, Node> nodes = new LinkedHashMap<>();
    /** The nodes made of a registered graph. */
    final Map<String, Composite> composites = new LinkedHashMap<>();
    // Every wire between two running nodes, those inside subgraphs included, in the order made: a
    // list linked through the connections themselves (O(1) removal, no set entry per wire).
    private Connection firstWire;
    private Connection lastWire;

    /** Whether {@code id} names a running node or a node made of a graph. */
    boolean has(String id) {
        return nodes.containsKey(id) || composite(id) != null;
    }

    /**
     * The node made of a graph named {@code id}, or null. Most networks have none: then no lookup
     * (which would hash the id, a string made for this call, once more).
     */
    Composite composite(String id) {
        return id == null || composites.isEmpty() ? null : composites.get(id);
    }

    Node node(CallName call, String id) {
        Node node = id == null ? null : nodes.get(id);
        if (node == null) {
            throw new TeaflowException(call + ": no node " + quote(id) + " in this network");
        }
        return node;
    }

    /** The running inport behind {@code id.port}, through subgraph nodes' exported inports. */
    InPort resolveIn(CallName call, String id, String port, boolean exactCase) {
        try {
            Composite composite = composite(id);
            if (composite != null) {
                ExportedPort exported = composite.inport(port, exactCase);
                return resolveIn(call, composite.member(exported.process()), exported.port(),
                        composite.graph.isCaseSensitive());
            }
            Node node = node(call, id);
            return node.inport(declared(node.inports, port, exactCase));
        } catch (TeaflowException e) {
            throw e.getMessage().startsWith(call.toString()) ? e : new TeaflowException(call + ": " + e.getMessage());
        }
    }

    /** The running node and outport behind {@code id.port}, through subgraph nodes' exported outports. */
    OutEnd resolveOut(CallName call, String id, String port, boolean exactCase) {
        try {
            Composite composite = composite(id);
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
            throw e.getMessage().startsWith(call.toString()) ? e : new TeaflowException(call + ": " + e.getMessage());
        }
    }

    /**
     * Wires the nodes made for the processes of {@code composite}'s graph as its connections say,
     * and checks its exported ports (so a bad graph fails when the node is added, not at first
     * use). Returns the graph's initial packets, for the network to send at every start.
     */
    List<InitialPacket> wireGraph(CallName call, Composite composite) {
        Graph graph = composite.graph;
        boolean exactCase = graph.isCaseSensitive();
        List<InitialPacket> initials = new ArrayList<>();
        for (GraphConnection connection : graph.connections()) {
            GraphEndpoint tgt = connection.tgt();
            InPort target = resolveIn(call, composite.member(tgt.process()), tgt.port(), exactCase);
            if (connection.isInitial()) {
                initials.add(new InitialPacket(target.entry, connection.data(), null, null, null, null));
            } else {
                GraphEndpoint src = connection.src();
                wire(call, composite.member(src.process()), src.port(), target, exactCase);
            }
        }
        for (ExportedPort port : graph.inports().values()) {
            resolveIn(call, composite.member(port.process()), port.port(), exactCase);
        }
        for (ExportedPort port : graph.outports().values()) {
            resolveOut(call, composite.member(port.process()), port.port(), exactCase);
        }
        return initials;
    }

    /** The entry of a plain node's declared inport, found without building any string; null otherwise. */
    Connection directEntry(String id, String port) {
        Node node = id == null ? null : nodes.get(id);
        InPort inport = node == null || port == null ? null : node.findInport(port);
        return inport == null ? null : inport.entry;
    }

    /** Makes the running connection from {@code from.fromPort} (resolved through subgraphs) to {@code target}. */
    Connection wire(CallName call, String from, String fromPort, InPort target, boolean exactCase) {
        OutEnd source = resolveOut(call, from, fromPort, exactCase);
        if (exists(source.node(), source.port(), target)) {
            throw new TeaflowException(call + ": this connection already exists");
        }
        Connection connection = new Connection(source.node(), source.port(), target, target.entry.to);
        source.node().connect(connection);
        target.addIncoming(connection);
        connection.previousWire = lastWire;
        if (lastWire == null) {
            firstWire = connection;
        } else {
            lastWire.nextWire = connection;
        }
        lastWire = connection;
        return connection;
    }

    /** Whether {@code from.fromPort} is wired to {@code target} already: a scan of the shorter side. */
    private static boolean exists(Node from, String fromPort, InPort target) {
        Connection[] leaving = from.outgoing(fromPort);
        if (leaving.length <= target.incoming.size()) {
            for (Connection connection : leaving) {
                if (connection.target() == target) {
                    return true;
                }
            }
            return false;
        }
        for (Connection connection : target.incoming) {
            if (connection.from == from && connection.fromPort.equals(fromPort)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Takes a connection out. Packets already sent on it stay in the target's inport: a sent packet
     * belongs to the receiver and is delivered while the receiver exists.
     */
    void disconnect(Connection connection) {
        if (connection.previousWire == null && firstWire != connection) {
            return;   // not a wire of this network (any more)
        }
        connection.from.disconnect(connection);
        connection.target().incoming.remove(connection);
        Connection previous = connection.previousWire;
        Connection next = connection.nextWire;
        if (previous == null) {
            firstWire = next;
        } else {
            previous.nextWire = next;
        }
        if (next == null) {
            lastWire = previous;
        } else {
            next.previousWire = previous;
        }
        connection.previousWire = null;
        connection.nextWire = null;
    }

    /** Every wire, in the order made (a new list). */
    List<Connection> connections() {
        List<Connection> all = new ArrayList<>();
        for (Connection connection = firstWire; connection != null; connection = connection.nextWire) {
            all.add(connection);
        }
        return all;
    }

    /** The connections from or to {@code node}, in the order made. */
    List<Connection> touching(Node node) {
        List<Connection> found = new ArrayList<>();
        for (Connection connection = firstWire; connection != null; connection = connection.nextWire) {
            if (connection.from == node || connection.to == node) {
                found.add(connection);
            }
        }
        return found;
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

    /** {@code 'id'} for messages, {@code null} for a null id. */
    static String quote(String s) {
        return s == null ? "null" : "'" + s + "'";
    }

    /** A node and one of its outports, behind a possibly exported port name. */
    record OutEnd(Node node, String port) {
    }
}
