package io.teaflow.runtime;

import java.util.List;

/**
 * Something that happened in a network: it started, stopped, went idle, a node failed, or a
 * packet was delivered. Fields that do not apply to a type are {@code null}.
 */
public final class NetworkEvent {

    /** The event types; {@link #jsName} is the name used by {@code net.on(type, ...)}. */
    public enum Type {
        /** The network started: emitted by {@link Network#start()}, before the initial packets run. */
        START("start"),
        /** The network stopped: {@link Network#stop} of a running network, once its asynchronous runs ended. */
        STOP("stop"),
        /** Nothing is queued or running any more (after some work happened since the last idle). */
        IDLE("idle"),
        /** A node failed ({@link #node}, {@link #message}, {@link #error}), or packets were lost ({@link #lost}). */
        ERROR("error"),
        /** A packet was delivered to an inport ({@link #node}, {@link #port}, {@link #value}, and its sender). */
        DATA("data");

        private final String jsName;

        Type(String jsName) {
            this.jsName = jsName;
        }

        /**
         * The name of this type in {@link Network#on} and in JavaScript's {@code net.on(type, ...)}.
         *
         * @return {@code start}, {@code stop}, {@code idle}, {@code error} or {@code data}
         */
        public String jsName() {
            return jsName;
        }
    }

    private static final NetworkEvent START = new NetworkEvent(Type.START, null, null, null, null, null, null, null);
    private static final NetworkEvent STOP = new NetworkEvent(Type.STOP, null, null, null, null, null, null, null);
    private static final NetworkEvent IDLE = new NetworkEvent(Type.IDLE, null, null, null, null, null, null, null);

    /** What happened; says which of the other fields are set. */
    public final Type type;
    /** The node concerned: the failing node, or the receiving node of a packet. */
    public final String node;
    /** The receiving inport of a packet. */
    public final String port;
    /** The packet. */
    public final Object value;
    /** The sender of a packet; {@code null} when it came from outside the network. */
    public final String fromNode;
    /** The sender's outport for a packet; {@code null} when it came from outside the network. */
    public final String fromPort;
    /** What went wrong, for an error. */
    public final String message;
    /** The original error value (a Throwable, or whatever a script threw). */
    public final Object error;
    /** For an error reporting packets that could not be delivered (a removed node or connection): those packets. */
    public final List<Object> lost;

    private NetworkEvent(Type type, String node, String port, Object value, String fromNode, String fromPort,
            String message, Object error) {
        this(type, node, port, value, fromNode, fromPort, message, error, null);
    }

    private NetworkEvent(Type type, String node, String port, Object value, String fromNode, String fromPort,
            String message, Object error, List<Object> lost) {
        this.type = type;
        this.node = node;
        this.port = port;
        this.value = value;
        this.fromNode = fromNode;
        this.fromPort = fromPort;
        this.message = message;
        this.error = error;
        this.lost = lost;
    }

    /**
     * The one event of a type that carries no details, as the network emits it.
     *
     * @param type {@link Type#START}, {@link Type#STOP} or {@link Type#IDLE}
     * @return the one shared event of that type
     * @throws IllegalArgumentException when {@code type} is {@link Type#ERROR} or {@link Type#DATA},
     *         which carry details
     */
    public static NetworkEvent of(Type type) {
        switch (type) {
            case START:
                return START;
            case STOP:
                return STOP;
            case IDLE:
                return IDLE;
            default:
                throw new IllegalArgumentException(type + " events carry details");
        }
    }

    static NetworkEvent data(Connection connection, Object value) {
        return new NetworkEvent(Type.DATA, connection.toNode(), connection.toPort, value,
                connection.fromNode(), connection.fromPort, null, null);
    }

    static NetworkEvent error(String node, String message, Object error) {
        return new NetworkEvent(Type.ERROR, node, null, null, null, null, message, error);
    }

    static NetworkEvent lost(String node, String message, List<Object> packets) {
        return new NetworkEvent(Type.ERROR, node, null, null, null, null, message, null,
                java.util.Collections.unmodifiableList(new java.util.ArrayList<>(packets)));
    }

    @Override
    public String toString() {
        switch (type) {
            case DATA:
                return "data " + fromNode + "." + fromPort + " -> " + node + "." + port + ": " + value;
            case ERROR:
                return "error in " + node + ": " + message;
            default:
                return type.jsName();
        }
    }
}
