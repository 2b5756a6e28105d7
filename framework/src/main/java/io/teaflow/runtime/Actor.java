package io.teaflow.runtime;

import java.util.List;

/**
 * The behaviour of one node. The network creates one actor per node (through its
 * {@link ActorFactory}) and calls {@link #run} once per packet that reaches one of its inports;
 * never while a previous run of the same node is still in progress or pending.
 */
public interface Actor {

    /** Names of the inports, in declaration order. */
    List<String> inports();

    /** Names of the outports, in declaration order. */
    List<String> outports();

    /** Called once, when the node is added, before any run: the place to seed the node's state. */
    default void created(ActorState state) {
    }

    /** Handles one packet; see {@link ActorContext} for the packet, the state and sending. */
    void run(ActorContext context);
}
