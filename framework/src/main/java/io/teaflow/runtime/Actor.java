package io.teaflow.runtime;

import java.util.List;

/**
 * The behaviour of one node. The network creates one actor per node (through its
 * {@link ActorFactory}) and calls {@link #run} once per packet that reaches one of its inports;
 * never while a previous run of the same node is still in progress or pending.
 */
public interface Actor {

    /**
     * Names of the inports, in declaration order. Read once, when the node is made.
     *
     * @return the inport names, such as {@code List.of("in")}; may be empty
     */
    List<String> inports();

    /**
     * Names of the outports, in declaration order. Read once, when the node is made.
     *
     * @return the outport names, such as {@code List.of("out")}; may be empty
     */
    List<String> outports();

    /**
     * The most packets {@code inport} holds before the nodes sending to it are paused (they run
     * again once it drains); 0, the default, is unbounded. Nothing is ever dropped or reordered.
     * Read once per inport, when the node is made; a negative capacity makes {@code addNode} fail
     * naming the port.
     *
     * @param inport one of {@link #inports()}
     * @return the capacity: 0 for unbounded, else at least 1
     */
    default int capacity(String inport) {
        return 0;
    }

    /**
     * Whether a run needs one packet on every inport: the node then runs once per complete set,
     * taking the oldest packet of each port, instead of once per packet. Read once, when the node
     * is made (an actor without inports never joins).
     *
     * @return true for one run per complete set ({@link ActorContext#packet(String)} reads each
     *         port's packet), false (the default) for one run per packet
     */
    default boolean awaitsAllInports() {
        return false;
    }

    /**
     * Called once, when the node is added, before any run: the place to seed the node's state. If it
     * throws, {@code addNode} throws too (naming the call) and the node is not added.
     *
     * @param state the new node's live state, the same object {@link ActorContext#state()} gives later
     */
    default void created(ActorState state) {
    }

    /**
     * Handles one packet (or, for a joining actor, one set). A {@link RuntimeException} it throws
     * becomes an {@code 'error'} event of the node carrying it; the network goes on with the next
     * packet.
     *
     * @param context the packet, the node's state and config, and sending; valid for this run (a
     *        send from a timer or promise afterwards is allowed, see {@link ActorContext#send})
     */
    void run(ActorContext context);
}
