package io.teaflow.graph;

/**
 * A connection of a graph: either an edge from an outport ({@link #src()}) to an inport
 * ({@link #tgt()}), or an initial packet ({@link #data()}) sent to an inport. The packet and the
 * metadata are kept as the very objects given; a packet may be anything, {@code null} included.
 * Immutable, apart from whatever those objects are.
 */
public final class GraphConnection {
    private final GraphEndpoint src;
    private final boolean initial;
    private final Object data;
    private final GraphEndpoint tgt;
    private final Object metadata;

    private GraphConnection(GraphEndpoint src, boolean initial, Object data, GraphEndpoint tgt, Object metadata) {
        this.src = src;
        this.initial = initial;
        this.data = data;
        this.tgt = tgt;
        this.metadata = metadata;
    }

    /** An edge from {@code src} to {@code tgt}; {@code metadata} may be null (none). */
    public static GraphConnection edge(GraphEndpoint src, GraphEndpoint tgt, Object metadata) {
        if (src == null) {
            throw new GraphException("graph: an edge needs a source endpoint (use initial() for a packet)");
        }
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

    /** The source of an edge; null for an initial packet. */
    public GraphEndpoint src() {
        return src;
    }

    /** The packet of an initial packet, exactly as given (may be null); null for an edge. */
    public Object data() {
        return data;
    }

    /** The receiving inport. */
    public GraphEndpoint tgt() {
        return tgt;
    }

    /** The metadata exactly as given (the same instance), or null when there is none. */
    public Object metadata() {
        return metadata;
    }

    /** {@code a.out -> b.in} or {@code initial packet -> b.in}, as used in error messages. */
    @Override
    public String toString() {
        return (initial ? "initial packet" : String.valueOf(src)) + " -> " + tgt;
    }
}
