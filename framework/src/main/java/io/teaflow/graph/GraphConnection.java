package io.teaflow.graph;

/**
 * A connection of a graph: either an edge from an outport ({@link #src()}) to an inport
 * ({@link #tgt()}), or an initial packet ({@link #data()}) sent to an inport. The packet and the
 * metadata are kept as the very objects given; a packet may be anything, {@code null} included.
 * Immutable, apart from whatever those objects are.
 *
 * @param src the sending process and outport of an edge; null for an initial packet
 * @param initial true for an initial packet, false for an edge
 * @param data the initial packet (any value, null included); null for an edge
 * @param tgt the receiving process and inport
 * @param metadata any object, kept as it is (editors keep a route or a colour here); null for none
 */
public record GraphConnection(GraphEndpoint src, boolean initial, Object data, GraphEndpoint tgt, Object metadata) {
    /**
     * Checks the shape: an edge has a source, an initial packet none. Prefer {@link #edge} and
     * {@link #initial}, which cannot get it wrong.
     *
     * @param src the sending process and outport of an edge; null for an initial packet
     * @param initial true for an initial packet, false for an edge
     * @param data the initial packet (any value, null included); null for an edge (never used for one)
     * @param tgt the receiving process and inport
     * @param metadata any object, kept as it is; null for none
     * @throws GraphException when an edge has no {@code src}, or an initial packet has one
     */
    public GraphConnection {
        if (!initial && src == null) {
            throw new GraphException("graph: an edge needs a source endpoint (use initial() for a packet)");
        }
        if (initial && src != null) {
            throw new GraphException("graph: an initial packet has no source endpoint");
        }
    }

    /**
     * An edge: packets sent on {@code src}'s outport reach {@code tgt}'s inport.
     *
     * @param src the sending process and outport; must not be null
     * @param tgt the receiving process and inport
     * @param metadata any object, kept as it is; null for none
     * @return the edge
     * @throws GraphException when {@code src} is null
     */
    public static GraphConnection edge(GraphEndpoint src, GraphEndpoint tgt, Object metadata) {
        return new GraphConnection(src, false, null, tgt, metadata);
    }

    /**
     * An initial packet: {@code data} is sent to {@code tgt} each time a network made from the graph
     * starts.
     *
     * @param data the packet: any value, null included, kept as the very object given
     * @param tgt the receiving process and inport
     * @param metadata any object, kept as it is; null for none
     * @return the initial packet
     */
    public static GraphConnection initial(Object data, GraphEndpoint tgt, Object metadata) {
        return new GraphConnection(null, true, data, tgt, metadata);
    }

    /**
     * Whether this is an initial packet; the same as {@link #initial()}.
     *
     * @return true for an initial packet, false for an edge
     */
    public boolean isInitial() {
        return initial;
    }

    /** {@code a.out -> b.in} or {@code initial packet -> b.in}, as used in error messages. */
    @Override
    public String toString() {
        return (initial ? "initial packet" : String.valueOf(src)) + " -> " + tgt;
    }
}
