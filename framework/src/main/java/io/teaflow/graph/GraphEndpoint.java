package io.teaflow.graph;

/**
 * One end of a connection: a port of a process, with an optional array-port index
 * ({@code "src"} and {@code "tgt"} in FBP JSON). Immutable.
 */
public final class GraphEndpoint {
    private final String process;
    private final String port;
    private final Integer index;

    /** An endpoint without index. */
    public GraphEndpoint(String process, String port) {
        this(process, port, null);
    }

    /** An endpoint; {@code index} may be null (no index). */
    public GraphEndpoint(String process, String port, Integer index) {
        this.process = process;
        this.port = port;
        this.index = index;
    }

    /** The process id. */
    public String process() {
        return process;
    }

    /** The port name, exactly as given (never case-folded). */
    public String port() {
        return port;
    }

    /** The array-port index, or null when there is none. */
    public Integer index() {
        return index;
    }

    @Override
    public boolean equals(Object other) {
        if (!(other instanceof GraphEndpoint)) {
            return false;
        }
        GraphEndpoint that = (GraphEndpoint) other;
        return same(process, that.process) && same(port, that.port) && same(index, that.index);
    }

    @Override
    public int hashCode() {
        int hash = process == null ? 0 : process.hashCode();
        hash = hash * 31 + (port == null ? 0 : port.hashCode());
        return hash * 31 + (index == null ? 0 : index.intValue());
    }

    /** {@code process.port} or {@code process.port[index]}, as used in error messages. */
    @Override
    public String toString() {
        return process + "." + port + (index == null ? "" : "[" + index + "]");
    }

    private static boolean same(Object a, Object b) {
        return a == null ? b == null : a.equals(b);
    }
}
