package io.teaflow.graph;

/**
 * One end of a connection: a port of a process, with an optional array-port index
 * ({@code "src"} and {@code "tgt"} in FBP JSON). Immutable.
 *
 * @param process the id of the process
 * @param port the name of one of its ports
 * @param index the index in an array port, not negative; null for none. A network keeps it and
 *        gives it back in {@code toGraph()}, but does not route packets by it
 */
public record GraphEndpoint(String process, String port, Integer index) {
    /**
     * An endpoint without index.
     *
     * @param process the id of the process
     * @param port the name of one of its ports
     */
    public GraphEndpoint(String process, String port) {
        this(process, port, null);
    }

    /** {@code process.port} or {@code process.port[index]}, as used in error messages. */
    @Override
    public String toString() {
        return process + "." + port + (index == null ? "" : "[" + index + "]");
    }
}
