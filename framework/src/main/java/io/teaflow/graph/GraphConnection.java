package io.teaflow.graph;

/**
 * A connection of a graph: either an edge from an outport ({@link #src()}) to an inport
 * ({@link #tgt()}), or an initial packet ({@link #data()}) sent to an inport. The packet and the
 * metadata are kept as the very objects given; a packet may be anything, {@code null} included.
 * Immutable, apart from whatever those objects are.
 */
public record GraphConnection(GraphEndpoint src, boolean initial, Object data, GraphEndpoint tgt, Object metadata) {
    /** Checks the shape: an edge has a source, an initial packet none. */
    public GraphConnection {
        if (!initial && src == null) {
            throw new GraphException("graph: an edge needs a source endpoint (use initial() for a packet)");
        }
        if (initial && src != null) {
            throw new GraphException("graph: an initial packet has no source endpoint");
        }
    }

    /** An edge from {@code src} to {@code tgt}; {@code metadata} may be null (none). */
    public static GraphConnection edge(GraphEndpoint src, GraphEndpoint tgt, Object metadata) {
        return new GraphConnection(src, false, null, tgt, metadata);
    }

    /** An initial packet {@code data} (any value, null included) for {@code tgt}. */
    public static GraphConnection initial(Object data, GraphEndpoint tgt, Object metadata) {
        return new GraphConnection(null, true, data, tgt, metadata);
    }

    /** True for an initial packet, false for an edge. */
    public boolean isInitial() {
        return initial;
    }

    /** {@code a.out -> b.in} or {@code initial packet -> b.in}, as used in error messages. */
    @Override
    public String toString() {
        return (initial ? "initial packet" : String.valueOf(src)) + " -> " + tgt;
    }
}
