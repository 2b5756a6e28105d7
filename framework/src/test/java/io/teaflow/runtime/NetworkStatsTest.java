package io.teaflow.runtime;

import static io.teaflow.runtime.TestActors.actor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.teaflow.graph.GraphText;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link Network#nodeStats()} and {@link Network#connectionStats()}: what the inspector reads. */
class NetworkStatsTest {
    private static final String PAIR = """
            {"inports": {"in": {"process": "first", "port": "in"}},
             "outports": {"out": {"process": "second", "port": "out"}},
             "processes": {"first": {"component": "core/Repeat"}, "second": {"component": "Twice"}},
             "connections": [{"src": {"process": "first", "port": "out"}, "tgt": {"process": "second", "port": "in"}}]}
            """;

    private static Network sample() {
        Network net = new Network();
        net.registerActor("Twice", actor(List.of("in"), List.of("out"), ctx -> ctx.send("out", ctx.packet())));
        net.registerGraph("Pair", GraphText.read(PAIR));
        net.addNode("t", "Twice", null).addNode("pair", "Pair", null).addNode("count", "core/Counter", null)
                .addConnection("t", "out", "pair", "in").addConnection("pair", "out", "count", "in");
        return net;
    }

    private static Map<String, NodeStats> byId(Network net) {
        Map<String, NodeStats> result = new LinkedHashMap<>();
        for (NodeStats node : net.nodeStats()) {
            result.put(node.id, node);
        }
        return result;
    }

    @Test
    void nodesWithKindParentAndPorts() {
        Map<String, NodeStats> nodes = byId(sample());
        assertEquals(List.of("pair", "t", "pair/first", "pair/second", "count"), new ArrayList<>(nodes.keySet()),
                "subgraph nodes first, then every running node");
        assertEquals(NodeStats.REGISTERED, nodes.get("t").kind);
        assertEquals(NodeStats.GRAPH, nodes.get("pair").kind);
        assertEquals(NodeStats.BUILT_IN, nodes.get("pair/first").kind);
        assertEquals(NodeStats.BUILT_IN, nodes.get("count").kind);
        assertEquals("pair", nodes.get("pair/second").parent);
        assertNull(nodes.get("t").parent);
        assertEquals(List.of("in"), nodes.get("pair").inports);
        assertEquals(List.of("out"), nodes.get("pair").outports);
        assertEquals("core/Counter", nodes.get("count").component);
    }

    @Test
    void runsQueuedAndDeliveredCount() {
        Network net = sample();
        net.start();
        for (int i = 0; i < 5; i++) {
            net.send("t", "in", i);
        }
        Map<String, NodeStats> nodes = byId(net);
        assertEquals(5, nodes.get("t").runs);
        assertEquals(0, nodes.get("t").queued);
        assertEquals(5, nodes.get("count").runs);
        Map<String, Integer> delivered = new LinkedHashMap<>();
        for (ConnectionStats wire : net.connectionStats()) {
            delivered.put(wire.from + "." + wire.fromPort + ">" + wire.to + "." + wire.toPort, wire.delivered);
        }
        assertEquals(Map.of("t.out>pair/first.in", 5, "pair/first.out>pair/second.in", 5,
                "pair/second.out>count.in", 5), delivered);
    }

    @Test
    void aPendingRunIsRunningAndItsQueueCounts() {
        Network net = new Network();
        List<Completion> pending = new ArrayList<>();
        net.registerActor("Slow", actor(List.of("in"), List.of(), ctx -> pending.add(ctx.async())));
        net.addNode("s", "Slow", null);
        net.start();
        net.send("s", "in", 1);
        net.send("s", "in", 2);
        net.send("s", "in", 3);
        NodeStats slow = net.nodeStats().get(0);
        assertEquals(1, slow.runs);
        assertEquals(2, slow.queued);
        assertEquals(true, slow.running);
        pending.get(0).complete();
        pending.get(1).complete();
        pending.get(2).complete();
        slow = net.nodeStats().get(0);
        assertEquals(3, slow.runs);
        assertEquals(0, slow.queued);
        assertEquals(false, slow.running);
    }
}
