package io.teaflow.runtime;

import io.teaflow.graph.ExportedPort;
import io.teaflow.graph.Graph;
import io.teaflow.graph.GraphConnection;
import io.teaflow.graph.GraphEndpoint;
import io.teaflow.graph.GraphGroup;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * A {@link Network} as the FBP graph the user built or loaded: its top-level nodes, the
 * connections and initial packets as the user named them (between top-level nodes, with indexes and
 * metadata), and what a loaded graph carried besides (properties, exported ports, groups). It is
 * what {@link Network#toGraph} gives back; the running side is {@link Wiring}. Internal.
 */
final class GraphRecord {
    boolean caseSensitive = true;
    Object properties;
    /** The ids of the nodes the user added (not those made for subgraph processes), in order. */
    final Set<String> topLevel = new LinkedHashSet<>();
    private final Map<String, Object> metadata = new HashMap<>();
    /** The connections as the user (or a loaded graph) made them, between top-level node names. */
    private final List<Edge> edges = new ArrayList<>();
    /** Every initial packet, those of subgraph nodes' graphs included (sent again at every start). */
    final List<InitialPacket> initials = new ArrayList<>();
    final List<ExportedPort> exportedInports = new ArrayList<>();
    final List<ExportedPort> exportedOutports = new ArrayList<>();
    final List<GraphGroup> groups = new ArrayList<>();

    void addNode(String id, Object processMetadata) {
        topLevel.add(id);
        if (processMetadata != null) {
            metadata.put(id, processMetadata);
        }
    }

    /** Forgets top-level node {@code id}: its connections, metadata and exported ports. */
    void removeNode(String id) {
        edges.removeIf(edge -> edge.from().equals(id) || edge.to().equals(id));
        topLevel.remove(id);
        metadata.remove(id);
        exportedInports.removeIf(port -> port.process().equals(id));
        exportedOutports.removeIf(port -> port.process().equals(id));
    }

    /** Checks that {@code id} is a node the user added, not one made inside a subgraph node. */
    void checkTopLevel(CallName call, String id, Wiring wiring) {
        if (id != null && topLevel.contains(id)) {
            return;
        }
        if (id != null && wiring.has(id)) {
            throw new TeaflowException(call + ": node '" + id + "' belongs to subgraph node '"
                    + id.substring(0, id.lastIndexOf('/')) + "'; wire and remove the subgraph node instead");
        }
        throw new TeaflowException(call + ": no node " + Wiring.quote(id) + " in this network");
    }

    void addEdge(Edge edge) {
        edges.add(edge);
    }

    /** The edge the user named so (ports compared by the network's case rule), or null. */
    Edge findEdge(String from, String fromPort, String to, String toPort) {
        for (Edge edge : edges) {
            if (edge.from().equals(from) && samePort(edge.fromPort(), fromPort) && edge.to().equals(to)
                    && samePort(edge.toPort(), toPort)) {
                return edge;
            }
        }
        return null;
    }

    /** Forgets the edge made for {@code connection} (compared by identity), if any. */
    void forget(Connection connection) {
        edges.removeIf(edge -> edge.connection() == connection);
    }

    private boolean samePort(String a, String b) {
        return caseSensitive ? a.equals(b) : a.equalsIgnoreCase(b);
    }

    /** The graph; {@code componentOf} names the component of a top-level node. */
    Graph toGraph(Function<String, String> componentOf) {
        Graph graph = new Graph(caseSensitive);
        graph.setProperties(properties);
        for (String id : topLevel) {
            graph.addProcess(id, componentOf.apply(id), metadata.get(id));
        }
        for (Edge edge : edges) {
            graph.addConnection(GraphConnection.edge(new GraphEndpoint(edge.from(), edge.fromPort(), edge.fromIndex()),
                    new GraphEndpoint(edge.to(), edge.toPort(), edge.toIndex()), edge.metadata()));
        }
        for (InitialPacket initial : initials) {
            if (initial.node() != null) {
                graph.addConnection(GraphConnection.initial(initial.value(),
                        new GraphEndpoint(initial.node(), initial.port(), initial.index()), initial.metadata()));
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

    /** A connection as made between top-level nodes, with what a graph carried about it. */
    record Edge(String from, String fromPort, Integer fromIndex, String to, String toPort, Integer toIndex,
            Object metadata, Connection connection) {
    }

    /**
     * A packet sent to an inport at every start; {@code node}/{@code port} as the user named it
     * (null for those of a subgraph node's graph, which its graph already holds).
     */
    record InitialPacket(Connection entry, Object value, String node, String port, Integer index, Object metadata) {
    }
}
