package io.teaflow.runtime;

import java.util.List;

/**
 * What an actor sees during a run: the packet that triggered it, the node's live state and
 * config, and a way to send. There is one context per node, refilled for every run, so a run
 * costs no allocation.
 */
public final class ActorContext {
    private final Node node;
    private final Scheduler scheduler;

    private Connection via;
    private Object packet;
    private int run;
    private boolean async;

    ActorContext(Node node, Scheduler scheduler) {
        this.node = node;
        this.scheduler = scheduler;
    }

    /** The id of the running node. */
    public String node() {
        return node.id;
    }

    /** The node's config, as given to {@code addNode}. */
    public Object config() {
        return node.config;
    }

    /** The node's live state. */
    public ActorState state() {
        return node.state;
    }

    /** The inport the packet arrived on. */
    public String port() {
        return via.toPort;
    }

    /** The packet that triggered this run. */
    public Object packet() {
        return packet;
    }

    public List<String> outports() {
        return node.outports;
    }

    /**
     * Sends {@code value} on {@code outport} to every connected inport. Allowed during a run and
     * afterwards (from a timer or a promise), while the network exists. An undeclared port is an
     * error naming it, and nothing is sent.
     */
    public void send(String outport, Object value) {
        scheduler.send(node, outport, value);
    }

    /** Fails if {@code outport} is not declared, naming it; lets an adapter check before it sends anything. */
    public void checkOutport(String outport) {
        node.outgoing(outport);
    }

    /**
     * Makes this run asynchronous: the node is not run again until the returned completion is
     * completed or failed (the JS adapter uses this for a run that returns a Promise).
     */
    public Completion async() {
        async = true;
        int thisRun = run;
        return new Completion() {
            @Override
            public void complete() {
                scheduler.finishAsync(node, thisRun);
            }

            @Override
            public void fail(String message, Object error) {
                if (node.running && node.context.run == thisRun) {
                    scheduler.reportError(node.id, message, error);
                }
                scheduler.finishAsync(node, thisRun);
            }
        };
    }

    void begin(Connection connection, Object value) {
        via = connection;
        packet = value;
        async = false;
        run++;
    }

    /** Whether the run that just returned asked to continue asynchronously. */
    boolean continuesAsync() {
        return async;
    }

    /** The run counter, so a late completion of an earlier run is ignored. */
    int run() {
        return run;
    }

    /** Drops the packet reference once the run is over, so the context keeps nothing alive. */
    void end() {
        packet = null;
    }
}
