/**
 * The built-in components every network has, under the reserved {@code core/} names:
 * {@code core/Repeat}, {@code core/Drop}, {@code core/Counter}, {@code core/Collect} and
 * {@code core/Accumulate}. Each is a one-class {@link io.teaflow.runtime.AbstractActor} with inport
 * {@code in} (and outport {@code out} if it sends), written against the same API as any Java
 * component, so they double as short examples. {@link io.teaflow.components.BuiltInComponents} is
 * their {@link io.teaflow.runtime.ComponentLibrary}; a network finds it like any other library, so
 * users never name these classes: they name the components ({@code net.addNode("c", "core/Counter", null)}).
 * The state keys each one reads and writes are in its class comment.
 */
package io.teaflow.components;
