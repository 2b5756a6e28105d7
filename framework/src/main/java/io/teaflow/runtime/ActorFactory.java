package io.teaflow.runtime;

/** Makes the actor of a new node: a component as registered under its name. */
@FunctionalInterface
public interface ActorFactory {
    /**
     * Makes one actor; called once per node made of the component, so nodes never share an actor.
     *
     * @return a new actor (such as {@code Counter::new} gives)
     */
    Actor create();
}
