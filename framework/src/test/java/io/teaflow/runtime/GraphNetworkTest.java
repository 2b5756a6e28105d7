package io.teaflow.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.teaflow.graph.Graph;
import io.teaflow.graph.GraphJson;
import io.teaflow.graph.GraphText;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Networks loaded from and exported to FBP graphs, and subgraphs as components. */
class GraphNetworkTest {
    private static final String PIPELINE = "{"
            + "\"caseSensitive\": false,"
            + "\"properties\": {\"name\": \"pipeline\"},"
            + "\"inports\": {\"IN\": {\"process\": \"repeat\", \"port\": \"in\"}},"
            + "\"outports\": {},"
            + "\"groups\": [{\"name\": \"counting\", \"nodes\": [\"count\"], \"metadata\": {\"color\": 3}}],"
            + "\"processes\": {"
            + "  \"repeat\": {\"component\": \"core/Repeat\", \"metadata\": {\"x\": 10, \"label\": \"Repeat\"}},"
            + "  \"count\": {\"component\": \"core/Counter\"},"
            + "  \"collect\": {\"component\": \"core/Collect\"}},"
            + "\"connections\": ["
            + "  {\"src\": {\"process\": \"repeat\", \"port\": \"OUT\"}, \"tgt\": {\"process\": \"count\", \"port\": \"in\"},"
            + "   \"metadata\": {\"route\": 2}},"
            + "  {\"src\": {\"process\": \"count\", \"port\": \"out\"}, \"tgt\": {\"process\": \"collect\", \"port\": \"in\"}},"
            + "  {\"data\": 0, \"tgt\": {\"process\": \"repeat\", \"port\": \"in\"}},"
            + "  {\"data\": null, \"tgt\": {\"process\": \"repeat\", \"port\": \"in\"}}]}";

    @Test
    void aLoadedGraphRunsAndExportsWhatItCarried() {
        Graph graph = GraphText.read(PIPELINE);
        Network net = new Network().loadGraph(graph);
        net.start();
        assertEquals(2.0, net.state("count").get("count"), "both initial packets, 0 and null, ran");
        assertEquals(List.of(1.0, 2.0), net.state("collect").get("items"));
        assertEquals(GraphJson.toMap(graph), GraphJson.toMap(net.toGraph()), "the same graph comes back, after a run too");
    }

    @Test
    void anInvalidGraphNamesTheOffendingProcessOrConnection() {
        String unknown = PIPELINE.replace("core/Collect", "core/Nope");
        TeaflowException e = assertThrows(TeaflowException.class, () -> new Network().loadGraph(GraphText.read(unknown)));
        assertTrue(e.getMessage().contains("process 'collect'") && e.getMessage().contains("core/Nope"), e.getMessage());
        String badPort = PIPELINE.replace("\"port\": \"OUT\"", "\"port\": \"sideways\"");
        e = assertThrows(TeaflowException.class, () -> new Network().loadGraph(GraphText.read(badPort)));
        assertTrue(e.getMessage().contains("connection 0") && e.getMessage().contains("'sideways'"), e.getMessage());
    }

    @Test
    void aSubgraphIsAComponentWhoseProcessesKeepTheirOwnState() {
        Network net = new Network().registerGraph("Pipeline", GraphText.read(PIPELINE));
        net.addNode("p", "Pipeline", null).addNode("q", "Pipeline", null).addNode("src", "core/Repeat", null)
                .addConnection("src", "out", "p", "IN").addConnection("src", "out", "q", "in");
        net.start();
        net.send("src", "in", "x");
        assertEquals(3.0, net.state("p/count").get("count"), "two initial packets and one from outside");
        assertEquals(3.0, net.state("q/count").get("count"));
        assertNotSame(net.state("p/count"), net.state("q/count"), "each subgraph node has its own inner states");
        assertNotSame(net.state("p"), net.state("p/count"), "the subgraph node has its own state");
        assertEquals(List.of("p", "q", "src"), net.nodeIds());
        Graph exported = net.toGraph();
        assertEquals("Pipeline", exported.process("p").component(), "a subgraph node is one process");
        assertEquals(3, exported.processes().size());
        net.removeNode("p");
        assertThrows(TeaflowException.class, () -> net.state("p/count"), "its inner nodes went with it");
        net.send("src", "in", "y");
        assertEquals(4.0, net.state("q/count").get("count"));
    }

    @Test
    void subgraphsNestAndTheirInsidesCannotBeRewiredFromOutside() {
        Graph outer = GraphText.read("{\"processes\": {\"inner\": {\"component\": \"Pipeline\"}},"
                + "\"inports\": {\"in\": {\"process\": \"inner\", \"port\": \"in\"}}}");
        Network net = new Network().registerGraph("Pipeline", GraphText.read(PIPELINE)).registerGraph("Outer", outer);
        net.addNode("o", "Outer", null);
        net.start();
        net.send("o", "in", 1);
        assertEquals(3.0, net.state("o/inner/count").get("count"));
        TeaflowException e = assertThrows(TeaflowException.class,
                () -> net.addConnection("o/inner/count", "out", "o", "in"));
        assertTrue(e.getMessage().contains("subgraph node 'o/inner'"), e.getMessage());
        e = assertThrows(TeaflowException.class, () -> net.addNode("x", "Outer2", null));
        assertTrue(e.getMessage().contains("Outer2"), e.getMessage());
    }

    @Test
    void aSubgraphWithAnUnknownComponentAddsNothing() {
        Network net = new Network().registerGraph("Broken", GraphText.read(PIPELINE.replace("core/Collect", "Nope")));
        TeaflowException e = assertThrows(TeaflowException.class, () -> net.addNode("b", "Broken", null));
        assertTrue(e.getMessage().contains("'Nope'"), e.getMessage());
        assertEquals(List.of(), net.nodeIds());
        assertThrows(TeaflowException.class, () -> net.state("b/repeat"), "no inner node was left behind");
        net.registerGraph("Broken", GraphText.read(PIPELINE));
        net.addNode("b", "Broken", null);
    }
}
