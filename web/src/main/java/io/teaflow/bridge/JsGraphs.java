package io.teaflow.bridge;

import io.teaflow.graph.ExportedPort;
import io.teaflow.graph.Graph;
import io.teaflow.graph.GraphConnection;
import io.teaflow.graph.GraphEndpoint;
import io.teaflow.graph.GraphException;
import io.teaflow.graph.GraphGroup;
import io.teaflow.graph.GraphProcess;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.teavm.jso.JSBody;
import org.teavm.jso.JSObject;
import org.teavm.jso.core.JSArray;
import org.teavm.jso.core.JSNumber;
import org.teavm.jso.core.JSString;

/**
 * FBP JSON graphs as page objects ↔ {@link Graph}. Only the structure is read (ids, components,
 * ports, indexes); {@code properties}, every {@code metadata} and every initial packet stay the
 * very JS values given, so {@code toJSON()} hands them back identical. Errors name the process,
 * connection or field, like {@link io.teaflow.graph.GraphJson}'s.
 */
final class JsGraphs {
    private JsGraphs() {
    }

    /**
     * The graph of a page object, checked whole ({@link Graph#validate()}); messages start with
     * {@code root} (such as {@code "graph"} or {@code "registerGraph('G'): graph"}).
     */
    static Graph fromJs(JSObject json, String root) {
        if (!JsValues.isPlainObjectLike(json)) {
            throw JsErrors.typeError(root + ": expected an FBP graph object, got " + JsValues.describe(json));
        }
        JSObject caseSensitive = JsObjects.read(json, "caseSensitive", root);
        if (!JsValues.isUndefined(caseSensitive) && !"boolean".equals(JsValues.typeOf(caseSensitive))) {
            throw new GraphException(root + ": \"caseSensitive\" must be a boolean (got " + JsValues.describe(caseSensitive) + ")");
        }
        Graph graph = new Graph(JsValues.isTrue(caseSensitive));
        JSObject properties = JsObjects.read(json, "properties", root);
        graph.setProperties(opaqueObject(root, "properties", properties));
        JSObject processes = objectField(json, "processes", root);
        for (String id : keys(processes, root + ": processes")) {
            String where = root + ": process '" + id + "'";
            JSObject process = JsObjects.read(processes, id, root + ": processes");
            if (!JsValues.isPlainObjectLike(process)) {
                throw new GraphException(where + ": expected an object, got " + JsValues.describe(process));
            }
            graph.addProcess(new GraphProcess(id, string(process, "component", where), metadata(process, where)));
        }
        JSObject connections = arrayField(json, "connections", root);
        int connectionCount = length(connections, root + ": connections");
        for (int i = 0; i < connectionCount; i++) {
            String where = root + ": connection " + i;
            JSObject connection = JsObjects.read(connections, String.valueOf(i), root + ": connections");
            if (!JsValues.isPlainObjectLike(connection)) {
                throw new GraphException(where + ": expected an object, got " + JsValues.describe(connection));
            }
            GraphEndpoint target = endpoint(connection, "tgt", where);
            JSObject data = JsObjects.read(connection, "data", where);
            if (!JsValues.isUndefined(data)) {
                graph.addConnection(GraphConnection.initial(JsValues.toJava(data), target, metadata(connection, where)));
            } else if (JsValues.isUndefined(JsObjects.read(connection, "src", where))) {
                throw new GraphException(where + ": has neither \"src\" nor \"data\"");
            } else {
                graph.addConnection(GraphConnection.edge(endpoint(connection, "src", where), target,
                        metadata(connection, where)));
            }
        }
        readExported(graph, objectField(json, "inports", root), true, root);
        readExported(graph, objectField(json, "outports", root), false, root);
        JSObject groups = arrayField(json, "groups", root);
        int groupCount = length(groups, root + ": groups");
        for (int i = 0; i < groupCount; i++) {
            String where = root + ": group " + i;
            JSObject group = JsObjects.read(groups, String.valueOf(i), root + ": groups");
            if (!JsValues.isPlainObjectLike(group)) {
                throw new GraphException(where + ": expected an object, got " + JsValues.describe(group));
            }
            JSObject nodes = JsObjects.read(group, "nodes", where);
            if (!JsValues.isArray(nodes)) {
                throw new GraphException(where + ": \"nodes\" must be an array of process ids (got "
                        + JsValues.describe(nodes) + ")");
            }
            List<String> ids = new ArrayList<>();
            int nodeCount = length(nodes, where + ": nodes");
            for (int n = 0; n < nodeCount; n++) {
                JSObject id = JsObjects.read(nodes, String.valueOf(n), where + ": nodes");
                if (!JsValues.isString(id)) {
                    throw new GraphException(where + ": nodes[" + n + "] must be a process id (got " + JsValues.describe(id) + ")");
                }
                ids.add(((JSString) id).stringValue());
            }
            graph.addGroup(new GraphGroup(string(group, "name", where), ids, metadata(group, where)));
        }
        return graph.validate();
    }

