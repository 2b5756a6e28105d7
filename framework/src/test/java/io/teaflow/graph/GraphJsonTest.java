package io.teaflow.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GraphJsonTest {
    /** Canonical: every field fbp-graph writes, in its order, 4-space indent, no trailing newline. */
    static final String CANONICAL = String.join("\n",
            "{",
            "    \"caseSensitive\": false,",
            "    \"properties\": {",
            "        \"name\": \"demo\",",
            "        \"environment\": {",
            "            \"type\": \"teaflow\"",
            "        }",
            "    },",
            "    \"inports\": {",
            "        \"IN\": {",
            "            \"process\": \"a\",",
            "            \"port\": \"in\",",
            "            \"metadata\": {}",
            "        }",
            "    },",
            "    \"outports\": {",
            "        \"OUT\": {",
            "            \"process\": \"b\",",
            "            \"port\": \"out\"",
            "        }",
            "    },",
            "    \"groups\": [",
            "        {",
            "            \"name\": \"g\",",
            "            \"nodes\": [",
            "                \"a\",",
            "                \"b\"",
            "            ],",
            "            \"metadata\": {",
            "                \"color\": 2",
            "            }",
            "        }",
            "    ],",
            "    \"processes\": {",
            "        \"a\": {",
            "            \"component\": \"core/Repeat\",",
            "            \"metadata\": {",
            "                \"x\": 1,",
            "                \"label\": \"A\"",
            "            }",
            "        },",
            "        \"b\": {",
            "            \"component\": \"core/Counter\"",
            "        }",
            "    },",
            "    \"connections\": [",
            "        {",
            "            \"src\": {",
            "                \"process\": \"a\",",
            "                \"port\": \"out\",",
            "                \"index\": 0",
            "            },",
            "            \"tgt\": {",
            "                \"process\": \"b\",",
            "                \"port\": \"in\"",
            "            },",
            "            \"metadata\": {",
            "                \"route\": 5",
            "            }",
            "        },",
            "        {",
            "            \"data\": 42,",
            "            \"tgt\": {",
            "                \"process\": \"a\",",
            "                \"port\": \"in\"",
            "            }",
            "        },",
            "        {",
            "            \"src\": {",
            "                \"process\": \"b\",",
            "                \"port\": \"out\"",
            "            },",
            "            \"tgt\": {",
            "                \"process\": \"a\",",
            "                \"port\": \"in\",",
            "                \"index\": 3",
            "            },",
            "            \"metadata\": {}",
            "        }",
            "    ]",
            "}");

    @Test
    void canonicalTextRoundTripsByteForByte() {
        Graph graph = GraphText.read(CANONICAL);
        assertEquals(CANONICAL, GraphText.write(graph));
        // the interleaved order of edges and packets is kept (fbp-graph would put packets last)
        assertFalse(graph.connections().get(0).isInitial());
        assertTrue(graph.connections().get(1).isInitial());
        assertFalse(graph.connections().get(2).isInitial());
    }

    @Test
    void compactCanonicalTextRoundTripsByteForByte() {
        String compact = GraphText.write(GraphText.parse(CANONICAL));
        assertFalse(compact.contains("\n"));
        assertEquals(compact, GraphText.write(GraphText.read(compact), 0));
    }

    @Test
    void modelReadsEveryField() {
        Graph graph = GraphText.read(CANONICAL);
        assertFalse(graph.isCaseSensitive());
        assertEquals(Arrays.asList("a", "b"), new ArrayList<>(graph.processes().keySet()));
        GraphProcess a = graph.process("a");
        assertEquals("a", a.id());
        assertEquals("core/Repeat", a.component());
        assertEquals(1.0, ((Map<?, ?>) a.metadata()).get("x"));
        assertNull(graph.process("b").metadata());
        GraphConnection edge = graph.connections().get(0);
        assertEquals(new GraphEndpoint("a", "out", 0), edge.src());
        assertEquals(new GraphEndpoint("b", "in", null), edge.tgt());
        assertEquals("a.out[0] -> b.in", edge.toString());
        assertNull(edge.data());
        GraphConnection iip = graph.connections().get(1);
        assertEquals(42.0, iip.data());
        assertNull(iip.metadata());
        assertEquals("initial packet -> a.in", iip.toString());
        ExportedPort in = graph.inports().get("IN");
        assertEquals("IN", in.name());
        assertEquals("a", in.process());
        assertEquals("in", in.port());
        assertNull(graph.outports().get("OUT").metadata());
        GraphGroup group = graph.groups().get(0);
        assertEquals("g", group.name());
        assertEquals(Arrays.asList("a", "b"), group.nodes());
    }

    @Test
    void missingFieldsDefaultAndAreWrittenOut() {
        Graph graph = GraphText.read("{\"processes\":{\"a\":{\"component\":\"core/Drop\"}}}");
        assertFalse(graph.isCaseSensitive());
        assertNull(graph.properties());
        assertEquals(0, graph.connections().size());
        assertEquals("{\"caseSensitive\":false,\"properties\":{},\"inports\":{},\"outports\":{},\"groups\":[],"
                + "\"processes\":{\"a\":{\"component\":\"core/Drop\"}},\"connections\":[]}", GraphText.write(graph, 0));
        assertEquals(0, GraphText.read("{}").processes().size());
        // null counts as absent, as in fbp-graph
        Graph nulls = GraphText.read("{\"caseSensitive\":null,\"properties\":null,\"processes\":null,"
                + "\"connections\":null,\"inports\":null,\"outports\":null,\"groups\":null}");
        assertEquals(0, nulls.processes().size());
        assertFalse(nulls.isCaseSensitive());
    }

    @Test
    void unknownFieldsAreIgnored() {
        Graph graph = GraphText.read("{\"exports\":[],\"processes\":{\"a\":{\"component\":\"x\",\"extra\":1}},"
                + "\"connections\":[{\"data\":1,\"tgt\":{\"process\":\"a\",\"port\":\"in\",\"extra\":2},\"x\":3}]}");
        assertEquals(1, graph.connections().size());
        assertFalse(GraphText.write(graph).contains("extra"));
    }

    @Test
    void initialPacketsZeroFalseEmptyAndNull() {
        String json = "{\"processes\":{\"a\":{\"component\":\"x\"}},\"connections\":["
                + "{\"data\":0,\"tgt\":{\"process\":\"a\",\"port\":\"in\"}},"
                + "{\"data\":false,\"tgt\":{\"process\":\"a\",\"port\":\"in\"}},"
                + "{\"data\":\"\",\"tgt\":{\"process\":\"a\",\"port\":\"in\"}},"
                + "{\"data\":null,\"tgt\":{\"process\":\"a\",\"port\":\"in\"}},"
                + "{\"src\":null,\"data\":null,\"tgt\":{\"process\":\"a\",\"port\":\"in\",\"index\":2}}]}";
        Graph graph = GraphText.read(json);
        List<GraphConnection> c = graph.connections();
        assertEquals(5, c.size());
        for (GraphConnection connection : c) {
            assertTrue(connection.isInitial(), connection.toString());
            assertNull(connection.src());
        }
        assertEquals(0.0, c.get(0).data());
        assertEquals(Boolean.FALSE, c.get(1).data());
        assertEquals("", c.get(2).data());
        assertNull(c.get(3).data());
        assertEquals(Integer.valueOf(2), c.get(4).tgt().index());
        String written = GraphText.write(graph, 0);
        assertTrue(written.contains("{\"data\":0,\"tgt\""), written);
        assertTrue(written.contains("{\"data\":false,\"tgt\""), written);
        assertTrue(written.contains("{\"data\":\"\",\"tgt\""), written);
        assertTrue(written.contains("{\"data\":null,\"tgt\":{\"process\":\"a\",\"port\":\"in\"}}"), written);
        assertTrue(written.contains("{\"data\":null,\"tgt\":{\"process\":\"a\",\"port\":\"in\",\"index\":2}}"), written);
        // from the model too: a null packet is a packet
        Graph built = new Graph().addProcess("a", "x", null).addInitial(null, "a", "in");
        assertTrue(built.connections().get(0).isInitial());
        assertTrue(GraphJson.toMap(built).toString().contains("data=null"));
        Map<?, ?> iip = (Map<?, ?>) ((List<?>) GraphJson.toMap(built).get("connections")).get(0);
        assertTrue(iip.containsKey("data"));
        assertNull(iip.get("data"));
    }

    @Test
    void opaqueValuesAreTheSameInstancesAllTheWay() {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("name", "opaque");
        Object processMetadata = new LinkedHashMap<String, Object>();
        Object edgeMetadata = new LinkedHashMap<String, Object>();
        Object iipMetadata = new LinkedHashMap<String, Object>();
        Object portMetadata = new LinkedHashMap<String, Object>();
        Object groupMetadata = new LinkedHashMap<String, Object>();
        List<Object> packet = new ArrayList<>(Arrays.asList(1.0, "two"));
        Object tgt = endpoint("b", "in");

        Map<String, Object> json = new LinkedHashMap<>();
        json.put("properties", properties);
        Map<String, Object> processes = new LinkedHashMap<>();
        processes.put("a", process("x", processMetadata));
        processes.put("b", process("y", null));
        json.put("processes", processes);
        Map<String, Object> edge = new LinkedHashMap<>();
        edge.put("src", endpoint("a", "out"));
        edge.put("tgt", tgt);
        edge.put("metadata", edgeMetadata);
        Map<String, Object> iip = new LinkedHashMap<>();
        iip.put("data", packet);
        iip.put("tgt", endpoint("a", "in"));
        iip.put("metadata", iipMetadata);
        json.put("connections", new ArrayList<Object>(Arrays.asList(edge, iip)));
        Map<String, Object> port = new LinkedHashMap<>();
        port.put("process", "a");
        port.put("port", "in");
        port.put("metadata", portMetadata);
        Map<String, Object> inports = new LinkedHashMap<>();
        inports.put("IN", port);
        json.put("inports", inports);
        Map<String, Object> group = new LinkedHashMap<>();
        group.put("name", "g");
        group.put("nodes", new ArrayList<Object>(Arrays.asList("a")));
        group.put("metadata", groupMetadata);
        json.put("groups", new ArrayList<Object>(Arrays.asList(group)));

        Graph graph = GraphJson.fromMap(json);
        assertSame(properties, graph.properties());
        assertSame(processMetadata, graph.process("a").metadata());
        assertSame(edgeMetadata, graph.connections().get(0).metadata());
        assertSame(packet, graph.connections().get(1).data());
        assertSame(iipMetadata, graph.connections().get(1).metadata());
        assertSame(portMetadata, graph.inports().get("IN").metadata());
        assertSame(groupMetadata, graph.groups().get(0).metadata());

        Map<String, Object> out = GraphJson.toMap(graph);
        assertSame(properties, out.get("properties"));
        assertSame(processMetadata, ((Map<?, ?>) ((Map<?, ?>) out.get("processes")).get("a")).get("metadata"));
        List<?> connections = (List<?>) out.get("connections");
        assertSame(edgeMetadata, ((Map<?, ?>) connections.get(0)).get("metadata"));
        assertSame(packet, ((Map<?, ?>) connections.get(1)).get("data"));
        assertSame(iipMetadata, ((Map<?, ?>) connections.get(1)).get("metadata"));
        assertSame(portMetadata, ((Map<?, ?>) ((Map<?, ?>) out.get("inports")).get("IN")).get("metadata"));
        assertSame(groupMetadata, ((Map<?, ?>) ((List<?>) out.get("groups")).get(0)).get("metadata"));
        // never copied, never looked into: a change made later shows through
        properties.put("late", true);
        assertTrue(GraphText.write(graph, 0).contains("\"late\":true"));
        // structure is fresh, not the input's maps
        assertFalse(out.get("processes") == processes);
        // the same through text
        Graph parsed = GraphText.read(GraphText.write(graph));
        Object parsedMetadata = parsed.process("a").metadata();
        assertSame(parsedMetadata, ((Map<?, ?>) ((Map<?, ?>) GraphJson.toMap(parsed).get("processes")).get("a"))
                .get("metadata"));
    }

    @Test
    void opaqueValuesNeedNotBeJsonForTheModel() {
        // in the browser these are JS objects; the model never looks into them
        Object jsLike = new Object();
        Graph graph = new Graph().setProperties(jsLike).addProcess("a", "x", jsLike).addInitial(jsLike, "a", "in");
        graph.validate();
        assertSame(jsLike, GraphJson.toMap(graph).get("properties"));
        // only writing them as text needs JSON values, and the error says where
        GraphException e = assertThrows(GraphException.class, () -> GraphText.write(new Graph()
                .addProcess("a", "x", metadataWith("when", new java.util.Date(0)))));
        assertEquals("graph: cannot write processes.a.metadata.when: it is a java.util.Date (only maps with"
                + " string keys, lists, strings, numbers, booleans and null can be written)", e.getMessage());
    }

    @Test
    void nestedGraphsArePlainValues() {
        String inner = "{\"caseSensitive\":false,\"properties\":{\"name\":\"inner\"},\"inports\":{},\"outports\":{},"
                + "\"groups\":[],\"processes\":{\"r\":{\"component\":\"core/Repeat\"}},\"connections\":[]}";
        String outer = "{\"caseSensitive\":false,\"properties\":{\"subgraphs\":{\"Inner\":" + inner + "}},"
                + "\"inports\":{},\"outports\":{},\"groups\":[],"
                + "\"processes\":{\"l\":{\"component\":\"graph/Load\",\"metadata\":{\"graph\":" + inner + "}}},"
                + "\"connections\":[{\"data\":" + inner + ",\"tgt\":{\"process\":\"l\",\"port\":\"graph\"}}]}";
        Graph graph = GraphText.read(outer);
        Object packet = graph.connections().get(0).data();
        assertTrue(packet instanceof Map);
        @SuppressWarnings("unchecked")
        Graph nested = GraphJson.fromMap((Map<String, Object>) packet);
        assertEquals("core/Repeat", nested.process("r").component());
        assertEquals(inner, GraphText.write(nested, 0));
        assertEquals(outer, GraphText.write(graph, 0));
        // an invalid graph inside a packet is just a value: it is not checked
        Graph tolerant = GraphText.read("{\"processes\":{\"a\":{\"component\":\"x\"}},\"connections\":[{\"data\":"
                + "{\"connections\":[{\"src\":{\"process\":\"nope\"}}]},\"tgt\":{\"process\":\"a\",\"port\":\"in\"}}]}");
        assertNotNull(tolerant.connections().get(0).data());
    }

    @Test
    void protoIsAPlainKeyAndId() {
        String json = "{\"properties\":{\"__proto__\":{\"polluted\":true}},"
                + "\"processes\":{\"__proto__\":{\"component\":\"x\",\"metadata\":{\"__proto__\":1}},"
                + "\"constructor\":{\"component\":\"y\"}},"
                + "\"connections\":[{\"src\":{\"process\":\"__proto__\",\"port\":\"out\"},"
                + "\"tgt\":{\"process\":\"constructor\",\"port\":\"in\"}}]}";
        Graph graph = GraphText.read(json);
        assertEquals("x", graph.process("__proto__").component());
        assertEquals(1.0, ((Map<?, ?>) graph.process("__proto__").metadata()).get("__proto__"));
        assertEquals(Boolean.TRUE, ((Map<?, ?>) ((Map<?, ?>) graph.properties()).get("__proto__")).get("polluted"));
        assertTrue(GraphText.write(graph, 0).contains("\"processes\":{\"__proto__\":{\"component\":\"x\","
                + "\"metadata\":{\"__proto__\":1}}"));
    }

    @Test
    void namesKeepTheirCaseAndAreComparedIgnoringCaseUnlessCaseSensitive() {
        String json = "{\"inports\":{\"IN\":{\"process\":\"A\",\"port\":\"In\"}},"
                + "\"outports\":{\"Out\":{\"process\":\"A\",\"port\":\"OUT\"}},"
                + "\"processes\":{\"A\":{\"component\":\"x\"}},"
                + "\"connections\":[{\"src\":{\"process\":\"A\",\"port\":\"OUT\"},\"tgt\":{\"process\":\"A\","
                + "\"port\":\"In\"}}]}";
        Graph graph = GraphText.read(json);
        // kept exactly as given (fbp-graph would have lower-cased the ports and the exported names)
        String written = GraphText.write(graph, 0);
        assertTrue(written.contains("\"inports\":{\"IN\":{\"process\":\"A\",\"port\":\"In\"}}"), written);
        assertTrue(written.contains("\"port\":\"OUT\""), written);
        // compared ignoring case
        assertSame(graph.inports().get("IN"), graph.inport("in"));
        assertSame(graph.outports().get("Out"), graph.outport("OUT"));
        assertNull(graph.inport("nope"));
        assertTrue(graph.samePort("In", "IN"));
        assertEquals("in", graph.portKey("In"));
        assertEquals("out", graph.portKey("out"));
        // process ids are never case-folded
        assertNull(graph.process("a"));

        Graph sensitive = GraphText.read(json.replace("{\"inports\"", "{\"caseSensitive\":true,\"inports\""));
        assertTrue(sensitive.isCaseSensitive());
        assertNull(sensitive.inport("in"));
        assertSame(sensitive.inports().get("IN"), sensitive.inport("IN"));
        assertFalse(sensitive.samePort("In", "IN"));
        assertEquals("In", sensitive.portKey("In"));
        assertTrue(GraphText.write(sensitive).startsWith("{\n    \"caseSensitive\": true,"));
    }

    @Test
    void builtInJavaRoundTripsThroughMapAndText() {
        Graph graph = new Graph(true)
                .setProperties(metadataWith("name", "built"))
                .addProcess("src", "core/Repeat", metadataWith("x", 10))
                .addProcess("sink", "core/Collect", null)
                .addConnection(GraphConnection.edge(new GraphEndpoint("src", "out", 1),
                        new GraphEndpoint("sink", "in"), metadataWith("route", 3)))
                .addEdge("sink", "out", "src", "in")
                .addInitial(7, "src", "in")
                .addInport("IN", "src", "in", null)
                .addOutport("OUT", "sink", "out", metadataWith("x", 1.5))
                .addGroup("all", Arrays.asList("src", "sink"), null)
                .validate();
        String text = GraphText.write(graph, 0);
        assertEquals("{\"caseSensitive\":true,\"properties\":{\"name\":\"built\"},"
                + "\"inports\":{\"IN\":{\"process\":\"src\",\"port\":\"in\"}},"
                + "\"outports\":{\"OUT\":{\"process\":\"sink\",\"port\":\"out\",\"metadata\":{\"x\":1.5}}},"
                + "\"groups\":[{\"name\":\"all\",\"nodes\":[\"src\",\"sink\"]}],"
                + "\"processes\":{\"src\":{\"component\":\"core/Repeat\",\"metadata\":{\"x\":10}},"
                + "\"sink\":{\"component\":\"core/Collect\"}},"
                + "\"connections\":[{\"src\":{\"process\":\"src\",\"port\":\"out\",\"index\":1},"
                + "\"tgt\":{\"process\":\"sink\",\"port\":\"in\"},\"metadata\":{\"route\":3}},"
                + "{\"src\":{\"process\":\"sink\",\"port\":\"out\"},\"tgt\":{\"process\":\"src\",\"port\":\"in\"}},"
                + "{\"data\":7,\"tgt\":{\"process\":\"src\",\"port\":\"in\"}}]}", text);
        Map<String, Object> map = GraphJson.toMap(graph);
        assertEquals(GraphText.parse(text).toString(), GraphText.parse(GraphText.write(map)).toString());
        Graph again = GraphJson.fromMap(map);
        assertEquals(text, GraphText.write(again, 0));
        assertEquals(text, GraphText.write(GraphText.read(text), 0));
        // parsed maps and toMap agree on value types (indexes are Doubles, like parsed numbers)
        assertEquals(GraphText.parse(GraphText.write(GraphText.read(text))), GraphJson.toMap(GraphText.read(text)));
    }

    @Test
    void modelCollectionsAreReadOnly() {
        Graph graph = GraphText.read(CANONICAL);
        assertThrows(UnsupportedOperationException.class, () -> graph.processes().clear());
        assertThrows(UnsupportedOperationException.class, () -> graph.connections().clear());
        assertThrows(UnsupportedOperationException.class, () -> graph.inports().clear());
        assertThrows(UnsupportedOperationException.class, () -> graph.outports().clear());
        assertThrows(UnsupportedOperationException.class, () -> graph.groups().clear());
        assertThrows(UnsupportedOperationException.class, () -> graph.groups().get(0).nodes().clear());
    }

    static Map<String, Object> metadataWith(String key, Object value) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put(key, value);
        return map;
    }

    /**
     * A reading takes a process's fields, then an endpoint's, in order and stops where a value is
     * wrong: GraphTree's process() and endpoint() read what field() by field() would, and a
     * browser tree reads them in one call each (see JsGraphs).
     */
    @Test
    void readsEachProcessAndEndpointFieldInOrderAndStopsAtTheFirstWrongOne() {
        List<String> reads = new ArrayList<>();
        @SuppressWarnings("unchecked")
        GraphTree<Object> logging = (GraphTree<Object>) java.lang.reflect.Proxy.newProxyInstance(
                GraphTree.class.getClassLoader(), new Class<?>[] {GraphTree.class}, (proxy, method, args) -> {
                    if (method.isDefault()) {
                        return java.lang.reflect.InvocationHandler.invokeDefault(proxy, method, args);
                    }
                    if (method.getName().equals("field")) {
                        reads.add(args[2] + " " + args[1]);
                    }
                    return method.invoke(JavaGraphTree.INSTANCE, args);
                });
        Map<String, Object> json = new LinkedHashMap<>();
        Map<String, Object> processes = new LinkedHashMap<>();
        processes.put("a", process("core/Repeat", null));
        processes.put("b", process("core/Repeat", null));
        json.put("processes", processes);
        Map<String, Object> edge = new LinkedHashMap<>();
        edge.put("src", endpoint("a", "out"));
        Map<String, Object> tgt = endpoint("b", "in");
        tgt.put("index", 2.0);
        edge.put("tgt", tgt);
        json.put("connections", new ArrayList<>(List.of(edge)));
        Graph graph = GraphJson.read(logging, json, "graph");
        assertEquals(new GraphEndpoint("b", "in", 2), graph.connections().get(0).tgt());
        assertEquals(List.of("graph caseSensitive", "graph properties", "graph processes",
                "graph: \"processes\" a", "graph: process 'a' component", "graph: process 'a' metadata",
                "graph: \"processes\" b", "graph: process 'b' component", "graph: process 'b' metadata",
                "graph connections", "graph: connection 0 data", "graph: connection 0 src", "graph: connection 0 tgt",
                "graph: connection 0 src process", "graph: connection 0 src port", "graph: connection 0 src index",
                "graph: connection 0 tgt process", "graph: connection 0 tgt port", "graph: connection 0 tgt index",
                "graph: connection 0 metadata", "graph inports", "graph outports", "graph groups"), reads);

        // A component that is not a string: its metadata is not read, and the message names the process.
        processes.put("b", process("", Map.of()));
        reads.clear();
        GraphException badComponent = assertThrows(GraphException.class, () -> GraphJson.read(logging, json, "graph"));
        assertEquals("graph: process 'b': \"component\" must be a non-empty string (got an empty string)", badComponent.getMessage());
        assertEquals("graph: process 'b' component", reads.get(reads.size() - 1));
        processes.put("b", process("core/Repeat", null));

        // An endpoint process that is not a string: its port is not read, and the message names the connection.
        ((Map<String, Object>) edge.get("tgt")).put("process", 7.0);
        reads.clear();
        GraphException badProcess = assertThrows(GraphException.class, () -> GraphJson.read(logging, json, "graph"));
        assertEquals("graph: connection 0: \"tgt.process\" must be a non-empty string (got the number 7)", badProcess.getMessage());
        assertEquals("graph: connection 0 tgt process", reads.get(reads.size() - 1));
    }

    static Map<String, Object> endpoint(String process, String port) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("process", process);
        map.put("port", port);
        return map;
    }

    static Map<String, Object> process(String component, Object metadata) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("component", component);
        if (metadata != null) {
            map.put("metadata", metadata);
        }
        return map;
    }
}
