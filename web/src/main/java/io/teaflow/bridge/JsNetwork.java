package io.teaflow.bridge;

import io.teaflow.runtime.ConnectionStats;
import io.teaflow.runtime.Network;
import io.teaflow.runtime.NetworkEvent;
import io.teaflow.runtime.NodeStats;
import io.teaflow.runtime.Subscription;
import io.teaflow.runtime.TeaflowException;
import io.teaflow.runtime.spi.LiveMemoryState;
import java.util.LinkedHashMap;
import java.util.Map;
import org.teavm.jso.JSBody;
import org.teavm.jso.JSClass;
import org.teavm.jso.JSExport;
import org.teavm.jso.JSObject;
import org.teavm.jso.core.JSArray;
import org.teavm.jso.core.JSString;

/**
 * The page's {@code Network} (contract §2): checks the types of what the page passes, then hands
 * over to the runtime's {@link Network}. Misuse throws at the call (a {@code TypeError} for a
 * wrong type, an {@code Error} naming the unknown thing otherwise); {@code start} rejects instead.
 */
@JSClass(name = "Network")
public final class JsNetwork {
    private final Network network = new Network(new JsHost(), TeaflowModule.javaComponents());

    @JSExport
    public JsNetwork() {
    }

    /**
     * A network built from an FBP JSON graph (contract §7). {@code options.actors} maps component
     * names to JS actors and {@code options.graphs} names to graphs used as subgraph components,
     * both registered before the graph is loaded; {@code core/*} are always there. An invalid graph
     * throws one Error naming the offending process, connection or field.
     */
    @JSExport
    public static JsNetwork fromGraph(JSObject graph, JSObject options) {
        JsNetwork result = new JsNetwork();
        if (!PageValues.isUndefined(options) && options != null) {
            if (!PageValues.isPlainObjectLike(options)) {
                throw JsErrors.typeError("Network.fromGraph(graph, options): options must be an object, got "
                        + PageValues.describe(options));
            }
            String call = "Network.fromGraph(graph, options)";
            JSObject actors = PageObjects.read(options, "actors", call);
            for (String name : optionKeys(actors, call, "actors")) {
                result.registerActor(JSString.valueOf(name), PageObjects.read(actors, name, call + ": options.actors"));
            }
            JSObject graphs = PageObjects.read(options, "graphs", call);
            for (String name : optionKeys(graphs, call, "graphs")) {
                result.registerGraph(JSString.valueOf(name), PageObjects.read(graphs, name, call + ": options.graphs"));
            }
        }
        result.network.loadGraph(JsGraphs.fromJs(graph, "graph"));
        return result;
    }

    /** The names in {@code options.actors} or {@code options.graphs}: none if absent, a TypeError if not an object. */
    private static java.util.List<String> optionKeys(JSObject names, String call, String field) {
        java.util.List<String> result = new java.util.ArrayList<>();
        if (PageValues.isUndefined(names) || names == null) {
            return result;
        }
        if (!PageValues.isPlainObjectLike(names)) {
            throw JsErrors.typeError(call + ": options." + field + " must be an object of name → "
                    + ("actors".equals(field) ? "actor" : "graph") + ", got " + PageValues.describe(names));
        }
        JSArray<JSString> keys = PageObjects.ownKeys(names, call + ": options." + field);
        for (int i = 0; i < keys.getLength(); i++) {
            result.add(keys.get(i).stringValue());
        }
        return result;
    }

    /** The network as an FBP JSON graph, loadable by fbp-graph and by {@link #fromGraph}. */
    @JSExport
    public JSObject toJSON() {
        return JsGraphs.toJs(network.toGraph());
    }

    /** Registers a graph with exported inports/outports as a component for addNode. */
    @JSExport
    public JsNetwork registerGraph(JSObject name, JSObject graph) {
        String graphName = JsErrors.name(name, "registerGraph", "the name");
        network.registerGraph(graphName, JsGraphs.fromJs(graph, "registerGraph('" + graphName + "'): graph"));
        return this;
    }

    @JSExport
    public JsNetwork registerActor(JSObject name, JSObject actor) {
        String actorName = JsErrors.name(name, "registerActor", "the name");
        network.registerActor(actorName, new JsActorFactory(actorName, actor));
        return this;
    }

