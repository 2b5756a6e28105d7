package io.teaflow.graph;

/**
 * One end of a connection: a port of a process, with an optional array-port index
 * ({@code "src"} and {@code "tgt"} in FBP JSON). Immutable.
 */
public record GraphEndpoint(String process, String port, Integer index) {
    /** An endpoint without index. */
    public GraphEndpoint(String process, String port) {
        this(process, port, null);
    }

    /** {@code process.port} or {@code process.port[index]}, as used in error messages. */
    @Override
    public String toString() {
        return process + "." + port + (index == null ? "" : "[" + index + "]");
    }
}
