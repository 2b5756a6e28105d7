package io.teaflow.graph;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A named group of processes (for editors; it has no effect on running), with metadata kept as
 * the very object given (null when absent). Immutable: the node list is copied.
 */
public record GraphGroup(String name, List<String> nodes, Object metadata) {
    /** Keeps its own unmodifiable copy of {@code nodes} (none for null). */
    public GraphGroup {
        nodes = Collections.unmodifiableList(new ArrayList<>(nodes == null ? new ArrayList<>() : nodes));
    }

    @Override
    public String toString() {
        return "group '" + name + "' " + nodes;
    }
}