    /**
     * The page object of a graph, in fbp-graph's field order. Where the graph has no properties or
     * a process no metadata, it writes what fbp-graph itself would ({@code {name: ''}}, {@code {}}),
     * so fbp-graph loads the export back unchanged.
     */
    static JSObject toJs(Graph graph) {
        JSObject json = JsObjects.empty();
        JsObjects.define(json, "caseSensitive", JsValues.toJs(graph.isCaseSensitive()));
        JsObjects.define(json, "properties", graph.properties() == null ? unnamedProperties()
                : JsValues.toJs(graph.properties()));
        JsObjects.define(json, "inports", exportedToJs(graph.inports()));
        JsObjects.define(json, "outports", exportedToJs(graph.outports()));
        JSArray<JSObject> groups = new JSArray<>();
        for (GraphGroup group : graph.groups()) {
            JSObject g = JsObjects.empty();
            JsObjects.define(g, "name", JSString.valueOf(group.name()));
            JSArray<JSString> nodes = new JSArray<>();
            for (String id : group.nodes()) {
                nodes.push(JSString.valueOf(id));
            }
            JsObjects.define(g, "nodes", nodes);
            putMetadata(g, group.metadata());
            groups.push(g);
        }
        JsObjects.define(json, "groups", groups);
        JSObject processes = JsObjects.empty();
        for (GraphProcess process : graph.processes().values()) {
            JSObject p = JsObjects.empty();
            JsObjects.define(p, "component", JSString.valueOf(process.component()));
            JsObjects.define(p, "metadata", process.metadata() == null ? JsObjects.empty()
                    : JsValues.toJs(process.metadata()));
            JsObjects.define(processes, process.id(), p);
        }
        JsObjects.define(json, "processes", processes);
        JSArray<JSObject> connections = new JSArray<>();
        for (GraphConnection connection : graph.connections()) {
            JSObject c = JsObjects.empty();
            if (connection.isInitial()) {
                JsObjects.define(c, "data", JsValues.toJs(connection.data()));
            } else {
                JsObjects.define(c, "src", endpointToJs(connection.src()));
            }
            JsObjects.define(c, "tgt", endpointToJs(connection.tgt()));
            putMetadata(c, connection.metadata());
            connections.push(c);
        }
        JsObjects.define(json, "connections", connections);
        return json;
    }

    private static void readExported(Graph graph, JSObject ports, boolean inports, String root) {
        String kind = inports ? "inport" : "outport";
        for (String name : keys(ports, root + ": " + kind + "s")) {
            String where = root + ": " + kind + " '" + name + "'";
            JSObject port = JsObjects.read(ports, name, root + ": " + kind + "s");
            if (!JsValues.isPlainObjectLike(port)) {
                throw new GraphException(where + ": expected an object, got " + JsValues.describe(port));
            }
            ExportedPort exported = new ExportedPort(name, string(port, "process", where), string(port, "port", where),
                    metadata(port, where));
            if (inports) {
                graph.addInport(exported);
            } else {
                graph.addOutport(exported);
            }
        }
    }

