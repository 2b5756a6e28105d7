package io.teaflow.graph;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads and writes FBP JSON graphs, the format of NoFlo's {@code fbp-graph} ({@code toJSON()} /
 * {@code loadJSON()}), as text or as plain Java values (the values {@link JsonText} reads and
 * writes: {@code Map<String, Object>}, {@code List<Object>}, {@code String}, {@code Double} /
 * any {@code Number}, {@code Boolean}, {@code null}).
 *
 * <p>Reading: every top-level field is optional ({@code null} counts as absent, as in
 * fbp-graph); unknown fields are ignored (fbp-graph ignores them too). A connection whose
 * {@code "data"} key is present is an initial packet, whatever its value ({@code 0},
 * {@code false}, {@code ""}, {@code null} included); otherwise it must have {@code "src"}; having
 * both is an error (fbp-graph would silently drop the {@code src}). {@code properties}, every
 * {@code metadata} (absent or {@code null}: none; else it must be an object) and every packet are
 * kept as the very objects given. The result is validated ({@link GraphValidator}); nothing is
 * returned unless all of it is valid, and the first problem is reported in the validator's order
 * (top-level fields, processes, connections, inports, outports, groups).
 *
 * <p>Names are kept exactly as given; nothing is lower-cased. (fbp-graph lower-cases port names
 * and exported port names on load when {@code caseSensitive} is false; Teaflow keeps them, so a
 * graph comes back byte for byte, and compares them ignoring case instead, see
 * {@link Graph#portKey(String)}. What fbp-graph writes for such a graph is already lower case.)
 *
 * <p>Writing: the fields in fbp-graph's order ({@code caseSensitive, properties, inports,
 * outports, groups, processes, connections}, all always present; {@code properties} is
 * {@code {}} when the graph has none); in a process {@code component, metadata}; in a connection
 * {@code src} or {@code data}, {@code tgt}, {@code metadata}; in an endpoint
 * {@code process, port, index}; in an exported port {@code process, port, metadata}; in a group
 * {@code name, nodes, metadata}. Absent metadata and indexes are left out. Text is indented by 4
 * spaces like fbp-graph's {@code save()} ({@code JSON.stringify(json, null, 4)}), so a file
 * fbp-graph wrote comes back byte for byte. The graph is validated before it is written.
 */
public final class GraphJson {
    /** The indentation fbp-graph's {@code save()} uses. */
    public static final int INDENT = 4;

    private static final Object ABSENT = GraphValidator.ABSENT;

    private GraphJson() {
    }

