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

    /**
     * The most packets {@code inport} holds before the nodes sending to it are paused (they run
     * again once it drains); 0, the default, is unbounded. Nothing is ever dropped or reordered.
     */
    default int capacity(String inport) {
        return 0;
    }

    /**
     * Whether a run needs one packet on every inport: the node then runs once per complete set,
     * taking the oldest packet of each port, instead of once per packet.
     */
    default boolean awaitsAllInports() {
        return false;
    }

    /** Called once, when the node is added, before any run: the place to seed the node's state. */
    default void created(ActorState state) {
    }

    /** Handles one packet; see {@link ActorContext} for the packet, the state and sending. */
    void run(ActorContext context);
}
