package io.teaflow.graph;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks a {@link Graph} and throws a {@link GraphException} naming the first problem found, in
 * this order: processes (in order), connections (in order), inports, outports, groups. Within an
 * item: its own fields first, then what it refers to.
 *
 * <p>What is checked: every id, name, component and port is a non-empty string; indexes are not
 * negative; connections, exported ports and groups name processes that exist; no edge is given
 * twice (same processes, ports and indexes; ports compared per {@link Graph#portKey}); when the
 * graph is not case-sensitive, no two inports (or two outports) have names differing only by case.
 * Component names and port names are not checked against components: the network does that when
 * it loads the graph. Metadata, properties and packets are never looked into.
 *
 * <p>Messages start with {@code graph: }; "connection N" is the N-th connection counting from 0
 * (the index in the {@code connections} array), "group N" likewise.
 */
public final class GraphValidator {
    /** Marks a JSON field that is not there, for {@link #describe(Object)}. */
    static final Object ABSENT = new Object();

    private final Graph graph;
    private final Map<EdgeKey, Integer> edges = new HashMap<>();
    private final Map<String, String> inportNames = new HashMap<>();
    private final Map<String, String> outportNames = new HashMap<>();

    GraphValidator(Graph graph) {
        this.graph = graph;
    }

    /**
     * Checks the whole graph (the same as {@link Graph#validate()}).
     *
     * @param graph the graph to check
     * @throws GraphException naming the first problem found, when {@code graph} is null or not valid
     */
    public static void validate(Graph graph) {
        if (graph == null) {
            throw new GraphException("graph: validate(null)");
        }
        GraphValidator validator = new GraphValidator(graph);
        for (GraphProcess process : graph.processes().values()) {
            validator.checkProcess(process);
        }
        List<GraphConnection> connections = graph.connections();
        for (int i = 0; i < connections.size(); i++) {
            validator.checkConnection(i, connections.get(i));
        }
        for (ExportedPort port : graph.inports().values()) {
            validator.checkInport(port);
        }
        for (ExportedPort port : graph.outports().values()) {
            validator.checkOutport(port);
        }
        List<GraphGroup> groups = graph.groups();
        for (int i = 0; i < groups.size(); i++) {
            validator.checkGroup(i, groups.get(i));
        }
    }

    void checkProcess(GraphProcess process) {
        // Messages are built only on a failure: a large graph has tens of thousands of processes.
        if (process.id() == null || process.id().isEmpty()) {
            throw new GraphException("graph: process " + quoteId(process.id()) + ": the id must be a non-empty string");
        }
        if (!(process.component() instanceof String) || process.component().isEmpty()) {
            requireName("graph: process " + quoteId(process.id()), "component", process.component());
        }
    }

    /** Checks connection {@code index}, given that the graph's processes are all there. */
    void checkConnection(int index, GraphConnection connection) {
        // The messages' "where" is built only on a failure (see checkProcess).
        if (connection.tgt() == null) {
            throw new GraphException("graph: connection " + index + " has no \"tgt\"");
        }
        if (!connection.isInitial() && !wellFormed(connection.src())) {
            checkEndpoint("graph: connection " + index, "src", connection.src());
        }
        if (!wellFormed(connection.tgt())) {
            checkEndpoint("graph: connection " + index, "tgt", connection.tgt());
        }
        if (!connection.isInitial() && graph.process(connection.src().process()) == null) {
            requireProcess("graph: connection " + index + " (" + connection + ")", connection.src().process());
        }
        if (graph.process(connection.tgt().process()) == null) {
            requireProcess("graph: connection " + index + " (" + connection + ")", connection.tgt().process());
        }
        if (!connection.isInitial()) {
            EdgeKey key = new EdgeKey(endpointKey(connection.src()), endpointKey(connection.tgt()));
            Integer first = edges.putIfAbsent(key, Integer.valueOf(index));
            if (first != null) {
                throw new GraphException("graph: connection " + index + " (" + connection + ") repeats connection " + first);
            }
        }
    }

    /** Names both non-empty, index absent or non-negative: what {@link #checkEndpoint} accepts. */
    private static boolean wellFormed(GraphEndpoint endpoint) {
        return endpoint.process() != null && !endpoint.process().isEmpty() && endpoint.port() != null
                && !endpoint.port().isEmpty() && (endpoint.index() == null || endpoint.index().intValue() >= 0);
    }

    void checkInport(ExportedPort port) {
        checkExported("inport", port, inportNames);
    }

    void checkOutport(ExportedPort port) {
        checkExported("outport", port, outportNames);
    }

    void checkGroup(int index, GraphGroup group) {
        String where = "graph: group " + index;
        requireName(where, "name", group.name());
        where = where + " (" + quoteId(group.name()) + ")";
        List<String> nodes = group.nodes();
        for (int i = 0; i < nodes.size(); i++) {
            requireName(where, "nodes[" + i + "]", nodes.get(i));
        }
        for (String node : nodes) {
            if (graph.process(node) == null) {
                throw new GraphException(where + " names process '" + node + "', which does not exist");
            }
        }
    }

    private void checkExported(String kind, ExportedPort port, Map<String, String> seen) {
        String where = "graph: " + kind + " " + quoteId(port.name());
        if (port.name() == null || port.name().isEmpty()) {
            throw new GraphException(where + ": the name must be a non-empty string");
        }
        requireName(where, "process", port.process());
        requireName(where, "port", port.port());
        if (graph.process(port.process()) == null) {
            throw new GraphException(where + " points at process '" + port.process() + "', which does not exist");
        }
        String key = graph.portKey(port.name());
        String earlier = seen.get(key);
        if (earlier != null && !earlier.equals(port.name())) {
            throw new GraphException(where + " has the same name as " + kind + " '" + earlier
                    + "' (the graph is not case-sensitive)");
        }
        seen.put(key, port.name());
    }

    private void checkEndpoint(String where, String field, GraphEndpoint endpoint) {
        requireName(where, field + ".process", endpoint.process());
        requireName(where, field + ".port", endpoint.port());
        Integer index = endpoint.index();
        if (index != null && index.intValue() < 0) {
            throw new GraphException(where + ": \"" + field + ".index\" must be a non-negative integer (got "
                    + describe(index) + ")");
        }
    }

    private void requireProcess(String where, String id) {
        if (graph.process(id) == null) {
            throw new GraphException(where + ": no process '" + id + "'");
        }
    }

    /** An endpoint as compared for repeated edges: its port under the graph's case rule. */
    private GraphEndpoint endpointKey(GraphEndpoint endpoint) {
        String port = graph.portKey(endpoint.port());
        return port.equals(endpoint.port()) ? endpoint : new GraphEndpoint(endpoint.process(), port, endpoint.index());
    }

    /** Both ends of an edge, compared by value. */
    private record EdgeKey(GraphEndpoint src, GraphEndpoint tgt) {
    }

    /** Throws {@code where: "field" must be a non-empty string (got ...)} unless it is one. */
    static void requireName(String where, String field, Object value) {
        if (!(value instanceof String) || ((String) value).isEmpty()) {
            throw new GraphException(where + ": \"" + field + "\" must be a non-empty string (got "
                    + describe(value) + ")");
        }
    }

    /** {@code 'id'}, or {@code null} for a null id. */
    static String quoteId(String id) {
        return id == null ? "null" : "'" + id + "'";
    }

    /** Says what a value is, the way a JSON author would, for error messages. */
    static String describe(Object value) {
        if (value == ABSENT) {
            return "nothing";
        }
        if (value == null) {
            return "null";
        }
        if (value instanceof String) {
            String text = (String) value;
            if (text.isEmpty()) {
                return "an empty string";
            }
            if (text.length() > 40) {
                text = text.substring(0, 40) + "...";
            }
            return "the string " + quote(text);
        }
        if (value instanceof Boolean) {
            return value.toString();
        }
        if (value instanceof Number) {
            double number = ((Number) value).doubleValue();
            if (Double.isNaN(number) || Double.isInfinite(number)) {
                return "the number " + value;
            }
            // Not JS number text exactly (that needs BigInteger): this is only an error message.
            return "the number " + (number == Math.rint(number) && Math.abs(number) < 1e15
                    ? Long.toString((long) number) : Double.toString(number));
        }
        if (value instanceof Map) {
            return "an object";
        }
        if (value instanceof List) {
            return "an array";
        }
        return "a " + value.getClass().getName();
    }

    /** {@code "text"} with quotes, backslashes and control characters escaped, as JSON writes them. */
    private static String quote(String text) {
        StringBuilder quoted = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            int escape = "\"\\\b\f\n\r\t".indexOf(c);
            if (escape >= 0) {
                quoted.append('\\').append("\"\\bfnrt".charAt(escape));
            } else if (c < 0x20) {
                String hex = Integer.toHexString(c);
                quoted.append("\\u").append("0000", hex.length(), 4).append(hex);
            } else {
                quoted.append(c);
            }
        }
        return quoted.append('"').toString();
    }
}
