package io.teaflow.graph;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A named group of processes (for editors; it has no effect on running), with metadata kept as
 * the very object given (null when absent). Immutable: the node list is copied.
 *
 * @param name the group's name
 * @param nodes the ids of the processes in the group
 * @param metadata any object, kept as it is; null for none
 */
public record GraphGroup(String name, List<String> nodes, Object metadata) {
    /**
     * Keeps its own unmodifiable copy of {@code nodes}.
     *
     * @param name the group's name
     * @param nodes the ids of the processes in the group; null for none
     * @param metadata any object, kept as it is; null for none
     */
    public GraphGroup {
        nodes = Collections.unmodifiableList(new ArrayList<>(nodes == null ? new ArrayList<>() : nodes));
    }

    @Override
    public String toString() {
        return "group '" + name + "' " + nodes;
    }
}
