package io.teaflow.runtime;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Copies of what a network's nodes and wires are doing, for {@link Network#nodeStats} and {@link Network#connectionStats}. */
final class NetworkStats {
    private NetworkStats() {
    }

    /**
     * What every node is doing now: the subgraph nodes first, then every running node (those made
     * for subgraph processes included): runs so far, packets waiting, whether a run is pending. A
     * copy, cheap enough to take a few times a second; nothing is counted when nobody asks.
     */
    static List<NodeStats> nodes(Wiring wiring, ComponentRegistry components) {
        Map<String, String> parents = new HashMap<>();
        for (Composite composite : wiring.composites.values()) {
            for (String member : composite.members) {
                parents.putIfAbsent(member, composite.id);
            }
        }
        // A member of a nested subgraph is listed by every enclosing composite; the innermost wins.
        for (Composite composite : wiring.composites.values()) {
            for (String member : composite.members) {
                String current = parents.get(member);
                if (composite.id.length() > current.length()) {
                    parents.put(member, composite.id);
                }
            }
        }
        List<NodeStats> stats = new ArrayList<>();
        for (Composite composite : wiring.composites.values()) {
            stats.add(new NodeStats(composite.id, composite.component, NodeStats.GRAPH, parents.get(composite.id),
                    new ArrayList<>(composite.graph.inports().keySet()),
                    new ArrayList<>(composite.graph.outports().keySet()), 0, 0, false));
        }
        for (Node node : wiring.nodes.values()) {
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
    static List<ConnectionStats> connections(Wiring wiring) {
        List<ConnectionStats> stats = new ArrayList<>();
        for (Connection connection : wiring.connections()) {
            stats.add(new ConnectionStats(connection.from.id, connection.fromPort, connection.to.id, connection.toPort,
                    connection.delivered));
        }
        return stats;
    }
}
