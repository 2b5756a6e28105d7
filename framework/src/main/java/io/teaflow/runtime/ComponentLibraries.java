package io.teaflow.runtime;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

/**
 * Finds the {@link ComponentLibrary} implementations on the class path and merges their components,
 * checking the names: the same rules hold on the JVM, in a browser build and at build time.
 */
public final class ComponentLibraries {
    /** The one library allowed to name components {@code core/*}. A name, so the runtime does not depend on it. */
    static final String BUILT_IN_LIBRARY = "io.teaflow.components.BuiltInComponents";

    private ComponentLibraries() {
    }

    /**
     * Every library {@link ServiceLoader} finds, merged, in class path order (teaflow-maven-plugin
     * puts teaflow-framework first, so a bundle lists the built-in components first).
     *
     * @return a new map of component name to factory, in order
     * @throws TeaflowException if a library's components break the rules of {@link #merge}
     */
    public static Map<String, ActorFactory> onClassPath() {
        // A loop, not ServiceLoader.stream(): TeaVM's ServiceLoader is only Iterable.
        List<ComponentLibrary> libraries = new ArrayList<>();
        for (ComponentLibrary library : ServiceLoader.load(ComponentLibrary.class)) {
            libraries.add(library);
        }
        return merge(libraries);
    }

    /**
     * The components of {@code libraries} in order. A name that is empty, or starts with {@code core/}
     * outside the built-in library, is an error naming the library; a name two libraries give is an
     * error naming the component and both library classes, never a silent winner.
     *
     * @param libraries the libraries, each asked for its {@link ComponentLibrary#components()} once
     * @return a new map of component name to factory: each library's components in its order, library by library
     * @throws TeaflowException naming the library (and the component) when a library returns no map, a name is
     *         empty or reserved, a factory is null, or two libraries give the same name
     */
    public static Map<String, ActorFactory> merge(List<? extends ComponentLibrary> libraries) {
        Map<String, ActorFactory> merged = new LinkedHashMap<>();
        Map<String, String> owners = new HashMap<>();
        for (ComponentLibrary library : libraries) {
            String owner = library.getClass().getName();
            Map<String, ActorFactory> components = library.components();
            if (components == null) {
                throw new TeaflowException("component library " + owner + ": components() returned null");
            }
            for (Map.Entry<String, ActorFactory> entry : components.entrySet()) {
                String name = entry.getKey();
                String problem = name == null || name.isEmpty() ? " names a component with an empty name"
                        : name.startsWith(ComponentRegistry.RESERVED_PREFIX) && !owner.equals(BUILT_IN_LIBRARY)
                        ? " names component '" + name + "': names starting with 'core/' are reserved for the built-in components"
                        : entry.getValue() == null ? " gives no factory for '" + name + "'" : null;
                if (problem != null) {
                    throw new TeaflowException("component library " + owner + problem);
                }
                String first = owners.put(name, owner);
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
