package io.teaflow.components;

import io.teaflow.runtime.ActorFactory;
import io.teaflow.runtime.ComponentLibrary;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The components every network has, written in Java against the same API as any Java component,
 * and found like any component library ({@code META-INF/services/io.teaflow.runtime.ComponentLibrary}).
 */
public final class BuiltInComponents implements ComponentLibrary {
    /** For {@link java.util.ServiceLoader}. */
    public BuiltInComponents() {
    }

    @Override
    public Map<String, ActorFactory> components() {
        return all();
    }

    /**
     * The built-in components, the same as {@link #components()}, for code that passes the components
     * of a network itself ({@code new Network(host, BuiltInComponents.all())}, as the browser bridge
     * does) instead of letting {@code new Network()} find them on the class path.
     *
     * @return a new, modifiable map from each {@code core/} name to its factory, in the order
     *         {@code core/Repeat}, {@code core/Drop}, {@code core/Counter}, {@code core/Collect},
     *         {@code core/Accumulate}
     */
    public static Map<String, ActorFactory> all() {
        Map<String, ActorFactory> components = new LinkedHashMap<>();
        components.put("core/Repeat", Repeat::new);
        components.put("core/Drop", Drop::new);
        components.put("core/Counter", Counter::new);
        components.put("core/Collect", Collect::new);
        components.put("core/Accumulate", Accumulate::new);
        return components;
    }
}
