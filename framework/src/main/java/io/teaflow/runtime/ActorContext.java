package io.teaflow.runtime;

import java.util.List;
import java.util.Map;

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
    /** A joining run's packets, by inport index. */
    private final Object[] joined;
    private int run;
    private boolean async;

    ActorContext(Node node, Scheduler scheduler) {
        this.node = node;
        this.scheduler = scheduler;
        this.joined = node.joins ? new Object[node.inports.size()] : null;
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

    /** The inport the packet arrived on; {@code null} in a joining run, which has one per inport. */
    public String port() {
        return joined == null ? via.toPort : null;
    }

    /** The packet that triggered this run ({@code null} in a joining run: see {@link #packet(String)}). */
    public Object packet() {
        return packet;
    }

    /** Whether this run has a packet on {@code inport}: every inport in a joining run, one otherwise. */
    public boolean hasPacket(String inport) {
        return joined != null ? node.inports.contains(inport) : via.toPort.equals(inport);
    }

    /** The packet this run got on {@code inport}, or {@code null} if it got none there. */
    public Object packet(String inport) {
        if (joined == null) {
            return via.toPort.equals(inport) ? packet : null;
        }
        int index = node.inports.indexOf(inport);
        return index < 0 ? null : joined[index];
    }

    /**
     * A new empty object to fill and then send or keep in state: on the JVM a {@code LinkedHashMap},
     * in the browser a live view of a new JS object, so the page gets the very object (later puts
     * included), not a copy. A plain Java {@code Map} may be sent too; it reaches JS as a copy.
     */
    public Map<String, Object> newObject() {
        return scheduler.host().newObject();
    }

    /** A new empty array: on the JVM an {@code ArrayList}, in the browser a live view of a new JS array (see {@link #newObject()}). */
    public List<Object> newArray() {
        return scheduler.host().newArray();
    }

    /** The inports of this node, in declaration order. */
    public List<String> inports() {
        return node.inports;
    }

    public List<String> outports() {
        return node.outports;
    }

    /**
     * Sends {@code value} on {@code outport} to every connected inport. Allowed during a run and
     * afterwards (from a timer or a promise), while the node exists. An undeclared port, or a node
     * that was removed, is an error naming it, and nothing is sent.
     */
    public void send(String outport, Object value) {
        checkNotRemoved(outport);
        scheduler.send(node, outport, value);
    }

    /**
     * Sends on the outport at {@code outportIndex} in {@link #outports()}: what a hot component
     * or adapter uses once it has looked the index up, to skip finding the port by name.
     */
    public void send(int outportIndex, Object value) {
        if (node.removed) {
            checkNotRemoved(node.outports.get(outportIndex));
        }
        scheduler.send(node, outportIndex, value);
    }

    /** A removed node has no connections: a send from it would go nowhere, so it fails loudly instead. */
    private void checkNotRemoved(String outport) {
        if (node.removed) {
            throw new TeaflowException("node '" + node.id + "' was removed: its send on '" + outport
                    + "' has no receiver and was not delivered");
        }
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

    /** Starts a joining run; the caller fills the returned array with one packet per inport, by index. */
    Object[] beginJoined() {
        via = null;
        packet = null;
        async = false;
        run++;
        return joined;
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
        if (joined != null) {
            java.util.Arrays.fill(joined, null);
        }
    }
}
