package io.teaflow.runtime;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The components a network can make nodes of, by name: the built-in Java components (names
 * starting with {@code core/}, reserved) and whatever the user registered.
 */
final class ComponentRegistry {
    static final String RESERVED_PREFIX = "core/";

    private final Map<String, ActorFactory> factories = new LinkedHashMap<>();
    private final Map<String, ActorFactory> builtIns;

    ComponentRegistry(Map<String, ActorFactory> builtIns) {
        factories.putAll(builtIns);
        this.builtIns = builtIns;
    }

    /** Given at construction (built in or from a component library), not registered later. */
    boolean isBuiltIn(String name) {
        return builtIns.containsKey(name);
    }

    void register(String name, ActorFactory factory) {
        if (name == null || name.isEmpty()) {
            throw new TeaflowTypeException("registerActor: the name must be a non-empty string");
        }
        if (name.startsWith(RESERVED_PREFIX)) {
            throw new TeaflowException("registerActor('" + name + "'): names starting with '" + RESERVED_PREFIX
                    + "' are reserved for the built-in components");
        }
        if (builtIns.containsKey(name)) {
            throw new TeaflowException("registerActor('" + name + "'): '" + name
                    + "' is a Java component of this build (from a component library); pick another name");
        }
        if (factory == null) {
            throw new TeaflowTypeException("registerActor('" + name + "'): not an actor");
        }
        factories.put(name, factory);
    }

    ActorFactory find(String name) {
        return factories.get(name);
    }

    List<String> names() {
        return new ArrayList<>(factories.keySet());
    }

    /** The names given at construction: the components of every library, the built-ins first. */
    List<String> builtInNames() {
        return new ArrayList<>(builtIns.keySet());
    }
}