    /** Reads a JSON text into a validated graph. */
    public static Graph read(String text) {
        Object json = JsonText.parse(text);
        if (!(json instanceof Map)) {
            throw new GraphException("graph: the graph must be a JSON object (got "
                    + GraphValidator.describe(json) + ")");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> map = (Map<String, Object>) json;
        return fromMap(map);
    }

    /** Writes a graph as JSON text indented by 4 spaces, as fbp-graph's {@code save()} does. */
    public static String write(Graph graph) {
        return write(graph, INDENT);
    }

    /** Writes a graph as JSON text indented by {@code indent} spaces (0: on one line). */
    public static String write(Graph graph, int indent) {
        return JsonText.write(toMap(graph), indent, "graph: ");
    }

    /** Builds a validated graph from plain Java values (as {@link JsonText#parse} gives). */
    public static Graph fromMap(Map<String, Object> json) {
        if (json == null) {
            throw new GraphException("graph: the graph must be an object (got null)");
        }
        Object caseSensitive = field(json, "caseSensitive");
        if (caseSensitive != ABSENT && caseSensitive != null && !(caseSensitive instanceof Boolean)) {
            throw new GraphException("graph: \"caseSensitive\" must be a boolean (got "
                    + GraphValidator.describe(caseSensitive) + ")");
        }
        Graph graph = new Graph(Boolean.TRUE.equals(caseSensitive));
        GraphValidator validator = new GraphValidator(graph);
        Object properties = json.get("properties");
        if (properties != null && !(properties instanceof Map)) {
            throw new GraphException("graph: \"properties\" must be an object (got "
                    + GraphValidator.describe(properties) + ")");
        }
        graph.setProperties(properties);
        readProcesses(graph, validator, objectField(json, "processes"));
        readConnections(graph, validator, arrayField(json, "connections"));
        readExported(graph, validator, "inport", objectField(json, "inports"));
        readExported(graph, validator, "outport", objectField(json, "outports"));
        readGroups(graph, validator, arrayField(json, "groups"));
        return graph;
    }

    /**
     * The graph as plain Java values, in fbp-graph's field order. Structure is fresh
     * {@link LinkedHashMap}s and {@link ArrayList}s (indexes as {@link Double}, like parsed JSON);
     * properties, metadata and packets are the very objects the graph holds.
     */
    public static Map<String, Object> toMap(Graph graph) {
        GraphValidator.validate(graph);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("caseSensitive", Boolean.valueOf(graph.isCaseSensitive()));
        json.put("properties", graph.properties() == null ? new LinkedHashMap<String, Object>() : graph.properties());
        json.put("inports", exportedToMap(graph.inports()));
        json.put("outports", exportedToMap(graph.outports()));
        List<Object> groups = new ArrayList<>();
        for (GraphGroup group : graph.groups()) {
            Map<String, Object> g = new LinkedHashMap<>();
            g.put("name", group.name());
            g.put("nodes", new ArrayList<Object>(group.nodes()));
            putMetadata(g, group.metadata());
            groups.add(g);
        }
        json.put("groups", groups);
        Map<String, Object> processes = new LinkedHashMap<>();
        for (GraphProcess process : graph.processes().values()) {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("component", process.component());
            putMetadata(p, process.metadata());
            processes.put(process.id(), p);
        }
        json.put("processes", processes);
        List<Object> connections = new ArrayList<>();
        for (GraphConnection connection : graph.connections()) {
            Map<String, Object> c = new LinkedHashMap<>();
            if (connection.isInitial()) {
                c.put("data", connection.data());
            } else {
                c.put("src", endpointToMap(connection.src()));
            }
            c.put("tgt", endpointToMap(connection.tgt()));
            putMetadata(c, connection.metadata());
            connections.add(c);
        }
        json.put("connections", connections);
        return json;
    }

    // ---- reading ----

    private static void readProcesses(Graph graph, GraphValidator validator, Map<String, Object> processes) {
        for (Map.Entry<String, Object> entry : processes.entrySet()) {
            String id = entry.getKey();
            String where = "graph: process " + GraphValidator.quoteId(id);
            if (id == null || id.isEmpty()) {
                throw new GraphException(where + ": the id must be a non-empty string");
            }
            Map<String, Object> p = asObject(where, entry.getValue());
            Object component = field(p, "component");
            GraphValidator.requireName(where, "component", component);
            GraphProcess process = new GraphProcess(id, (String) component, metadata(where, p));
            validator.checkProcess(process);
            graph.addProcess(process);
        }
    }

    private static void readConnections(Graph graph, GraphValidator validator, List<Object> connections) {
        for (int i = 0; i < connections.size(); i++) {
            String where = "graph: connection " + i;
            Map<String, Object> c = asObject(where, connections.get(i));
            boolean initial = c.containsKey("data");
            Object src = c.get("src");
            if (initial && src != null) {
                throw new GraphException(where + " has both \"src\" and \"data\" (an edge has \"src\", an initial"
                        + " packet has \"data\")");
            }
            if (!initial && src == null) {
                throw new GraphException(where + " has neither \"src\" nor \"data\"");
            }
            Object tgt = c.get("tgt");
            if (tgt == null) {
                throw new GraphException(where + " has no \"tgt\"");
            }
            GraphEndpoint source = initial ? null : endpoint(where, "src", src);
            GraphEndpoint target = endpoint(where, "tgt", tgt);
            Object metadata = metadata(where, c);
            GraphConnection connection = initial
                    ? GraphConnection.initial(c.get("data"), target, metadata)
                    : GraphConnection.edge(source, target, metadata);
            validator.checkConnection(i, connection);
            graph.addConnection(connection);
        }
    }

    private static void readExported(Graph graph, GraphValidator validator, String kind, Map<String, Object> ports) {
        for (Map.Entry<String, Object> entry : ports.entrySet()) {
            String name = entry.getKey();
            String where = "graph: " + kind + " " + GraphValidator.quoteId(name);
            if (name == null || name.isEmpty()) {
                throw new GraphException(where + ": the name must be a non-empty string");
            }
            Map<String, Object> p = asObject(where, entry.getValue());
            Object process = field(p, "process");
            GraphValidator.requireName(where, "process", process);
            Object port = field(p, "port");
            GraphValidator.requireName(where, "port", port);
            ExportedPort exported = new ExportedPort(name, (String) process, (String) port, metadata(where, p));
            if (kind.equals("inport")) {
                validator.checkInport(exported);
                graph.addInport(exported);
            } else {
                validator.checkOutport(exported);
                graph.addOutport(exported);
            }
        }
    }

    private static void readGroups(Graph graph, GraphValidator validator, List<Object> groups) {
        for (int i = 0; i < groups.size(); i++) {
            String where = "graph: group " + i;
            Map<String, Object> g = asObject(where, groups.get(i));
            Object name = field(g, "name");
            GraphValidator.requireName(where, "name", name);
            where = where + " ('" + name + "')";
            Object nodes = field(g, "nodes");
            if (!(nodes instanceof List)) {
                throw new GraphException(where + ": \"nodes\" must be an array of process ids (got "
                        + GraphValidator.describe(nodes) + ")");
            }
            List<?> list = (List<?>) nodes;
            List<String> ids = new ArrayList<>(list.size());
            for (int n = 0; n < list.size(); n++) {
                GraphValidator.requireName(where, "nodes[" + n + "]", list.get(n));
                ids.add((String) list.get(n));
            }
            GraphGroup group = new GraphGroup((String) name, ids, metadata(where, g));
            validator.checkGroup(i, group);
            graph.addGroup(group);
        }
    }

    private static GraphEndpoint endpoint(String where, String field, Object value) {
        if (!(value instanceof Map)) {
            throw new GraphException(where + ": \"" + field + "\" must be an object (got "
                    + GraphValidator.describe(value) + ")");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> e = (Map<String, Object>) value;
        Object process = field(e, "process");
        GraphValidator.requireName(where, field + ".process", process);
        Object port = field(e, "port");
        GraphValidator.requireName(where, field + ".port", port);
        Object index = e.get("index");
        Integer idx = null;
        if (index != null) {
            double d = index instanceof Number ? ((Number) index).doubleValue() : -1;
            if (!(index instanceof Number) || d < 0 || d > Integer.MAX_VALUE || d != Math.floor(d)) {
                throw new GraphException(where + ": \"" + field + ".index\" must be a non-negative integer (got "
                        + GraphValidator.describe(index) + ")");
            }
            idx = Integer.valueOf((int) d);
        }
        return new GraphEndpoint((String) process, (String) port, idx);
    }

    private static Object metadata(String where, Map<String, Object> holder) {
        Object metadata = holder.get("metadata");
        if (metadata != null && !(metadata instanceof Map)) {
            throw new GraphException(where + ": \"metadata\" must be an object (got "
                    + GraphValidator.describe(metadata) + ")");
        }
        return metadata;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asObject(String where, Object value) {
        if (!(value instanceof Map)) {
            throw new GraphException(where + " must be an object (got " + GraphValidator.describe(value) + ")");
        }
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> objectField(Map<String, Object> json, String name) {
        Object value = json.get(name);
        if (value == null) {
            return new LinkedHashMap<>();
        }
        if (!(value instanceof Map)) {
            throw new GraphException("graph: \"" + name + "\" must be an object (got "
                    + GraphValidator.describe(value) + ")");
        }
        for (Object key : ((Map<?, ?>) value).keySet()) {
            if (!(key instanceof String)) {
                throw new GraphException("graph: \"" + name + "\" has a key that is not a string (got "
                        + GraphValidator.describe(key) + ")");
            }
        }
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> arrayField(Map<String, Object> json, String name) {
        Object value = json.get(name);
        if (value == null) {
            return new ArrayList<>();
        }
        if (!(value instanceof List)) {
            throw new GraphException("graph: \"" + name + "\" must be an array (got "
                    + GraphValidator.describe(value) + ")");
        }
        return (List<Object>) value;
    }

    private static Object field(Map<String, Object> map, String name) {
        Object value = map.get(name);
        if (value == null && !map.containsKey(name)) {
            return ABSENT;
        }
        return value;
    }

    // ---- writing ----

    private static Map<String, Object> exportedToMap(Map<String, ExportedPort> ports) {
        Map<String, Object> json = new LinkedHashMap<>();
        for (ExportedPort port : ports.values()) {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("process", port.process());
            p.put("port", port.port());
            putMetadata(p, port.metadata());
            json.put(port.name(), p);
        }
        return json;
    }

    private static Map<String, Object> endpointToMap(GraphEndpoint endpoint) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("process", endpoint.process());
        json.put("port", endpoint.port());
        if (endpoint.index() != null) {
            json.put("index", Double.valueOf(endpoint.index().intValue()));
        }
        return json;
    }

    private static void putMetadata(Map<String, Object> json, Object metadata) {
        if (metadata != null) {
            json.put("metadata", metadata);
        }
    }
}
