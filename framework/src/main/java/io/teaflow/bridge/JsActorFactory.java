package io.teaflow.bridge;

import io.teaflow.runtime.Actor;
import io.teaflow.runtime.ActorFactory;
import io.teaflow.runtime.ForeignError;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.teavm.jso.JSBody;
import org.teavm.jso.JSObject;
import org.teavm.jso.core.JSArray;
import org.teavm.jso.core.JSNumber;
import org.teavm.jso.core.JSString;

/**
 * A component written in JavaScript by the page: a class (one instance per node), an object
 * (each node gets an instance whose prototype is that object), or a legacy actor whose
 * {@code run(input, callback)} takes two parameters. Checked when registered, instantiated per node.
 */
final class JsActorFactory implements ActorFactory {
    private final String name;
    private final JSObject definition;

    JsActorFactory(String name, JSObject definition) {
        if (!isActor(definition)) {
            throw JsErrors.typeError("registerActor('" + name + "'): not an actor: expected a class or an object with"
                    + " a run method, got " + JsValues.describe(definition));
        }
        this.name = name;
        this.definition = definition;
    }

    @Override
    public Actor create() {
        JSObject instance = instantiate(definition, JsCalls.FAILED);
        if (instance == null) {
            JSObject error = JsCalls.takeError(JsCalls.FAILED);
            throw new ForeignError("the constructor of actor '" + name + "' threw: " + JsValues.messageOf(error), error);
        }
        Map<String, Integer> capacities = new HashMap<>();
        List<String> inports = ports(instance, "inports", capacities);
        List<String> outports = ports(instance, "outports", null);
        return new JsActor(instance, inports, outports, capacities, awaitsAll(instance), isLegacy(instance));
    }

    /**
     * The port names an instance declares in its {@code inports}/{@code outports} array (none if
     * absent): names, or (inports only) {@code {name, capacity}} objects, whose capacities go into
     * {@code capacities}.
     */
    private List<String> ports(JSObject instance, String field, Map<String, Integer> capacities) {
        JSObject declared = property(instance, field);
        List<String> names = new ArrayList<>();
        if (JsValues.isUndefined(declared) || declared == null) {
            return names;
        }
        if (!JsValues.isArray(declared)) {
            throw JsErrors.typeError("actor '" + name + "': " + field + " must be an array of port names, got "
                    + JsValues.describe(declared));
        }
        JSArray<JSObject> array = (JSArray<JSObject>) declared;
        for (int i = 0; i < array.getLength(); i++) {
            JSObject entry = array.get(i);
            JSObject portName = JsValues.isString(entry) ? entry : property(entry, "name");
            if (!JsValues.isString(portName) || ((JSString) portName).stringValue().isEmpty()) {
                throw JsErrors.typeError("actor '" + name + "': " + field + "[" + i + "] must be a port name, got "
                        + JsValues.describe(entry));
            }
            String port = ((JSString) portName).stringValue();
            if (!JsValues.isString(entry)) {
                JSObject capacity = property(entry, "capacity");
                if (capacities == null) {
                    throw JsErrors.typeError("actor '" + name + "': " + field + "[" + i + "] must be a port name, got "
                            + JsValues.describe(entry));
                }
                if (!JsValues.isUndefined(capacity)) {
                    if (!isCount(capacity)) {
                        throw JsErrors.typeError("actor '" + name + "': the capacity of inport '" + port
                                + "' must be a positive integer, got " + JsValues.describe(capacity));
                    }
                    capacities.put(port, ((JSNumber) capacity).intValue());
                }
            }
            if (names.contains(port)) {
                throw JsErrors.typeError("actor '" + name + "': " + field + " declares '" + port + "' twice");
            }
            if (port.equals("__proto__")) {
                throw JsErrors.typeError("actor '" + name + "': '__proto__' cannot be a port name");
            }
            names.add(port);
        }
        return names;
    }

    @JSBody(params = "actor", script = ""
            + "if (typeof actor === 'function') return !!actor.prototype && typeof actor.prototype.run === 'function';"
            + "return actor !== null && typeof actor === 'object' && typeof actor.run === 'function';")
    private static native boolean isActor(JSObject actor);

    /** A new instance, or null with the thrown value in the holder. */
    @JSBody(params = { "actor", "holder" }, script = ""
            + "try { return typeof actor === 'function' ? new actor() : Object.create(actor); }"
            + "catch (thrown) { holder.error = thrown; return null; }")
    private static native JSObject instantiate(JSObject actor, JSObject holder);

    @JSBody(params = "instance", script = "return typeof instance.run === 'function' && instance.run.length >= 2;")
    private static native boolean isLegacy(JSObject instance);

    @JSBody(params = { "object", "key" }, script = "return object == null ? undefined : object[key];")
    private static native JSObject property(JSObject object, String key);

    @JSBody(params = "value", script = "return typeof value === 'number' && Number.isInteger(value) && value > 0;")
    private static native boolean isCount(JSObject value);

    @JSBody(params = "instance", script = "return instance.awaitAllInports === true;")
    private static native boolean awaitsAll(JSObject instance);

}
