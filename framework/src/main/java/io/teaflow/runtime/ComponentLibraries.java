package io.teaflow.runtime;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

/** Finds the {@link ComponentLibrary} implementations on the class path and merges their components. */
final class ComponentLibraries {
    private ComponentLibraries() {
    }

    /** Every library {@link ServiceLoader} finds, merged (the built-in components among them). */
    static Map<String, ActorFactory> onClassPath() {
        List<ComponentLibrary> libraries = ServiceLoader.load(ComponentLibrary.class).stream()
                .map(ServiceLoader.Provider::get).toList();
        return merge(libraries);
    }

    /**
     * The components of {@code libraries} in order; a name two of them give is an error naming the
     * component and both library classes, never a silent winner.
     */
    static Map<String, ActorFactory> merge(List<ComponentLibrary> libraries) {
        Map<String, ActorFactory> merged = new LinkedHashMap<>();
        Map<String, String> owners = new HashMap<>();
        for (ComponentLibrary library : libraries) {
            String owner = library.getClass().getName();
            for (Map.Entry<String, ActorFactory> entry : library.components().entrySet()) {
                String name = entry.getKey();
                if (name == null || name.isEmpty()) {
                    throw new TeaflowException("component library " + owner + " names a component with an empty name");
                }
                String first = owners.putIfAbsent(name, owner);
                if (first != null) {
                    throw new TeaflowException("component '" + name + "' is named by two libraries: " + first + " and "
                            + owner);
                }
                merged.put(name, entry.getValue());
            }
        }
        return merged;
    }
}
