package io.teaflow.runtime;

import java.util.List;

/**
 * What one node of a running network is doing, for tools that watch a network (the inspector, the
 * FBP protocol runtime): a copy taken by {@link Network#nodeStats()}, not a live view.
 */
public final class NodeStats {
    /** Where a node's behaviour comes from. */
    public enum Kind {
        /** A built-in or library component (Java compiled in). */
        BUILT_IN,
        /** A component registered with {@link Network#registerActor} (in the browser: a JS actor). */
        REGISTERED,
        /** A registered graph: its processes are nodes of their own, named {@code id/process}. */
        GRAPH
    }

    public final String id;
    public final String component;
    public final Kind kind;
    /** The subgraph node this node was made for, or null for a node the user added. */
    public final String parent;
    public final List<String> inports;
    public final List<String> outports;
    /** Runs started so far (0 for a graph node, which never runs itself). */
    public final int runs;
    /** Packets waiting on the node's inports. */
    public final int queued;
    /** A run is in progress or its asynchronous completion is pending. */
    public final boolean running;

    NodeStats(String id, String component, Kind kind, String parent, List<String> inports, List<String> outports,
            int runs, int queued, boolean running) {
        this.id = id;
        this.component = component;
        this.kind = kind;
        this.parent = parent;
        this.inports = List.copyOf(inports);
        this.outports = List.copyOf(outports);
        this.runs = runs;
        this.queued = queued;
        this.running = running;
    }
}
