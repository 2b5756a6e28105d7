package io.teaflow.graph;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads and writes FBP JSON graphs, the format of NoFlo's {@code fbp-graph} ({@code toJSON()} /
 * {@code loadJSON()}): the one codec of the format, over any JSON-shaped structure seen through a
 * {@link GraphTree}. {@link #fromMap} and {@link #toMap} use plain Java values
 * ({@code Map<String, Object>}, {@code List<Object>}, {@code String}, any {@code Number},
 * {@code Boolean}, {@code null}: what a JSON library gives); the browser bridge uses page objects.
 * Text is left to a JSON library: this package holds no JSON parser or number formatter.
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
 * {@code name, nodes, metadata}. Absent metadata and indexes are left out (what the tree writes
 * for absent {@code properties} and process metadata is its own choice: see {@link GraphTree}).
 * The graph is validated before it is written.
 */
public final class GraphJson {
    private GraphJson() {
    }

    /**
     * Builds a validated graph from plain Java values (as a JSON library parses them).
     *
     * @param json the graph's top-level JSON object: {@code Map}s with string keys, {@code List}s,
     *        strings, numbers, booleans and nulls
     * @return a new graph that has passed {@link Graph#validate()}; {@code properties}, metadata and
     *         packets are the very objects found in {@code json}
     * @throws GraphException naming the first problem, when {@code json} is null, a field has the
     *         wrong kind of value, or the graph it describes is not valid
     */
    public static Graph fromMap(Map<String, Object> json) {
        if (json == null) {
            throw new GraphException("graph: the graph must be an object (got null)");
        }
        return read(JavaGraphTree.INSTANCE, json, "graph");
    }

    /**
     * The graph as plain Java values, in fbp-graph's field order. Structure is fresh
     * {@link java.util.LinkedHashMap}s and {@link ArrayList}s (indexes as {@link Double}, like
     * parsed JSON); properties, metadata and packets are the very objects the graph holds.
     *
     * @param graph the graph to write
     * @return a new map, ready for a JSON library to turn into text
     * @throws GraphException naming the first problem, when the graph is not valid (see
     *         {@link Graph#validate()})
     */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> toMap(Graph graph) {
        return (Map<String, Object>) write(graph, JavaGraphTree.INSTANCE);
    }

    /**
     * Reads the graph held by {@code json}, validated; messages of the reading start with
     * {@code root} (such as {@code graph} or {@code registerGraph('G'): graph}).
     *
     * @param <V> a value of the structure {@code tree} reads
     * @param tree how to read the structure
     * @param json the graph's top-level JSON object, as a value of {@code tree}
     * @param root what every error message starts with
     * @return a new graph that has passed {@link Graph#validate()}
     * @throws GraphException naming the first problem, when {@code json} is not an object, a field
     *         has the wrong kind of value, or the graph it describes is not valid
     */
    public static <V> Graph read(GraphTree<V> tree, V json, String root) {
        return new Reader<>(tree, root).graph(json);
    }

    /**
     * Writes a graph (validated first) as a new structure of {@code tree}.
     *
     * @param <V> a value of the structure {@code tree} builds
     * @param graph the graph to write
     * @param tree how to build the structure
     * @return the graph's new top-level JSON object
     * @throws GraphException naming the first problem, when the graph is not valid (nothing is
     *         written then)
     */
    public static <V> V write(Graph graph, GraphTree<V> tree) {
        graph.validate();
        V json = tree.newObject();
        tree.put(json, "caseSensitive", tree.bool(graph.isCaseSensitive()));
        tree.put(json, "properties", graph.properties() == null ? tree.noProperties() : tree.kept(graph.properties()));
        tree.put(json, "inports", writeExported(tree, graph.inports()));
        tree.put(json, "outports", writeExported(tree, graph.outports()));
        V groups = tree.newArray();
        for (GraphGroup group : graph.groups()) {
            V g = tree.newObject();
            tree.put(g, "name", tree.string(group.name()));
            V nodes = tree.newArray();
            for (String id : group.nodes()) {
                tree.push(nodes, tree.string(id));
            }
            tree.put(g, "nodes", nodes);
            putMetadata(tree, g, group.metadata());
            tree.push(groups, g);
        }
        tree.put(json, "groups", groups);
        V processes = tree.newObject();
        for (GraphProcess process : graph.processes().values()) {
            V p = tree.newObject();
            tree.put(p, "component", tree.string(process.component()));
            V metadata = process.metadata() == null ? tree.noProcessMetadata() : tree.kept(process.metadata());
            if (metadata != null) {
                tree.put(p, "metadata", metadata);
            }
            tree.put(processes, process.id(), p);
        }
        tree.put(json, "processes", processes);
        V connections = tree.newArray();
        for (GraphConnection connection : graph.connections()) {
            V c = tree.newObject();
            if (connection.isInitial()) {
                tree.put(c, "data", tree.kept(connection.data()));
            } else {
                tree.put(c, "src", writeEndpoint(tree, connection.src()));
            }
            tree.put(c, "tgt", writeEndpoint(tree, connection.tgt()));
            putMetadata(tree, c, connection.metadata());
            tree.push(connections, c);
        }
        tree.put(json, "connections", connections);
        return json;
    }

    private static <V> V writeExported(GraphTree<V> tree, Map<String, ExportedPort> ports) {
        V json = tree.newObject();
        for (ExportedPort port : ports.values()) {
            V p = tree.newObject();
            tree.put(p, "process", tree.string(port.process()));
            tree.put(p, "port", tree.string(port.port()));
            putMetadata(tree, p, port.metadata());
            tree.put(json, port.name(), p);
        }
        return json;
    }

    private static <V> V writeEndpoint(GraphTree<V> tree, GraphEndpoint endpoint) {
        V json = tree.newObject();
        tree.put(json, "process", tree.string(endpoint.process()));
        tree.put(json, "port", tree.string(endpoint.port()));
        if (endpoint.index() != null) {
            tree.put(json, "index", tree.number(endpoint.index().intValue()));
        }
        return json;
    }

    private static <V> void putMetadata(GraphTree<V> tree, V holder, Object metadata) {
        if (metadata != null) {
            tree.put(holder, "metadata", tree.kept(metadata));
        }
    }

    /** One reading: the tree, the prefix of every message, and the checks of what is read so far. */
    private static final class Reader<V> {
        private final GraphTree<V> tree;
        private final String root;
        private Graph graph;
        private GraphValidator validator;
        /** The process or connection being read, and its endpoints (see {@link Where}). */
        private final Where item;
        private final Where srcPlace;
        private final Where tgtPlace;
        /** What {@link GraphTree#endpoint} read of the endpoint being read. */
        private final V[] endpointValues;
        /** What {@link GraphTree#process} read of the process being read. */
        private final V[] itemValues;

        @SuppressWarnings("unchecked")
        Reader(GraphTree<V> tree, String root) {
            this.tree = tree;
            this.root = root;
            this.item = new Where(root);
            this.srcPlace = item.endpoint("src");
            this.tgtPlace = item.endpoint("tgt");
            this.endpointValues = (V[]) new Object[3];
            this.itemValues = (V[]) new Object[3];
        }

        Graph graph(V json) {
            if (!tree.isObject(json)) {
                throw new GraphException(root + ": the graph must be an object (got " + tree.describe(json) + ")");
            }
            V caseSensitive = tree.field(json, "caseSensitive", root);
            if (!isNone(caseSensitive) && tree.asBoolean(caseSensitive) == null) {
                throw new GraphException(root + ": \"caseSensitive\" must be a boolean (got "
                        + tree.describe(caseSensitive) + ")");
            }
            graph = new Graph(Boolean.TRUE.equals(tree.asBoolean(caseSensitive)));
            validator = new GraphValidator(graph);
            V properties = tree.field(json, "properties", root);
            if (!isNone(properties)) {
                if (!tree.isObject(properties)) {
                    throw new GraphException(root + ": \"properties\" must be an object (got "
                            + tree.describe(properties) + ")");
                }
                graph.setProperties(tree.keep(properties));
            }
            processes(objectField(json, "processes"));
            connections(arrayField(json, "connections"));
            exported("inport", objectField(json, "inports"));
            exported("outport", objectField(json, "outports"));
            groups(arrayField(json, "groups"));
            graph.markValidated();
            return graph;
        }

        private void processes(V processes) {
            String listing = root + ": \"processes\"";
            List<String> ids = keys(processes, listing);
            V[] values = itemValues;
            for (int i = 0; i < ids.size(); i++) {
                String id = ids.get(i);
                Object where = item.atProcess(id);
                if (id.isEmpty()) {
                    throw new GraphException(where + ": the id must be a non-empty string");
                }
                String component = tree.process(processes, ids, i, listing, where, values);
                if (component == null) {
                    // Not an object with a component name: check what was read, in the order it was read.
                    object(where, values[0]);
                    component = nameOf(where, "component", values[1]);
                }
                GraphProcess process = new GraphProcess(id, component, metadataOf(where, values[2]));
                validator.checkProcess(process);
                graph.addProcess(process);
            }
        }

        private void connections(V connections) {
            String listing = root + ": \"connections\"";
            int count = connections == null ? 0 : tree.length(connections, listing);
            for (int i = 0; i < count; i++) {
                Object where = item.atConnection(i);
                V c = object(where, tree.element(connections, i, listing));
                V data = tree.field(c, "data", where);
                boolean initial = !tree.isAbsent(data);
                V src = tree.field(c, "src", where);
                if (initial && !isNone(src)) {
                    throw new GraphException(where + " has both \"src\" and \"data\" (an edge has \"src\", an initial"
                            + " packet has \"data\")");
                }
                if (!initial && isNone(src)) {
                    throw new GraphException(where + " has neither \"src\" nor \"data\"");
                }
                V tgt = tree.field(c, "tgt", where);
                if (isNone(tgt)) {
                    throw new GraphException(where + " has no \"tgt\"");
                }
                GraphEndpoint source = initial ? null : endpoint(where, "src", srcPlace, src);
                GraphEndpoint target = endpoint(where, "tgt", tgtPlace, tgt);
                Object metadata = metadata(where, c);
                GraphConnection connection = initial
                        ? GraphConnection.initial(tree.keep(data), target, metadata)
                        : GraphConnection.edge(source, target, metadata);
                validator.checkConnection(i, connection);
                graph.addConnection(connection);
            }
        }

        private void exported(String kind, V ports) {
            String listing = root + ": \"" + kind + "s\"";
            for (String name : keys(ports, listing)) {
                String where = root + ": " + kind + " " + GraphValidator.quoteId(name);
                if (name.isEmpty()) {
                    throw new GraphException(where + ": the name must be a non-empty string");
                }
                V p = object(where, tree.field(ports, name, listing));
                String process = name(p, "process", where, "process");
                String port = name(p, "port", where, "port");
                ExportedPort exported = new ExportedPort(name, process, port, metadata(where, p));
                if (kind.equals("inport")) {
                    validator.checkInport(exported);
                    graph.addInport(exported);
                } else {
                    validator.checkOutport(exported);
                    graph.addOutport(exported);
                }
            }
        }

        private void groups(V groups) {
            String listing = root + ": \"groups\"";
            int count = groups == null ? 0 : tree.length(groups, listing);
            for (int i = 0; i < count; i++) {
                String where = root + ": group " + i;
                V g = object(where, tree.element(groups, i, listing));
                String name = name(g, "name", where, "name");
                where = where + " ('" + name + "')";
                V nodes = tree.field(g, "nodes", where);
                if (!tree.isArray(nodes)) {
                    throw new GraphException(where + ": \"nodes\" must be an array of process ids (got "
                            + tree.describe(nodes) + ")");
                }
                int length = tree.length(nodes, where + ": nodes");
                List<String> ids = new ArrayList<>(length);
                for (int n = 0; n < length; n++) {
                    ids.add(nameOf(where, "nodes[" + n + "]", tree.element(nodes, n, where + ": nodes")));
                }
                GraphGroup group = new GraphGroup(name, ids, metadata(where, g));
                validator.checkGroup(i, group);
                graph.addGroup(group);
            }
        }

        /** Endpoint {@code field} of the connection at {@code where}, read through {@code at} ({@code where}'s field). */
        private GraphEndpoint endpoint(Object where, String field, Object at, V value) {
            if (!tree.isObject(value)) {
                throw new GraphException(where + ": \"" + field + "\" must be an object (got "
                        + tree.describe(value) + ")");
            }
            V[] values = endpointValues;
            GraphEndpoint plain = tree.endpoint(value, at, values);
            if (plain != null) {
                return plain;
            }
            // Not two plain names without index: check what was read, in the order it was read.
            String process = nameOf(where, label(field, ".process"), values[0]);
            String port = nameOf(where, label(field, ".port"), values[1]);
            V index = values[2];
            Integer position = null;
            if (!isNone(index)) {
                Double number = tree.asNumber(index);
                double d = number == null ? -1 : number.doubleValue();
                if (d < 0 || d > Integer.MAX_VALUE || d != Math.floor(d)) {
                    throw new GraphException(where + ": \"" + field + ".index\" must be a non-negative integer (got "
                            + tree.describe(index) + ")");
                }
                position = Integer.valueOf((int) d);
            }
            return new GraphEndpoint(process, port, position);
        }

        /** {@code field + part} ("src.process"...), spelled out for src and tgt: two concatenations per connection add up. */
        private static String label(String field, String part) {
            if (field.equals("src")) {
                return part.equals(".process") ? "src.process" : "src.port";
            }
            if (field.equals("tgt")) {
                return part.equals(".process") ? "tgt.process" : "tgt.port";
            }
            return field + part;
        }

        private Object metadata(Object where, V holder) {
            return metadataOf(where, tree.field(holder, "metadata", where));
        }

        /** The metadata read at {@code where}: null when absent or null, else it must be an object. */
        private Object metadataOf(Object where, V metadata) {
            if (isNone(metadata)) {
                return null;
            }
            if (!tree.isObject(metadata)) {
                throw new GraphException(where + ": \"metadata\" must be an object (got "
                        + tree.describe(metadata) + ")");
            }
            return tree.keep(metadata);
        }

        /** The non-empty string in field {@code field} of {@code holder}; messages call it {@code label}. */
        private String name(V holder, String field, Object where, String label) {
            return nameOf(where, label, tree.field(holder, field, where));
        }

        private String nameOf(Object where, String label, V value) {
            String text = tree.asString(value);
            if (text == null || text.isEmpty()) {
                throw new GraphException(where + ": \"" + label + "\" must be a non-empty string (got "
                        + (text == null ? tree.describe(value) : "an empty string") + ")");
            }
            return text;
        }

        private V object(Object where, V value) {
            if (!tree.isObject(value)) {
                throw new GraphException(where + " must be an object (got " + tree.describe(value) + ")");
            }
            return value;
        }

        /** The object in a top-level field, or null when it is absent or null. */
        private V objectField(V json, String name) {
            V value = tree.field(json, name, root);
            if (isNone(value)) {
                return null;
            }
            if (!tree.isObject(value)) {
                throw new GraphException(root + ": \"" + name + "\" must be an object (got " + tree.describe(value) + ")");
            }
            return value;
        }

        /** The array in a top-level field, or null when it is absent or null. */
        private V arrayField(V json, String name) {
            V value = tree.field(json, name, root);
            if (isNone(value)) {
                return null;
            }
            if (!tree.isArray(value)) {
                throw new GraphException(root + ": \"" + name + "\" must be an array (got " + tree.describe(value) + ")");
            }
            return value;
        }

        private List<String> keys(V object, Object where) {
            return object == null ? new ArrayList<>() : tree.keys(object, where);
        }

        /** Absent or null: an optional field that is not given. */
        private boolean isNone(V value) {
            return tree.isAbsent(value) || tree.isNull(value);
        }
    }
}
