package io.teaflow.runtime;

/**
 * A library of Java components: name → factory. A public class implementing it, named in
 * {@code META-INF/services/io.teaflow.runtime.ComponentLibrary}, is found by
 * {@link java.util.ServiceLoader}: on the JVM by {@code new Network()}. Names are non-empty and
 * do not start with {@code core/} (the built-in components' prefix); two libraries naming the same
 * component is an error naming it and both libraries.
 */
public interface ComponentLibrary {
    /**
     * The components of this library by name, in the order they are listed. Called once per
     * {@code new Network()}.
     *
     * @return component name (such as {@code shop/Total}) to the factory of its actors; use a
     *         {@link java.util.LinkedHashMap} to keep the listing order
     */
    java.util.Map<String, ActorFactory> components();
}