    @JSExport
    public JsNetwork addNode(JSObject id, JSObject component, JSObject config) {
        String call = "addNode";
        network.addNode(JsErrors.name(id, call, "the node id"), JsErrors.string(component, call, "the component"),
                PageValues.isUndefined(config) ? null : PageValues.toJava(config));
        return this;
    }

    @JSExport
    public JsNetwork addConnection(JSObject from, JSObject fromPort, JSObject to, JSObject toPort) {
        String call = "addConnection";
        network.addConnection(JsErrors.string(from, call, "the source node"),
                JsErrors.string(fromPort, call, "the source outport"),
                JsErrors.string(to, call, "the target node"), JsErrors.string(toPort, call, "the target inport"));
        return this;
    }

    @JSExport
    public JsNetwork addInitial(JSObject node, JSObject port, JSObject value) {
        network.addInitial(JsErrors.string(node, "addInitial", "the node"),
                JsErrors.string(port, "addInitial", "the inport"), PageValues.toJava(value));
        return this;
    }

    /** Removes a node (also while running); packets that cannot be delivered any more are reported. */
    @JSExport
    public JsNetwork removeNode(JSObject id) {
        network.removeNode(JsErrors.string(id, "removeNode", "the node id"));
        return this;
    }

    /** Removes a connection (also while running); its packets in flight are reported, not lost. */
    @JSExport
    public JsNetwork removeConnection(JSObject from, JSObject fromPort, JSObject to, JSObject toPort) {
        String call = "removeConnection";
        network.removeConnection(JsErrors.string(from, call, "the source node"),
                JsErrors.string(fromPort, call, "the source outport"),
                JsErrors.string(to, call, "the target node"), JsErrors.string(toPort, call, "the target inport"));
        return this;
    }

    /**
     * A JSON-serialisable snapshot: {@code {format, version, graph, state: {nodeId: {key: value}}}}, deep
     * copies of every node's state. A value JSON cannot carry (function, Symbol, BigInt, cycle,
     * class instance) throws an Error naming node and key, unless {@code {skipUnserializable: true}}.
     */
    @JSExport
    public JSObject snapshot(JSObject options) {
        boolean given = !PageValues.isUndefined(options) && options != null;
        if (given && !PageValues.isPlainObjectLike(options)) {
            throw JsErrors.typeError("snapshot(options): options must be an object, got " + PageValues.describe(options));
        }
        boolean skip = given && skipOption(options);
        JSObject states = PageObjects.empty();
        for (Map.Entry<String, Object> entry : network.snapshotStates(skip).entrySet()) {
            PageObjects.define(states, entry.getKey(), PageValues.toJs(entry.getValue()));
        }
        JSObject graph = PageObjects.copyJson(toJSON());
        if (PageObjects.failed(graph)) {
            throw new TeaflowException("snapshot(): the graph (its initial packets, metadata or properties) holds "
                    + PageObjects.whatOf(graph)
                    + ", which JSON cannot carry");
        }
        return snapshotObject(PageObjects.valueOf(graph), states);
    }

    /**
     * Puts every node's state back from {@code snapshot} (from {@link #snapshot} or its JSON), into
     * the same handles: keys added since are removed. Checked whole before anything changes.
     */
    @JSExport
    public JsNetwork restore(JSObject snapshot) {
        String call = "restore(snapshot)";
        JSObject states = PageValues.isPlainObjectLike(snapshot) ? PageObjects.read(snapshot, "state", call) : null;
        if (!PageValues.isPlainObjectLike(states)) {
            throw JsErrors.typeError(call + ": expected an object with a 'state' object (from snapshot()), got "
                    + PageValues.describe(snapshot) + (states == null ? "" : " whose state is " + PageValues.describe(states)));
        }
        Map<String, Object> byNode = new LinkedHashMap<>();
        JSArray<JSString> ids = PageObjects.ownKeys(states, call + ": snapshot.state");
        for (int i = 0; i < ids.getLength(); i++) {
            String id = ids.get(i).stringValue();
            byNode.put(id, PageValues.toJava(PageObjects.read(states, id, call + ": snapshot.state")));
        }
        network.restoreStates(byNode);
        return this;
    }

