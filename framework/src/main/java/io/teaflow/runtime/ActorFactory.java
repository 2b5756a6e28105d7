package io.teaflow.runtime;

/** Makes the actor of a new node: a component as registered under its name. */
@FunctionalInterface
public interface ActorFactory {
    Actor create();
}