    private static GraphEndpoint endpoint(JSObject connection, String field, String where) {
        JSObject end = JsObjects.read(connection, field, where);
        if (!JsValues.isPlainObjectLike(end)) {
            throw new GraphException(where + ": \"" + field + "\" must be an object with process and port (got "
                    + JsValues.describe(end) + ")");
        }
        String at = where + " " + field;
        JSObject index = JsObjects.read(end, "index", at);
        Integer position = null;
        if (!JsValues.isUndefined(index) && index != null) {
            if (!isIndex(index)) {
                throw new GraphException(at + ": \"index\" must be a whole number (got " + JsValues.describe(index) + ")");
            }
            position = ((JSNumber) index).intValue();
        }
        return new GraphEndpoint(string(end, "process", at), string(end, "port", at), position);
    }

    private static JSObject exportedToJs(Map<String, ExportedPort> ports) {
        JSObject json = JsObjects.empty();
        for (ExportedPort port : ports.values()) {
            JSObject p = JsObjects.empty();
            JsObjects.define(p, "process", JSString.valueOf(port.process()));
            JsObjects.define(p, "port", JSString.valueOf(port.port()));
            putMetadata(p, port.metadata());
            JsObjects.define(json, port.name(), p);
        }
        return json;
    }

    private static JSObject endpointToJs(GraphEndpoint endpoint) {
        JSObject json = JsObjects.empty();
        JsObjects.define(json, "process", JSString.valueOf(endpoint.process()));
        JsObjects.define(json, "port", JSString.valueOf(endpoint.port()));
        if (endpoint.index() != null) {
            JsObjects.define(json, "index", JsValues.toJs(endpoint.index().doubleValue()));
        }
        return json;
    }

    private static void putMetadata(JSObject holder, Object metadata) {
        if (metadata != null) {
            JsObjects.define(holder, "metadata", JsValues.toJs(metadata));
        }
    }

    private static Object metadata(JSObject holder, String where) {
        return opaqueObject(where, "metadata", JsObjects.read(holder, "metadata", where));
    }

    /** An optional object field kept as it is (null when absent or null). */
    private static Object opaqueObject(String where, String field, JSObject value) {
        if (JsValues.isUndefined(value) || value == null) {
            return null;
        }
        if (!JsValues.isPlainObjectLike(value)) {
            throw new GraphException(where + ": \"" + field + "\" must be an object (got " + JsValues.describe(value) + ")");
        }
        return JsValues.toJava(value);
    }

    private static String string(JSObject holder, String field, String where) {
        JSObject value = JsObjects.read(holder, field, where);
        if (!JsValues.isString(value)) {
            throw new GraphException(where + ": \"" + field + "\" must be a string (got " + JsValues.describe(value) + ")");
        }
        return ((JSString) value).stringValue();
    }

    private static JSObject objectField(JSObject json, String field, String where) {
        JSObject value = JsObjects.read(json, field, where);
        if (JsValues.isUndefined(value) || value == null) {
            return JsObjects.empty();
        }
        if (!JsValues.isPlainObjectLike(value)) {
            throw new GraphException(where + ": \"" + field + "\" must be an object (got " + JsValues.describe(value) + ")");
        }
        return value;
    }

    private static JSObject arrayField(JSObject json, String field, String root) {
        JSObject value = JsObjects.read(json, field, root);
        if (JsValues.isUndefined(value) || value == null) {
            return new JSArray<>();
        }
        if (!JsValues.isArray(value)) {
            throw new GraphException(root + ": \"" + field + "\" must be an array (got " + JsValues.describe(value) + ")");
        }
        return value;
    }

    private static List<String> keys(JSObject object, String where) {
        JSArray<JSString> names = JsObjects.ownKeys(object, where);
        List<String> result = new ArrayList<>(names.getLength());
        for (int i = 0; i < names.getLength(); i++) {
            result.add(names.get(i).stringValue());
        }
        return result;
    }

    @JSBody(script = "return { name: '' };")
    private static native JSObject unnamedProperties();

    @JSBody(params = "value", script = "return typeof value === 'number' && Number.isInteger(value) && value >= 0;")
    private static native boolean isIndex(JSObject value);

    /** The length of a page array (its getter or trap may throw: then a TypeError saying where). */
    private static int length(JSObject array, String where) {
        JSObject length = JsObjects.read(array, "length", where);
        return isIndex(length) ? ((JSNumber) length).intValue() : 0;
    }
}
