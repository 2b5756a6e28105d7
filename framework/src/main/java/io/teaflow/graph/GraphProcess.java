package io.teaflow.graph;

/**
 * A process (node) of a graph: its id, the component it is made of, and its metadata, kept as the
 * very object given (null when absent). Immutable, apart from whatever the metadata object is.
 */
public record GraphProcess(String id, String component, Object metadata) {
    @Override
    public String toString() {
        return "process '" + id + "' (" + component + ")";
    }
}
