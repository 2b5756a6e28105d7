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
    /** Passed {@link #validate()} and not changed since: a second validation is skipped. */
    private boolean validated;

    /** An empty graph that is not case-sensitive (fbp-graph's default). */
    public Graph() {
        this(false);
    }

    /**
     * An empty graph.
     *
     * @param caseSensitive true to tell port names and exported port names apart by case (FBP JSON's
     *        {@code caseSensitive}); false to compare them ignoring case
     */
    public Graph(boolean caseSensitive) {
        this.caseSensitive = caseSensitive;
    }

    /**
     * Whether port names (and exported port names) are told apart by case.
     *
     * @return the flag given to the constructor (false for {@link #Graph()})
     */
    public boolean isCaseSensitive() {
        return caseSensitive;
    }

    /**
     * The graph's {@code properties} (in FBP JSON, such as its {@code name}).
     *
     * @return the object given to {@link #setProperties} or read from JSON, the same instance; null when
     *         there are none
     */
    public Object properties() {
        return properties;
    }

    /**
     * Sets the {@code properties}.
     *
     * @param properties any object, kept as it is and never looked into (in FBP JSON an object such
     *        as {@code {"name": "Counter"}}); null for none
     * @return this graph, for chaining
     */
    public Graph setProperties(Object properties) {
        this.properties = properties;
        validated = false;
        return this;
    }

    // ---- processes ----

    /**
     * Adds a process.
     *
     * @param id the process id: a non-empty string no other process of this graph has; it is the node
     *        id when a network loads the graph
     * @param component the name of the component the process is made of, such as {@code core/Counter};
     *        only checked by {@link #validate()} (non-empty) and by the network that loads the graph
     *        (registered)
     * @param metadata any object, kept as it is (editors keep positions here); null for none
     * @return this graph, for chaining
     * @throws GraphException when {@code id} is null or empty, or a process with that id exists
     */
    public Graph addProcess(String id, String component, Object metadata) {
        return addProcess(new GraphProcess(id, component, metadata));
    }

    /**
     * Adds a process.
     *
     * @param process the process; its id must be non-empty and new to this graph
     * @return this graph, for chaining
     * @throws GraphException when {@code process} is null, its id is null or empty, or a process
     *         with that id exists
     */
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
        validated = false;
        return this;
    }

    /**
     * Looks a process up by id (ids are compared exactly, whatever {@link #isCaseSensitive()} says).
     *
     * @param id a process id
     * @return the process with this id, or null if there is none
     */
    public GraphProcess process(String id) {
        return processes.get(id);
    }

    /**
     * All processes.
     *
     * @return id to process, in insertion order: an unmodifiable live view
     */
    public Map<String, GraphProcess> processes() {
        return processesView;
    }

    // ---- connections ----

    /**
     * Adds a connection (an edge or an initial packet) at the end. What it names is checked by
     * {@link #validate()}, not here.
     *
     * @param connection the connection, made with {@link GraphConnection#edge} or
     *        {@link GraphConnection#initial}
     * @return this graph, for chaining
     * @throws GraphException when {@code connection} is null
     */
    public Graph addConnection(GraphConnection connection) {
        if (connection == null) {
            throw new GraphException("graph: addConnection(null)");
        }
        connections.add(connection);
        validated = false;
        return this;
    }

    /**
     * Adds an edge without indexes or metadata, from {@code srcProcess.srcPort} to
     * {@code tgtProcess.tgtPort}. The names are checked by {@link #validate()}, not here.
     *
     * @param srcProcess the id of the sending process
     * @param srcPort the outport of the sending process
     * @param tgtProcess the id of the receiving process
     * @param tgtPort the inport of the receiving process
     * @return this graph, for chaining
     */
    public Graph addEdge(String srcProcess, String srcPort, String tgtProcess, String tgtPort) {
        return addConnection(GraphConnection.edge(new GraphEndpoint(srcProcess, srcPort),
                new GraphEndpoint(tgtProcess, tgtPort), null));
    }

    /**
     * Adds an initial packet without index or metadata: sent to {@code process.port} each time a
     * network made from this graph starts.
     *
     * @param data the packet: any value, null included, kept as the very object given
     * @param process the id of the receiving process
     * @param port the inport of the receiving process
     * @return this graph, for chaining
     */
    public Graph addInitial(Object data, String process, String port) {
        return addConnection(GraphConnection.initial(data, new GraphEndpoint(process, port), null));
    }

    /**
     * All connections, edges and initial packets together.
     *
     * @return the connections in the order added: an unmodifiable live view; "connection N" in error
     *         messages is index N here
     */
    public List<GraphConnection> connections() {
        return connectionsView;
    }

    // ---- exported ports ----

    /**
     * Exports {@code process.port} as inport {@code name}: the port a node made of this graph has
     * (see {@code Network.registerGraph}).
     *
     * @param name the public name: non-empty and not yet an exported inport of this graph
     * @param process the id of the process behind it
     * @param port the inport of that process
     * @param metadata any object, kept as it is; null for none
     * @return this graph, for chaining
     * @throws GraphException when {@code name} is null or empty, or an inport of exactly that name is
     *         already exported (names differing only by case are reported by {@link #validate()})
     */
    public Graph addInport(String name, String process, String port, Object metadata) {
        return addExported("inport", inports, new ExportedPort(name, process, port, metadata));
    }

    /**
     * Exports {@code process.port} as outport {@code name}: the port a node made of this graph has
     * (see {@code Network.registerGraph}).
     *
     * @param name the public name: non-empty and not yet an exported outport of this graph
     * @param process the id of the process behind it
     * @param port the outport of that process
     * @param metadata any object, kept as it is; null for none
     * @return this graph, for chaining
     * @throws GraphException when {@code name} is null or empty, or an outport of exactly that name is
     *         already exported (names differing only by case are reported by {@link #validate()})
     */
    public Graph addOutport(String name, String process, String port, Object metadata) {
        return addExported("outport", outports, new ExportedPort(name, process, port, metadata));
    }

    /**
     * Adds an exported inport.
     *
     * @param port the exported port; its name must be non-empty and not yet an exported inport
     * @return this graph, for chaining
     * @throws GraphException when {@code port} is null, its name is null or empty, or an inport of
     *         exactly that name is already exported
     */
    public Graph addInport(ExportedPort port) {
        return addExported("inport", inports, port);
    }

    /**
     * Adds an exported outport.
     *
     * @param port the exported port; its name must be non-empty and not yet an exported outport
     * @return this graph, for chaining
     * @throws GraphException when {@code port} is null, its name is null or empty, or an outport of
     *         exactly that name is already exported
     */
    public Graph addOutport(ExportedPort port) {
        return addExported("outport", outports, port);
    }

    /**
     * All exported inports.
     *
     * @return public name to exported inport, in insertion order: an unmodifiable live view
     */
    public Map<String, ExportedPort> inports() {
        return inportsView;
    }

    /**
     * All exported outports.
     *
     * @return public name to exported outport, in insertion order: an unmodifiable live view
     */
    public Map<String, ExportedPort> outports() {
        return outportsView;
    }

    /**
     * Looks an exported inport up by its public name.
     *
     * @param name a public port name, compared ignoring case unless the graph is case-sensitive
     * @return the exported inport called {@code name} (an exact match first), or null if there is none
     */
    public ExportedPort inport(String name) {
        return findExported(inports, name);
    }

    /**
     * Looks an exported outport up by its public name.
     *
     * @param name a public port name, compared ignoring case unless the graph is case-sensitive
     * @return the exported outport called {@code name} (an exact match first), or null if there is none
     */
    public ExportedPort outport(String name) {
        return findExported(outports, name);
    }

    // ---- groups ----

    /**
     * Adds a group of processes (for editors; it does not change how the graph runs). What it names
     * is checked by {@link #validate()}, not here.
     *
     * @param name the group's name
     * @param nodes the ids of the processes in the group, copied; null for none
     * @param metadata any object, kept as it is; null for none
     * @return this graph, for chaining
     */
    public Graph addGroup(String name, List<String> nodes, Object metadata) {
        return addGroup(new GraphGroup(name, nodes, metadata));
    }

    /**
     * Adds a group at the end.
     *
     * @param group the group to add; the ids it names are checked by {@link #validate()}, not here
     * @return this graph, for chaining
     * @throws GraphException when {@code group} is null
     */
    public Graph addGroup(GraphGroup group) {
        if (group == null) {
            throw new GraphException("graph: addGroup(null)");
        }
        groups.add(group);
        validated = false;
        return this;
    }

    /**
     * All groups.
     *
     * @return the groups in the order added: an unmodifiable live view
     */
    public List<GraphGroup> groups() {
        return groupsView;
    }

    // ---- case ----

    /**
     * The form of a port name (or exported port name) under which it is compared: the name itself
     * when the graph is case-sensitive, else the name lower-cased character by character
     * ({@link Character#toLowerCase(char)}, the same for every locale).
     *
     * @param name a port name or exported port name; may be null
     * @return the name as compared in this graph; null for null
     */
    public String portKey(String name) {
        if (caseSensitive || name == null) {
            return name;
        }
        return lowerCase(name);
    }

    /**
     * Whether two port names name the same port in this graph (see {@link #portKey(String)}).
     *
     * @param a a port name; may be null
     * @param b another port name; may be null
     * @return true if their {@link #portKey(String)}s are equal (two nulls are the same)
     */
    public boolean samePort(String a, String b) {
        String ka = portKey(a);
        String kb = portKey(b);
        return ka == null ? kb == null : ka.equals(kb);
    }

    /**
     * Checks the whole graph: what is checked, and in which order, is listed in {@link GraphValidator}.
     *
     * @return this graph, for chaining
     * @throws GraphException naming the first problem found, when the graph is not valid
     */
    public Graph validate() {
        if (!validated) {
            GraphValidator.validate(this);
            validated = true;
        }
        return this;
    }

    /** Marks the graph as checked whole (by a reader that validated every part as it added it). */
    void markValidated() {
        validated = true;
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
        validated = false;
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