    /** Starts the network; resolves once the initial packets have been handed out, rejects if already running. */
    @JSExport
    public JSObject start() {
        try {
            network.start();
        } catch (TeaflowException e) {
            return Deferred.rejected(e.getMessage());
        }
        return Deferred.resolved();
    }

    // The names of the last send, converted once: a page sending a burst names the same node and
    // port every time, and converting JS strings to Java ones per packet is a measurable cost.
    // In an object of their own, not in this one's fields: a page may freeze its network.
    private final LastSend lastSend = new LastSend();

    /** The node and inport of the last accepted send, as the page named them and as Java strings. */
    private static final class LastSend {
        JSObject nodeJs;
        String node;
        JSObject portJs;
        String port;
        /** Names the accepted send that set the pair; 0 before the first. */
        int token;
    }

    /**
     * net.send (the entry defines it, calling TeaflowModule.networkSend or networkSendNumber) of a
     * value already converted for Java; returns the token of this send, which {@link #sendAgain}
     * takes to send to the same node and inport (the entry's send compares the page's node and port,
     * and keeps the token with them).
     */
    int sendValue(JSObject node, JSObject port, Object value) {
        LastSend last = lastSend;
        String nodeId = PageValues.same(node, last.nodeJs) ? last.node : JsErrors.string(node, "send", "the node");
        String portName = PageValues.same(port, last.portJs) ? last.port : JsErrors.string(port, "send", "the inport");
        network.send(nodeId, portName, value);
        // Kept once accepted: a send that failed changes neither the pair nor the token.
        last.node = nodeId;
        last.nodeJs = node;
        last.port = portName;
        last.portJs = port;
        last.token = last.token == Integer.MAX_VALUE ? 1 : last.token + 1;
        return last.token;
    }

    /**
     * Sends to the node and inport of the accepted send that returned {@code token}, if no send was
     * accepted since: 1 when sent, 0 (nothing sent, nothing read) when the pair is another now.
     */
    int sendAgain(int token, JSObject value) {
        return keeps(token) ? sendToKept(PageValues.toJava(value)) : 0;
    }

    /** {@link #sendAgain} of a number. */
    int sendNumberAgain(int token, double value) {
        return keeps(token) ? sendToKept(Double.valueOf(value)) : 0;
    }

    private boolean keeps(int token) {
        return token == lastSend.token && lastSend.node != null;
    }

    private int sendToKept(Object value) {
        network.send(lastSend.node, lastSend.port, value);
        return 1;
    }

    /** Resolves when nothing is queued or running, asynchronous runs included. */
    @JSExport
    public JSObject idle() {
        Deferred deferred = Deferred.create();
        network.whenIdle(() -> deferred.resolve(PageValues.undefined()));
        return deferred.getPromise();
    }

    /** Stops starting runs; resolves when the runs in progress have ended. */
    @JSExport
    public JSObject stop() {
        Deferred deferred = Deferred.create();
        network.stop(() -> deferred.resolve(PageValues.undefined()));
        return deferred.getPromise();
    }

    /** Calls {@code listener(event)} for events of {@code type}; returns a function that unsubscribes. */
    @JSExport
    public JSObject on(JSObject type, JSObject listener) {
        String eventType = JsErrors.string(type, "on", "the event type");
        if (!PageValues.isFunction(listener)) {
            throw JsErrors.typeError("on('" + eventType + "', listener): listener must be a function, got "
                    + PageValues.describe(listener));
        }
        Subscription subscription = network.on(eventType,
                event -> JsCalls.callOrThrow(listener, toJsEvent(event), null, null));
        return JsUnsubscribe.of(subscription);
    }

    /** The live state handle of node {@code id}: the same object on every call. */
    @JSExport
    public LiveMemoryStateHandle state(JSObject id) {
        // Every state of a network is the runtime's LiveMemoryState (the public type says only ActorState).
        return LiveMemoryStateHandle.of((LiveMemoryState) network.state(JsErrors.string(id, "state", "the node id")));
    }

