package io.teaflow.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The graphs in src/test/resources/graphs were written by fbp-graph 0.7.0 (see the README there). */
class GraphExamplesTest {
    static String resource(String name) {
        try (InputStream in = GraphExamplesTest.class.getResourceAsStream("/graphs/" + name)) {
            if (in == null) {
                throw new IllegalStateException("no resource /graphs/" + name);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            for (int n; (n = in.read(buffer)) > 0; ) {
                out.write(buffer, 0, n);
            }
            return new String(out.toByteArray(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"counting-pipeline.json", "case-sensitive.json", "from-fbp-language.json"})
    void loadsValidatesAndWritesBackTheSame(String name) {
        String text = resource(name);
        Graph graph = GraphText.read(text);
        graph.validate();
        String written = GraphText.write(graph);
        assertEquals(GraphText.parse(text), GraphText.parse(written), "equal as parsed JSON");
        assertEquals(text, written, "byte for byte");
        assertEquals(GraphText.parse(text), GraphJson.toMap(graph));
        // and again from what we wrote
        assertEquals(text, GraphText.write(GraphText.read(written)));
    }

    @Test
    void countingPipelineModel() {
        Graph graph = GraphText.read(resource("counting-pipeline.json"));
        assertFalse(graph.isCaseSensitive());
        assertEquals(Arrays.asList("source", "split", "counter", "collect", "drop"),
                List.copyOf(graph.processes().keySet()));
        assertEquals("core/Counter", graph.process("counter").component());
        assertEquals(108.5, ((Map<?, ?>) graph.process("split").metadata()).get("y"));
        List<GraphConnection> connections = graph.connections();
        assertEquals(10, connections.size());
        assertEquals(new GraphEndpoint("split", "out", 0), connections.get(1).src());
        assertEquals(new GraphEndpoint("counter", "in"), connections.get(1).tgt());
        assertEquals(new GraphEndpoint("drop", "in", 0), connections.get(3).tgt());
        assertNull(connections.get(2).metadata());
        Object[] packets = {0.0, null, false, "", 42.0};
        for (int i = 0; i < packets.length; i++) {
            GraphConnection iip = connections.get(4 + i);
            assertTrue(iip.isInitial(), "connection " + (4 + i));
            assertNull(iip.src());
            assertEquals(packets[i], iip.data(), "connection " + (4 + i));
        }
        assertEquals(Integer.valueOf(1), connections.get(8).tgt().index());
        assertEquals("source", graph.inport("START").process());
        assertEquals("start", graph.inport("START").name());
        assertEquals("in", graph.inport("start").port());
        assertEquals(Arrays.asList("count", "items"), List.copyOf(graph.outports().keySet()));
        assertEquals(2, graph.groups().size());
        assertEquals(Arrays.asList("counter", "collect", "drop"), graph.groups().get(1).nodes());
        assertNull(graph.groups().get(1).metadata());
        assertEquals("Counting pipeline", ((Map<?, ?>) graph.properties()).get("name"));
    }

    @Test
    void caseSensitiveModel() {
        Graph graph = GraphText.read(resource("case-sensitive.json"));
        assertTrue(graph.isCaseSensitive());
        assertEquals("loader", graph.inport("graphIn").process());
        assertEquals("Reader", graph.inport("GraphIn").process());
        assertNull(graph.inport("GRAPHIN"));
        assertEquals("outData", graph.connections().get(0).src().port());
        Map<?, ?> metadata = (Map<?, ?>) graph.process("Reader").metadata();
        assertEquals(1e21, metadata.get("y"));
        assertEquals("Read \"graph\"\tfile", metadata.get("label"));
        // a whole graph as a packet: a plain value, and itself a loadable graph
        @SuppressWarnings("unchecked")
        Map<String, Object> inner = (Map<String, Object>) graph.connections().get(2).data();
        Graph innerGraph = GraphJson.fromMap(inner);
        assertEquals("core/Repeat", innerGraph.process("r").component());
        assertEquals(1.0, innerGraph.connections().get(0).data());
    }

    @Test
    void fromTheFbpLanguage() {
        Graph graph = GraphText.read(resource("from-fbp-language.json"));
        assertEquals("5", graph.connections().get(2).data());
        assertEquals("repeat", graph.inport("IN").process());
        assertEquals("count", graph.outport("COUNT").process());
    }
}
