package io.teaflow.runtime;

import java.util.List;

/**
 * What one node of a running network is doing, for tools that watch a network (the inspector, the
 * FBP protocol runtime): a copy taken by {@link Network#nodeStats()}, not a live view.
 */
public final class NodeStats {
    // Where a node's behaviour comes from. Strings rather than an enum: every class costs bytes
    // in the WebAssembly build, and these are only compared and shown.
    /** A built-in or library component (Java compiled in). */
    public static final String BUILT_IN = "java";
    /** A component registered with {@link Network#registerActor} (in the browser: a JS actor). */
    public static final String REGISTERED = "js";
    /** A registered graph: its processes are nodes of their own, named {@code id/process}. */
    public static final String GRAPH = "graph";

    /** The node's id ({@code a/x} for process {@code x} of subgraph node {@code a}). */
    public final String id;
    /** The name of the component (or registered graph) the node is made of. */
    public final String component;
    /** {@link #BUILT_IN}, {@link #REGISTERED} or {@link #GRAPH}. */
    public final String kind;
    /** The subgraph node this node was made for, or null for a node the user added. */
    public final String parent;
    /** The inport names (not to be modified). */
    public final List<String> inports;
    /** The outport names (not to be modified). */
    public final List<String> outports;
    /** Runs started so far (0 for a graph node, which never runs itself). */
    public final int runs;
    /** Packets waiting on the node's inports. */
    public final int queued;
    /** A run is in progress or its asynchronous completion is pending. */
    public final boolean running;

    NodeStats(String id, String component, String kind, String parent, List<String> inports, List<String> outports,
            int runs, int queued, boolean running) {
        this.id = id;
        this.component = component;
        this.kind = kind;
        this.parent = parent;
        this.inports = inports;
        this.outports = outports;
        this.runs = runs;
        this.queued = queued;
        this.running = running;
    }
}
