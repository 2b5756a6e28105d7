package io.teaflow.probes;

import io.teaflow.runtime.ActorFactory;
import io.teaflow.runtime.ComponentLibrary;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Components that only Teaflow's own browser tests use: compiled into a bundle of their own by
 * teaflow-maven-plugin, as a user's library would be, so the browser cases can check what a Java
 * component sees of page values, and what the page sees of Java's, on both backends.
 */
public final class ProbeComponents implements ComponentLibrary {
    @Override
    public Map<String, ActorFactory> components() {
        Map<String, ActorFactory> components = new LinkedHashMap<>();
        components.put("probe/Do", Probe::new);
        return components;
    }
}
