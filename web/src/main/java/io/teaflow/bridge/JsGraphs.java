package io.teaflow.bridge;

import io.teaflow.graph.Graph;
import io.teaflow.graph.GraphEndpoint;
import io.teaflow.graph.GraphJson;
import io.teaflow.graph.GraphTree;
import java.util.ArrayList;
import java.util.List;
import org.teavm.jso.JSBody;
import org.teavm.jso.JSObject;
import org.teavm.jso.core.JSArray;
import org.teavm.jso.core.JSBoolean;
import org.teavm.jso.core.JSNumber;
import org.teavm.jso.core.JSString;

/**
 * FBP JSON graphs as page objects ↔ {@link Graph}: page objects seen as a {@link GraphTree}, so
 * the format itself is {@link GraphJson}'s. Every read of a page object goes through
 * {@link PageObjects#read} / {@link PageObjects#ownKeys}, so a throwing getter or Proxy trap becomes a
 * TypeError naming where. The codec holds page values in {@link HeldJsValue}s (one small allocation,
 * not TeaVM's implicit wrapper), JS null as Java null and undefined as {@link #UNDEFINED}.
 * {@code properties}, every {@code metadata} and every initial packet stay the very JS values
 * given, so {@code toJSON()} hands them back identical.
 */
final class JsGraphs implements GraphTree<Object> {
    /** The tree that writes graphs; each reading has its own (its names). */
    private static final JsGraphs TREE = new JsGraphs(false);

    /** JS {@code undefined} as the codec holds it (apart from null, which is Java null). */
    private static final Object UNDEFINED = new Object();

    /** An endpoint's two name codes travel as one number: process * CODES + port (as in bridge-scripts.js). */
    private static final double CODES = 1 << 26;

    /**
     * A reading's process ids and port names as codes (bridge-scripts.js newNameTable): an endpoint
     * naming a process gets the very Java string of its id, converted once, its hash made once.
     */
    private final JSObject nameTable;
    /** The Java string of each code of nameTable, converted when first needed. */
    private final List<String> names;
    /** Where readEndpoint and readProcess leave what they read when it is not plain. */
    private final JSObject endpointOut;
    /** The keys keys() listed last: their JS strings are the name table's keys (see readProcess). */
    private List<String> listedKeys;

    private JsGraphs(boolean reading) {
        nameTable = reading ? BridgeScripts.get().newNameTable() : null;
        names = reading ? new ArrayList<>() : null;
        endpointOut = reading ? newEndpointOut() : null;
    }

    /**
     * The graph of a page object, validated; messages start with {@code root} (such as
     * {@code "graph"} or {@code "registerGraph('G'): graph"}). Not an object: a TypeError.
     */
    static Graph fromJs(JSObject json, String root) {
        if (!PageValues.isPlainObjectLike(json)) {
            throw JsErrors.typeError(root + ": expected an FBP graph object, got " + PageValues.describe(json));
        }
        return GraphJson.read(new JsGraphs(true), fromJs(json), root);
    }

    /**
     * The page object of a graph, in fbp-graph's field order. Where the graph has no properties or
     * a process no metadata, it writes what fbp-graph itself would ({@code {name: ''}}, {@code {}}),
     * so fbp-graph loads the export back unchanged.
     */
    static JSObject toJs(Graph graph) {
        return js(GraphJson.write(graph, TREE));
    }

    @Override
    public Object field(Object object, String key, Object where) {
        return fromJs(PageObjects.read(js(object), key, where));
    }

