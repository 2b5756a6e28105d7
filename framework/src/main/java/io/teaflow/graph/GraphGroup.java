package io.teaflow.graph;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A named group of processes (for editors; it has no effect on running), with metadata kept as
 * the very object given (null when absent). Immutable: the node list is copied.
 */
public final class GraphGroup {
    private final String name;
    private final List<String> nodes;
    private final Object metadata;

    public GraphGroup(String name, List<String> nodes, Object metadata) {
        this.name = name;
        this.nodes = Collections.unmodifiableList(new ArrayList<>(nodes == null ? new ArrayList<>() : nodes));
        this.metadata = metadata;
    }

    /** The group's name (names need not be unique). */
    public String name() {
        return name;
    }

    /** The ids of the processes in the group, in the given order (unmodifiable). */
    public List<String> nodes() {
        return nodes;
    }

    /** The metadata exactly as given (the same instance), or null when there is none. */
    public Object metadata() {
        return metadata;
    }

    @Override
    public String toString() {
        return "group '" + name + "' " + nodes;
    }
}
