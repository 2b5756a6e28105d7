package io.teaflow.graph;

/**
 * A port of the graph seen from outside ({@code "inports"} / {@code "outports"} in FBP JSON): its
 * public name and the process port it stands for, plus metadata kept as the very object given
 * (null when absent). Immutable, apart from whatever the metadata object is.
 *
 * @param name the public name, unique among the graph's inports (or outports)
 * @param process the id of the process whose port it stands for
 * @param port the name of that process's port
 * @param metadata any object, kept as it is; null for none
 */
public record ExportedPort(String name, String process, String port, Object metadata) {
    @Override
    public String toString() {
        return name + " = " + process + "." + port;
    }
}
