package io.teaflow.components;

import io.teaflow.runtime.ActorFactory;
import java.util.LinkedHashMap;
import java.util.Map;

/** The components every network has, written in Java against the same API as any Java component. */
public final class BuiltInComponents {
    private BuiltInComponents() {
    }

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
