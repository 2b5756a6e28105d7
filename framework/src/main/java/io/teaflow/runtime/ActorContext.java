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
    /** The packet is {@link #number}, not yet boxed: {@link #packet()} boxes it on first read. */
    private boolean unboxed;
    private double number;
    /** A joining run's packets, by inport index. */
    private final Object[] joined;
    private int run;
    private boolean async;

    ActorContext(Node node, Scheduler scheduler) {
        this.node = node;
        this.scheduler = scheduler;
        this.joined = node.joins ? new Object[node.inports.size()] : null;
    }

    /**
     * The id of the running node.
     *
     * @return the node id, as given to {@code addNode}; {@code sub/process} for a node made for a
     *         process of a subgraph node
     */
    public String node() {
        return node.id;
    }

    /**
     * The node's config, as given to {@code addNode}.
     *
     * @return the config object itself (not a copy); {@code null} if none was given (nodes made by
     *         {@code loadGraph} or for a subgraph's processes have none)
     */
    public Object config() {
        return node.config;
    }

    /**
     * The node's live state, the same object {@code Network.state(id)} and the page see.
     *
     * @return the state; the same object for every run
     */
    public ActorState state() {
        return node.state;
    }

    /**
     * The inport the packet arrived on.
     *
     * @return the inport's declared name; {@code null} in a joining run (see
     *         {@link Actor#awaitsAllInports()}), which has a packet on every inport
     */
    public String port() {
        return joined == null ? via.toPort : null;
    }

    /**
     * The packet that triggered this run.
     *
     * @return the packet as sent (the same object; see {@link Packets} for typed reads), which may be
     *         {@code null}; always {@code null} in a joining run: see {@link #packet(String)}
     */
    public Object packet() {
        if (unboxed) {
            packet = Double.valueOf(number);
            unboxed = false;
        }
        return packet;
    }

    /**
     * Whether this run's packet is a number, so {@link #packetAsNumber()} reads it: how a hot
     * component or adapter reads a number without the {@code Double} that {@link #packet()} makes
     * for a number sent by {@link #sendNumber}.
     *
     * @return true for any Java {@link Number} (JS numbers arrive as {@code Double}), however it was
     *         sent; false for {@code null} and in a joining run
     */
    public boolean packetIsNumber() {
        return unboxed || packet instanceof Number;
    }

    /**
     * This run's packet as a number, without boxing it ({@link Packets#asNumber} of {@link #packet()}).
     *
     * @return the packet's value as a double
     * @throws TeaflowTypeException when the packet is not a number, naming what it is
     */
    public double packetAsNumber() {
        return unboxed ? number : Packets.asNumber(packet);
    }

    /**
     * Whether this run has a packet on {@code inport}: every inport in a joining run, one otherwise.
     *
     * @param inport an inport name, compared exactly
     * @return true if this run got a packet there, {@code null} packets included
     */
    public boolean hasPacket(String inport) {
        return joined != null ? node.inports.contains(inport) : via.toPort.equals(inport);
    }

    /**
     * The packet this run got on {@code inport}: how a joining run reads its packets.
     *
     * @param inport an inport name, compared exactly
     * @return the packet, or {@code null} if it got none there (an undeclared name included); use
     *         {@link #hasPacket} to tell that from a {@code null} packet
     */
    public Object packet(String inport) {
        if (joined == null) {
            return via.toPort.equals(inport) ? packet() : null;
        }
        int index = node.inports.indexOf(inport);
        return index < 0 ? null : joined[index];
    }

    /**
     * A new empty object to fill and then send or keep in state: on the JVM a {@code LinkedHashMap},
     * in the browser a live view of a new JS object, so the page gets the very object (later puts
     * included), not a copy. A plain Java {@code Map} may be sent too; it reaches JS as a copy.
     *
     * @return a new empty object
     */
    public Map<String, Object> newObject() {
        return scheduler.host().newObject();
    }

    /**
     * A new empty array: on the JVM an {@code ArrayList}, in the browser a live view of a new JS array
     * (see {@link #newObject()}).
     *
     * @return a new empty array
     */
    public List<Object> newArray() {
        return scheduler.host().newArray();
    }

    /**
     * The inports of this node, in declaration order.
     *
     * @return the names {@link Actor#inports()} gave when the node was made (unmodifiable)
     */
    public List<String> inports() {
        return node.inports;
    }

    /**
     * The outports of this node, in declaration order: the order {@link #send(int, Object)} counts in.
     *
     * @return the names {@link Actor#outports()} gave when the node was made (unmodifiable)
     */
    public List<String> outports() {
        return node.outports;
    }

    /**
     * Sends {@code value} on {@code outport} to every connected inport. Allowed during a run and
     * afterwards (from a timer or a promise), while the node exists. An undeclared port, or a node
     * that was removed, is an error naming it, and nothing is sent.
     *
     * <p>Sent during a run, the packet is queued: its receivers run after this run returns, never
     * inside this call. An outport with no connection sends nowhere, without error.
     *
     * @param outport one of {@link #outports()}, compared exactly
     * @param value the packet: any value, {@code null} included; receivers get the same object
     * @throws TeaflowException when {@code outport} is not declared, or the node was removed from its
     *         network
     */
    public void send(String outport, Object value) {
        checkNotRemoved(outport);
        scheduler.send(node, outport, value);
    }

    /**
     * Sends on the outport at {@code outportIndex} in {@link #outports()}: what a hot component
     * or adapter uses once it has looked the index up, to skip finding the port by name.
     *
     * @param outportIndex from 0 to {@code outports().size() - 1}
     * @param value the packet: any value, {@code null} included; receivers get the same object
     * @throws IndexOutOfBoundsException when {@code outportIndex} is not an index of {@link #outports()}
     * @throws TeaflowException when the node was removed from its network
     */
    public void send(int outportIndex, Object value) {
        if (node.removed) {
            checkNotRemoved(node.outports.get(outportIndex));
        }
        scheduler.send(node, outportIndex, value);
    }

    /**
     * {@link #send(int, Object)} of a number: receivers get a {@code Double} of that value, but it
     * waits in their inboxes unboxed, so a number passed from actor to actor through
     * {@link #packetAsNumber()} and this costs no allocation per hop.
     *
     * @param outportIndex from 0 to {@code outports().size() - 1}
     * @param value the number
     * @throws IndexOutOfBoundsException when {@code outportIndex} is not an index of {@link #outports()}
     * @throws TeaflowException when the node was removed from its network
     */
    public void sendNumber(int outportIndex, double value) {
        if (node.removed) {
            checkNotRemoved(node.outports.get(outportIndex));
        }
        scheduler.sendNumber(node, outportIndex, value);
    }

    /** A removed node has no connections: a send from it would go nowhere, so it fails loudly instead. */
    private void checkNotRemoved(String outport) {
        if (node.removed) {
            throw new TeaflowException("node '" + node.id + "' was removed: its send on '" + outport
                    + "' has no receiver and was not delivered");
        }
    }

    /**
     * Checks an outport name; lets an adapter check before it sends anything.
     *
     * @param outport an outport name, compared exactly
     * @throws TeaflowException naming the node, the port and the declared outports, when
     *         {@code outport} is not one of {@link #outports()}
     */
    public void checkOutport(String outport) {
        node.outgoing(outport);
    }

    /**
     * Makes this run asynchronous: the node is not run again until the returned completion is
     * completed or failed (the JS adapter uses this for a run that returns a Promise). Call it
     * during the run, before it returns.
     *
     * @return the completion of this run; only its first call counts
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
        unboxed = false;
        async = false;
        run++;
    }

    /** {@link #begin} with a number that waited unboxed. */
    void beginNumber(Connection connection, double value) {
        via = connection;
        packet = null;
        unboxed = true;
        number = value;
        async = false;
        run++;
    }

    /** Starts a joining run; the caller fills the returned array with one packet per inport, by index. */
    Object[] beginJoined() {
        via = null;
        packet = null;
        unboxed = false;
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
        unboxed = false;
        if (joined != null) {
            java.util.Arrays.fill(joined, null);
        }
    }
}
