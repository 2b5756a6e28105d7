package io.teaflow.graph;

/**
 * A process (node) of a graph: its id, the component it is made of, and its metadata, kept as the
 * very object given (null when absent). Immutable, apart from whatever the metadata object is.
 *
 * @param id the process id, unique in its graph; the node id when a network loads the graph
 * @param component the name of the component it is made of, such as {@code core/Counter}
 * @param metadata any object, kept as it is (editors keep positions here); null for none
 */
public record GraphProcess(String id, String component, Object metadata) {
    @Override
    public String toString() {
        return "process '" + id + "' (" + component + ")";
    }
}
