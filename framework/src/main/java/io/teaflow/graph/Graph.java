package io.teaflow.graph;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An FBP graph, the model of the JSON format of NoFlo's {@code fbp-graph}: processes,
 * connections (edges and initial packets), exported inports and outports, groups, properties and
 * the {@code caseSensitive} flag. Processes and exported ports keep their insertion order;
 * connections and groups keep their order.
 *
 * <p>Structure (ids, names, ports, indexes) is held as Java strings and numbers; everything else —
 * {@code properties}, every {@code metadata}, every initial packet — is kept as the very object
 * given, never copied or looked into, so that a JS object comes back as the same object.
 *
 * <p>Adding only refuses what the model cannot hold (a null or empty process id or exported port
 * name, or one already present); everything else — dangling references, empty strings, negative
 * indexes, duplicate edges, exported names that collide when the graph is not case-sensitive — is
 * reported by {@link #validate()}. {@link GraphJson} only ever returns validated graphs.
 *
 * <p>Names are kept exactly as given. When the graph is not case-sensitive (the default, as in
 * fbp-graph), port names and exported port names are compared ignoring case: see
 * {@link #portKey(String)}, {@link #samePort(String, String)}, {@link #inport(String)}.
 */
public final class Graph {
    private final boolean caseSensitive;
    private Object properties;
    private final Map<String, GraphProcess> processes = new LinkedHashMap<>();
    private final List<GraphConnection> connections = new ArrayList<>();
    private final Map<String, ExportedPort> inports = new LinkedHashMap<>();
    private final Map<String, ExportedPort> outports = new LinkedHashMap<>();
    private final List<GraphGroup> groups = new ArrayList<>();
    private final Map<String, GraphProcess> processesView = Collections.unmodifiableMap(processes);
    private final List<GraphConnection> connectionsView = Collections.unmodifiableList(connections);
    private final Map<String, ExportedPort> inportsView = Collections.unmodifiableMap(inports);
    private final Map<String, ExportedPort> outportsView = Collections.unmodifiableMap(outports);
    private final List<GraphGroup> groupsView = Collections.unmodifiableList(groups);

    /** An empty graph that is not case-sensitive (fbp-graph's default). */
    public Graph() {
        this(false);
    }

    /** An empty graph. */
    public Graph(boolean caseSensitive) {
        this.caseSensitive = caseSensitive;
    }

    /** Whether port names (and exported port names) are told apart by case. */
    public boolean isCaseSensitive() {
        return caseSensitive;
    }

    /** The {@code properties} exactly as given (the same instance), or null when there are none. */
    public Object properties() {
        return properties;
    }

    /** Sets the {@code properties} (any object, kept as it is; null for none). */
    public Graph setProperties(Object properties) {
        this.properties = properties;
        return this;
    }

    // ---- processes ----

    /** Adds a process; {@code metadata} may be null (none). The id must be new and non-empty. */
    public Graph addProcess(String id, String component, Object metadata) {
        return addProcess(new GraphProcess(id, component, metadata));
    }

    /** Adds a process. The id must be new and non-empty. */
    public Graph addProcess(GraphProcess process) {
        if (process == null) {
            throw new GraphException("graph: addProcess(null)");
        }
        String id = process.id();
        if (id == null || id.isEmpty()) {
            throw new GraphException("graph: process " + GraphValidator.quoteId(id)
                    + ": the id must be a non-empty string");
        }
        if (processes.containsKey(id)) {
            throw new GraphException("graph: process '" + id + "' already exists");
        }
        processes.put(id, process);
        return this;
    }

    /** The process with this id, or null. */
    public GraphProcess process(String id) {
        return processes.get(id);
    }

    /** Id to process, in insertion order (unmodifiable view). */
    public Map<String, GraphProcess> processes() {
        return processesView;
    }

    // ---- connections ----

    /** Adds a connection (an edge or an initial packet) at the end. */
    public Graph addConnection(GraphConnection connection) {
        if (connection == null) {
            throw new GraphException("graph: addConnection(null)");
        }
        connections.add(connection);
        return this;
    }

    /** Adds an edge without indexes or metadata. */
    public Graph addEdge(String srcProcess, String srcPort, String tgtProcess, String tgtPort) {
        return addConnection(GraphConnection.edge(new GraphEndpoint(srcProcess, srcPort),
                new GraphEndpoint(tgtProcess, tgtPort), null));
    }

    /** Adds an initial packet (any value, null included) without index or metadata. */
    public Graph addInitial(Object data, String process, String port) {
        return addConnection(GraphConnection.initial(data, new GraphEndpoint(process, port), null));
    }

    /** The connections, in order (unmodifiable view); "connection N" in messages is index N here. */
    public List<GraphConnection> connections() {
        return connectionsView;
    }

    // ---- exported ports ----

    /** Exports {@code process.port} as inport {@code name}; {@code metadata} may be null. */
    public Graph addInport(String name, String process, String port, Object metadata) {
        return addExported("inport", inports, new ExportedPort(name, process, port, metadata));
    }

    /** Exports {@code process.port} as outport {@code name}; {@code metadata} may be null. */
    public Graph addOutport(String name, String process, String port, Object metadata) {
        return addExported("outport", outports, new ExportedPort(name, process, port, metadata));
    }

    /** Adds an exported inport. */
    public Graph addInport(ExportedPort port) {
        return addExported("inport", inports, port);
    }

    /** Adds an exported outport. */
    public Graph addOutport(ExportedPort port) {
        return addExported("outport", outports, port);
    }

    /** Public name to exported inport, in insertion order (unmodifiable view). */
    public Map<String, ExportedPort> inports() {
        return inportsView;
    }

    /** Public name to exported outport, in insertion order (unmodifiable view). */
    public Map<String, ExportedPort> outports() {
        return outportsView;
    }

    /** The exported inport called {@code name} (ignoring case unless case-sensitive), or null. */
    public ExportedPort inport(String name) {
        return findExported(inports, name);
    }

    /** The exported outport called {@code name} (ignoring case unless case-sensitive), or null. */
    public ExportedPort outport(String name) {
        return findExported(outports, name);
    }

    // ---- groups ----

    /** Adds a group of processes; {@code metadata} may be null. */
    public Graph addGroup(String name, List<String> nodes, Object metadata) {
        return addGroup(new GraphGroup(name, nodes, metadata));
    }

    /** Adds a group. */
    public Graph addGroup(GraphGroup group) {
        if (group == null) {
            throw new GraphException("graph: addGroup(null)");
        }
        groups.add(group);
        return this;
    }

    /** The groups, in order (unmodifiable view). */
    public List<GraphGroup> groups() {
        return groupsView;
    }

    // ---- case ----

    /**
     * The form of a port name (or exported port name) under which it is compared: the name itself
     * when the graph is case-sensitive, else the name lower-cased character by character
     * ({@link Character#toLowerCase(char)}, the same for every locale).
     */
    public String portKey(String name) {
        if (caseSensitive || name == null) {
            return name;
        }
        return lowerCase(name);
    }

    /** Whether two port names name the same port in this graph. */
    public boolean samePort(String a, String b) {
        String ka = portKey(a);
        String kb = portKey(b);
        return ka == null ? kb == null : ka.equals(kb);
    }

    /** Checks the whole graph; throws a {@link GraphException} naming the first problem. */
    public Graph validate() {
        GraphValidator.validate(this);
        return this;
    }

    static String lowerCase(String name) {
        StringBuilder lower = null;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            char l = Character.toLowerCase(c);
            if (l != c && lower == null) {
                lower = new StringBuilder(name.length());
                lower.append(name, 0, i);
            }
            if (lower != null) {
                lower.append(l);
            }
        }
        return lower == null ? name : lower.toString();
    }

    private Graph addExported(String kind, Map<String, ExportedPort> ports, ExportedPort port) {
        if (port == null) {
            throw new GraphException("graph: add" + (kind.equals("inport") ? "Inport" : "Outport") + "(null)");
        }
        String name = port.name();
        if (name == null || name.isEmpty()) {
            throw new GraphException("graph: " + kind + " " + GraphValidator.quoteId(name)
                    + ": the name must be a non-empty string");
        }
        if (ports.containsKey(name)) {
            throw new GraphException("graph: " + kind + " '" + name + "' already exists");
        }
        ports.put(name, port);
        return this;
    }

    private ExportedPort findExported(Map<String, ExportedPort> ports, String name) {
        ExportedPort exact = ports.get(name);
        if (exact != null || caseSensitive || name == null) {
            return exact;
        }
        String key = portKey(name);
        for (ExportedPort port : ports.values()) {
            if (key.equals(portKey(port.name()))) {
                return port;
            }
        }
        return null;
    }
}
