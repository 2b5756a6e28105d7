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

    /** The graph of a page object, checked whole ({@link Graph#validate()}). */
    static Graph fromJs(JSObject json) {
        if (!JsValues.isPlainObjectLike(json)) {
            throw JsErrors.typeError("graph: expected an FBP graph object, got " + JsValues.describe(json));
        }
        JSObject caseSensitive = JsObjects.get(json, "caseSensitive");
        if (!JsValues.isUndefined(caseSensitive) && !"boolean".equals(JsValues.typeOf(caseSensitive))) {
            throw new GraphException("graph: \"caseSensitive\" must be a boolean (got " + JsValues.describe(caseSensitive) + ")");
        }
        Graph graph = new Graph(isTrue(caseSensitive));
        JSObject properties = JsObjects.get(json, "properties");
        graph.setProperties(opaqueObject("graph", "properties", properties));
        JSObject processes = objectField(json, "processes", "graph");
        for (String id : keys(processes)) {
            String where = "graph: process '" + id + "'";
            JSObject process = JsObjects.get(processes, id);
            if (!JsValues.isPlainObjectLike(process)) {
                throw new GraphException(where + ": expected an object, got " + JsValues.describe(process));
            }
            graph.addProcess(new GraphProcess(id, string(process, "component", where), metadata(process, where)));
        }
        JSObject connections = arrayField(json, "connections");
        for (int i = 0; i < length(connections); i++) {
            String where = "graph: connection " + i;
            JSObject connection = element(connections, i);
            if (!JsValues.isPlainObjectLike(connection)) {
                throw new GraphException(where + ": expected an object, got " + JsValues.describe(connection));
            }
            GraphEndpoint target = endpoint(connection, "tgt", where);
            JSObject data = JsObjects.get(connection, "data");
            if (!JsValues.isUndefined(data)) {
                graph.addConnection(GraphConnection.initial(JsValues.toJava(data), target, metadata(connection, where)));
            } else if (JsValues.isUndefined(JsObjects.get(connection, "src"))) {
                throw new GraphException(where + ": has neither \"src\" nor \"data\"");
            } else {
                graph.addConnection(GraphConnection.edge(endpoint(connection, "src", where), target,
                        metadata(connection, where)));
            }
        }
        readExported(graph, objectField(json, "inports", "graph"), true);
        readExported(graph, objectField(json, "outports", "graph"), false);
        JSObject groups = arrayField(json, "groups");
        for (int i = 0; i < length(groups); i++) {
            String where = "graph: group " + i;
            JSObject group = element(groups, i);
            if (!JsValues.isPlainObjectLike(group)) {
                throw new GraphException(where + ": expected an object, got " + JsValues.describe(group));
            }
            JSObject nodes = JsObjects.get(group, "nodes");
            if (!JsValues.isArray(nodes)) {
                throw new GraphException(where + ": \"nodes\" must be an array of process ids (got "
                        + JsValues.describe(nodes) + ")");
            }
            List<String> ids = new ArrayList<>();
            for (int n = 0; n < length(nodes); n++) {
                JSObject id = element(nodes, n);
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

    private static void readExported(Graph graph, JSObject ports, boolean inports) {
        for (String name : keys(ports)) {
            String where = "graph: " + (inports ? "inport" : "outport") + " '" + name + "'";
            JSObject port = JsObjects.get(ports, name);
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
        JSObject end = JsObjects.get(connection, field);
        if (!JsValues.isPlainObjectLike(end)) {
            throw new GraphException(where + ": \"" + field + "\" must be an object with process and port (got "
                    + JsValues.describe(end) + ")");
        }
        String at = where + " " + field;
        JSObject index = JsObjects.get(end, "index");
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
        return opaqueObject(where, "metadata", JsObjects.get(holder, "metadata"));
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
        JSObject value = JsObjects.get(holder, field);
        if (!JsValues.isString(value)) {
            throw new GraphException(where + ": \"" + field + "\" must be a string (got " + JsValues.describe(value) + ")");
        }
        return ((JSString) value).stringValue();
    }

    private static JSObject objectField(JSObject json, String field, String where) {
        JSObject value = JsObjects.get(json, field);
        if (JsValues.isUndefined(value) || value == null) {
            return JsObjects.empty();
        }
        if (!JsValues.isPlainObjectLike(value)) {
            throw new GraphException(where + ": \"" + field + "\" must be an object (got " + JsValues.describe(value) + ")");
        }
        return value;
    }

    private static JSObject arrayField(JSObject json, String field) {
        JSObject value = JsObjects.get(json, field);
        if (JsValues.isUndefined(value) || value == null) {
            return new JSArray<>();
        }
        if (!JsValues.isArray(value)) {
            throw new GraphException("graph: \"" + field + "\" must be an array (got " + JsValues.describe(value) + ")");
        }
        return value;
    }

    private static List<String> keys(JSObject object) {
        JSArray<JSString> names = JsObjects.keys(object);
        List<String> result = new ArrayList<>(names.getLength());
        for (int i = 0; i < names.getLength(); i++) {
            result.add(names.get(i).stringValue());
        }
        return result;
    }

    @JSBody(script = "return { name: '' };")
    private static native JSObject unnamedProperties();

    @JSBody(params = "value", script = "return value === true;")
    private static native boolean isTrue(JSObject value);

    @JSBody(params = "value", script = "return typeof value === 'number' && Number.isInteger(value) && value >= 0;")
    private static native boolean isIndex(JSObject value);

    @JSBody(params = "array", script = "return array.length;")
    private static native int length(JSObject array);

    @JSBody(params = { "array", "index" }, script = "return array[index];")
    private static native JSObject element(JSObject array, int index);
}