    @Override
    public List<String> keys(Object object, Object where) {
        JSObject codes = BridgeScripts.get().ownKeyCodes(js(object), String.valueOf(where), nameTable);
        int count = lengthOf(codes);
        List<String> result = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            result.add(name(codeAt(codes, i)));
        }
        listedKeys = result;
        return result;
    }

    /** In one call into JS (see bridge-scripts.js readProcess), the process read by its JS key, its component as a code. */
    @Override
    public String process(Object processes, List<String> ids, int i, Object listing, Object where, Object[] values) {
        if (ids != listedKeys) {
            return GraphTree.super.process(processes, ids, i, listing, where, values);
        }
        int got = BridgeScripts.get().readProcess(js(processes), i, nameTable, endpointOut, JsCalls.FAILED);
        if (got >= 0) {
            values[2] = (got & 1) == 0 ? null : fromJs(valueRead(endpointOut, 2));
            return name(got >> 1);
        }
        if (got == -2) {
            throw PageObjects.readThrew(listing, ids.get(i));
        }
        if (got == -3) {
            throw PageObjects.readThrew(where, thrownKey(endpointOut));
        }
        for (int k = 0; k < values.length; k++) {
            values[k] = fromJs(valueRead(endpointOut, k));
        }
        return null;
    }

    /** In one call into JS (see bridge-scripts.js readEndpoint), the names as codes of this reading's names. */
    @Override
    public GraphEndpoint endpoint(Object object, Object where, Object[] values) {
        double codes = BridgeScripts.get().readEndpoint(js(object), nameTable, endpointOut, JsCalls.FAILED);
        if (codes >= 0) {
            int process = (int) (codes / CODES);
            return new GraphEndpoint(name(process), name((int) (codes - process * CODES)), null);
        }
        if (codes == -2) {
            throw PageObjects.readThrew(where, thrownKey(endpointOut));
        }
        for (int i = 0; i < values.length; i++) {
            values[i] = fromJs(valueRead(endpointOut, i));
        }
        return null;
    }

    /** The Java string of a code of this reading's names. */
    private String name(int code) {
        while (names.size() <= code) {
            names.add(nameAt(nameTable, names.size()));
        }
        return names.get(code);
    }

    /** The length of a page array (its getter or trap may throw: then a TypeError saying where). */
    @Override
    public int length(Object array, Object where) {
        JSObject length = PageObjects.read(js(array), "length", where);
        return isIndex(length) ? ((JSNumber) length).intValue() : 0;
    }

    @Override
    public Object element(Object array, int index, Object where) {
        return fromJs(PageObjects.readElement(js(array), index, where));
    }

    @Override
    public boolean isAbsent(Object value) {
        return value == UNDEFINED;
    }

    @Override
    public boolean isNull(Object value) {
        return value == null;
    }

    @Override
    public boolean isObject(Object value) {
        return value != UNDEFINED && PageValues.isPlainObjectLike(js(value));
    }

    @Override
    public boolean isArray(Object value) {
        return value != UNDEFINED && PageValues.isArray(js(value));
    }

    @Override
    public String asString(Object value) {
        return value != UNDEFINED && PageValues.isString(js(value)) ? ((JSString) js(value)).stringValue() : null;
    }

    @Override
    public Boolean asBoolean(Object value) {
        return value != UNDEFINED && "boolean".equals(PageValues.typeOf(js(value)))
                ? Boolean.valueOf(((JSBoolean) js(value)).booleanValue()) : null;
    }

    @Override
    public Double asNumber(Object value) {
        return value != UNDEFINED && "number".equals(PageValues.typeOf(js(value)))
                ? Double.valueOf(((JSNumber) js(value)).doubleValue()) : null;
    }

    @Override
    public Object keep(Object value) {
        return PageValues.toJava(js(value));
    }

    @Override
    public String describe(Object value) {
        return PageValues.describe(js(value));
    }

    @Override
    public Object newObject() {
        return fromJs(PageObjects.empty());
    }

    @Override
    public void put(Object object, String key, Object value) {
        put(js(object), key, js(value));
    }

    @Override
    public Object newArray() {
        return fromJs(new JSArray<>());
    }

    @Override
    public void push(Object array, Object value) {
        append(js(array), js(value));
    }

    @Override
    public Object string(String text) {
        return fromJs(JSString.valueOf(text));
    }

    @Override
    public Object bool(boolean value) {
        return fromJs(JSBoolean.valueOf(value));
    }

    @Override
    public Object number(double value) {
        return fromJs(JSNumber.valueOf(value));
    }

    @Override
    public Object kept(Object value) {
        return fromJs(PageValues.toJs(value));
    }

    @Override
    public Object noProperties() {
        return fromJs(unnamedProperties());
    }

    @Override
    public Object noProcessMetadata() {
        return fromJs(PageObjects.empty());
    }

    /** A page value as the codec holds it. */
    private static Object fromJs(JSObject value) {
        return PageValues.isUndefined(value) ? UNDEFINED : value == null ? null : new HeldJsValue(value);
    }

    /** A value the codec holds as the page value it stands for. */
    private static JSObject js(Object value) {
        return value == UNDEFINED ? PageValues.undefined() : value == null ? null : ((JsValueHolder) value).jsValue();
    }

    /**
     * Sets an own property of an object made here ({@code {}}), as {@link PageObjects#define} does;
     * by plain assignment when no property of that name is on {@code Object.prototype} (then no
     * setter of the page's can run, and {@code __proto__} is not among them): defineProperty was
     * a fifth of {@code toJSON()}'s time on a large graph.
     */
    @JSBody(params = { "object", "key", "value" }, script = "if (key in Object.prototype) {"
            + " Object.defineProperty(object, key, { value: value, writable: true, enumerable: true, configurable: true });"
            + " } else { object[key] = value; }")
    private static native void put(JSObject object, String key, JSObject value);

    @JSBody(script = "return { values: [undefined, undefined, undefined], key: '' };")
    private static native JSObject newEndpointOut();

    @JSBody(params = { "out", "i" }, script = "return out.values[i];")
    private static native JSObject valueRead(JSObject out, int i);

    @JSBody(params = "out", script = "return out.key;")
    private static native String thrownKey(JSObject out);

    @JSBody(params = { "table", "code" }, script = "return table.names[code];")
    private static native String nameAt(JSObject table, int code);

    @JSBody(params = "codes", script = "return codes.length;")
    private static native int lengthOf(JSObject codes);

    @JSBody(params = { "codes", "i" }, script = "return codes[i];")
    private static native int codeAt(JSObject codes, int i);

    @JSBody(script = "return { name: '' };")
    private static native JSObject unnamedProperties();

    @JSBody(params = { "array", "value" }, script = "array.push(value);")
    private static native void append(Object array, Object value);

    @JSBody(params = "value", script = "return typeof value === 'number' && Number.isInteger(value) && value >= 0;")
    private static native boolean isIndex(Object value);
}
