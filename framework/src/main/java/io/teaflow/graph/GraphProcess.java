package io.teaflow.graph;

/**
 * A process (node) of a graph: its id, the component it is made of, and its metadata, kept as the
 * very object given (null when absent). Immutable, apart from whatever the metadata object is.
 */
public final class GraphProcess {
    private final String id;
    private final String component;
    private final Object metadata;

    public GraphProcess(String id, String component, Object metadata) {
        this.id = id;
        this.component = component;
        this.metadata = metadata;
    }

    /** The process id, unique in its graph. */
    public String id() {
        return id;
    }

    /** The component name, e.g. {@code core/Repeat}; not checked against any registry here. */
    public String component() {
        return component;
    }

    /** The metadata exactly as given (the same instance), or null when there is none. */
    public Object metadata() {
        return metadata;
    }

    @Override
    public String toString() {
        return "process '" + id + "' (" + component + ")";
    }
}