    /**
     * What the network is doing (for the inspector and the FBP runtime): {@code {nodes,
     * connections}}, fresh on every call. Each node is {@code {id, component, kind:
     * 'js'|'java'|'graph', parent, inports, outports, runs, queued, running}} ({@code parent}: the
     * subgraph node's id or null); each connection {@code {from, fromPort, to, toPort, delivered}}
     * between running nodes (inside subgraphs too).
     */
    @JSExport
    public JSObject stats() {
        JSArray<JSObject> nodes = new JSArray<>();
        for (NodeStats node : network.nodeStats()) {
            nodes.push(nodeStats(node.id, node.component, node.kind, node.parent == null ? null : JSString.valueOf(node.parent),
                    names(node.inports), names(node.outports), node.runs, node.queued, node.running));
        }
        JSArray<JSObject> connections = new JSArray<>();
        for (ConnectionStats connection : network.connectionStats()) {
            connections.push(connectionStats(connection.from, connection.fromPort, connection.to, connection.toPort,
                    connection.delivered));
        }
        return statsObject(nodes, connections);
    }

    @JSBody(params = { "nodes", "connections" }, script = "return { nodes: nodes, connections: connections };")
    private static native JSObject statsObject(JSArray<JSObject> nodes, JSArray<JSObject> connections);

    @JSBody(params = { "from", "fromPort", "to", "toPort", "delivered" }, script = "return { from: from,"
            + " fromPort: fromPort, to: to, toPort: toPort, delivered: delivered };")
    private static native JSObject connectionStats(String from, String fromPort, String to, String toPort, int delivered);

    private static JSArray<JSString> names(java.util.List<String> names) {
        JSArray<JSString> result = new JSArray<>();
        for (String name : names) {
            result.push(JSString.valueOf(name));
        }
        return result;
    }

    @JSBody(params = { "id", "component", "kind", "parent", "inports", "outports", "runs", "queued", "running" },
            script = "return { id: id, component: component, kind: kind, parent: parent, inports: inports,"
            + " outports: outports, runs: runs, queued: queued, running: running };")
    private static native JSObject nodeStats(String id, String component, String kind, JSString parent,
            JSArray<JSString> inports, JSArray<JSString> outports, int runs, int queued, boolean running);

    private static JSObject toJsEvent(NetworkEvent event) {
        switch (event.type) {
            case DATA:
                return dataEvent(event.node, event.port, PageValues.toJsForObservers(event.value),
                        event.fromNode == null ? null : JSString.valueOf(event.fromNode),
                        event.fromPort == null ? null : JSString.valueOf(event.fromPort));
            case ERROR:
                if (event.lost != null) {
                    JSArray<JSObject> packets = new JSArray<>();
                    for (Object packet : event.lost) {
                        packets.push(PageValues.toJsForObservers(packet));
                    }
                    return lostEvent(event.node, event.message, packets);
                }
                return errorEvent(event.node, event.message, JsHost.toJsError(event.error));
            default:
                return plainEvent(event.type.jsName());
        }
    }

    @JSBody(params = { "node", "port", "value", "fromNode", "fromPort" }, script = ""
            + "return { type: 'data', node: node, port: port, value: value,"
            + "  from: fromNode === null ? null : { node: fromNode, port: fromPort } };")
    private static native JSObject dataEvent(String node, String port, JSObject value, JSString fromNode,
            JSString fromPort);

    @JSBody(params = { "node", "message", "error" }, script = ""
            + "return { type: 'error', node: node, message: message, error: error };")
    private static native JSObject errorEvent(String node, String message, JSObject error);

    @JSBody(params = { "node", "message", "packets" }, script = ""
            + "return { type: 'error', node: node, message: message, error: new Error(message), packets: packets };")
    private static native JSObject lostEvent(String node, String message, JSArray<JSObject> packets);

    private static boolean skipOption(JSObject options) {
        return PageValues.isTrue(PageObjects.read(options, "skipUnserializable", "snapshot(options)"));
    }

    @JSBody(params = { "graph", "states" }, script = ""
            + "return { format: 'teaflow-snapshot', version: 1, graph: graph, state: states };")
    private static native JSObject snapshotObject(JSObject graph, JSObject states);

    @JSBody(params = "type", script = "return { type: type };")
    private static native JSObject plainEvent(String type);
}
