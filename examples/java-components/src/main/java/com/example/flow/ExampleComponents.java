package com.example.flow;

import io.teaflow.runtime.ActorFactory;
import io.teaflow.runtime.ComponentLibrary;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * This project's component library, named in
 * {@code src/main/resources/META-INF/services/io.teaflow.runtime.ComponentLibrary}: found by
 * {@code new Network()} on the JVM, and compiled into the bundle by {@code teaflow-maven-plugin}.
 */
public final class ExampleComponents implements ComponentLibrary {
    /** For {@link java.util.ServiceLoader}. */
    public ExampleComponents() {
    }

    @Override
    public Map<String, ActorFactory> components() {
        Map<String, ActorFactory> components = new LinkedHashMap<>();
        components.put(Tokenize.NAME, Tokenize::new);
        components.put(MovingAverage.NAME, MovingAverage::new);
        components.put(RateLimit.NAME, RateLimit::new);
        return components;
    }
}
