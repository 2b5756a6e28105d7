package io.teaflow.graph;

/**
 * A port of the graph seen from outside ({@code "inports"} / {@code "outports"} in FBP JSON): its
 * public name and the process port it stands for, plus metadata kept as the very object given
 * (null when absent). Immutable, apart from whatever the metadata object is.
 */
public final class ExportedPort {
    private final String name;
    private final String process;
    private final String port;
    private final Object metadata;

    public ExportedPort(String name, String process, String port, Object metadata) {
        this.name = name;
        this.process = process;
        this.port = port;
        this.metadata = metadata;
    }

    /** The public name, exactly as given (the key in {@code inports}/{@code outports}). */
    public String name() {
        return name;
    }

    /** The id of the process whose port this is. */
    public String process() {
        return process;
    }

    /** The port of that process, exactly as given. */
    public String port() {
        return port;
    }

    /** The metadata exactly as given (the same instance), or null when there is none. */
    public Object metadata() {
        return metadata;
    }

    @Override
    public String toString() {
        return name + " = " + process + "." + port;
    }
}
