package io.teaflow.bridge;

import io.teaflow.runtime.Actor;
import io.teaflow.runtime.ActorFactory;
import io.teaflow.runtime.spi.ForeignError;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
    /** "actor 'Name'", for messages: made once, not per node. */
    private final String where;
    private final String inportsWhere;
    private final String outportsWhere;
    // What the last instance declared, when it was plain names: most classes declare the same
    // ports in every instance, so a network of many nodes reads them into Java once.
    private final LastPorts lastInports = new LastPorts();
    private final LastPorts lastOutports = new LastPorts();

    JsActorFactory(String name, JSObject definition) {
        if (!BridgeScripts.get().isActor(definition)) {
            throw JsErrors.typeError("registerActor('" + name + "'): not an actor: expected a class or an object with"
                    + " a run method, got " + PageValues.describe(definition));
        }
        this.name = name;
        this.definition = definition;
        this.where = "actor '" + name + "'";
        this.inportsWhere = where + ": inports";
        this.outportsWhere = where + ": outports";
    }

    @Override
    public Actor create() {
        JSObject instance = BridgeScripts.get().instantiate(definition, JsCalls.FAILED);
        if (instance == null) {
            JSObject error = JsCalls.takeError(JsCalls.FAILED);
            throw new ForeignError("the constructor of actor '" + name + "' threw: " + PageValues.messageOf(error),
                    PageValues.hold(error));
        }
        Capacities capacities = new Capacities();
        List<String> inports = ports(instance, "inports", capacities, lastInports);
        List<String> outports = ports(instance, "outports", null, lastOutports);
        boolean joins = PageValues.isTrue(PageObjects.read(instance, "awaitAllInports", where));
        JSObject run = PageObjects.read(instance, "run", where);
        if (!PageValues.isFunction(run)) {
            // A constructor may return another object than its instance: it must still be an actor.
            throw JsErrors.typeError(where + ": the instance has no run method, got " + PageValues.describe(run));
        }
        boolean legacy = BridgeScripts.get().isLegacyRun(run);
        return new JsActor(where, instance, inports, outports, capacities.byPort, joins, legacy);
    }

    /** Port names read from an instance, and the same as JS strings, to tell the next instance's apart. */
    private static final class LastPorts {
        List<String> names;
        JSArray<JSString> js;
    }

    /** The capacities an instance declares, inport → capacity: no map made unless there is one. */
    private static final class Capacities {
        Map<String, Integer> byPort = Collections.emptyMap();

        void put(String port, int capacity) {
            if (byPort.isEmpty()) {
                byPort = new HashMap<>();
            }
            byPort.put(port, capacity);
        }
    }

    /**
     * The port names an instance declares in its {@code inports}/{@code outports} array (none if
     * absent): names, or (inports only) {@code {name, capacity}} objects, whose capacities go into
     * {@code capacities}.
     */
    private List<String> ports(JSObject instance, String field, Capacities capacities, LastPorts last) {
        JSObject declared = PageObjects.read(instance, field, this.where);
        if (last.names != null && BridgeScripts.get().samePortNames(declared, last.js)) {
            return last.names;
        }
        if (PageValues.isUndefined(declared) || declared == null) {
            return new ArrayList<>(0);
        }
        if (!PageValues.isArray(declared)) {
            throw JsErrors.typeError("actor '" + name + "': " + field + " must be an array of port names, got "
                    + PageValues.describe(declared));
        }
        String where = "inports".equals(field) ? inportsWhere : outportsWhere;
        JSObject length = PageObjects.read(declared, "length", where);
        int count = PageValues.isCount(length) ? ((JSNumber) length).intValue() : 0;
        // Sized for the usual few ports (not ArrayList's ten), but not trusting a huge length.
        List<String> names = new ArrayList<>(Math.min(count, 16));
        // Only names, no {name, capacity} entries: what the next instance may be compared with.
        boolean plain = true;
        for (int i = 0; i < count; i++) {
            JSObject entry = PageObjects.read(declared, PageObjects.indexKey(i), where);
            JSObject portName = PageValues.isString(entry) ? entry
                    : PageValues.isPlainObjectLike(entry) ? PageObjects.read(entry, "name", where + "[" + i + "]")
                    : null;
            if (!PageValues.isString(portName) || ((JSString) portName).stringValue().isEmpty()) {
                throw JsErrors.typeError("actor '" + name + "': " + field + "[" + i + "] must be a port name, got "
                        + PageValues.describe(entry));
            }
            String port = ((JSString) portName).stringValue();
            if (!PageValues.isString(entry)) {
                JSObject capacity = PageObjects.read(entry, "capacity", where + "[" + i + "]");
                if (capacities == null) {
                    throw JsErrors.typeError("actor '" + name + "': " + field + "[" + i + "] must be a port name, got "
                            + PageValues.describe(entry));
                }
                if (!PageValues.isUndefined(capacity)) {
                    if (!PageValues.isCount(capacity)) {
                        throw JsErrors.typeError("actor '" + name + "': the capacity of inport '" + port
                                + "' must be a positive integer, got " + PageValues.describe(capacity));
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
            plain &= PageValues.isString(entry);
        }
        if (plain) {
            last.names = names;
            last.js = new JSArray<>();
            for (String port : names) {
                last.js.push(JSString.valueOf(port));
            }
        }
        return names;
    }
}
