package io.teaflow.runtime;

import io.teaflow.runtime.spi.ForeignError;
import io.teaflow.runtime.spi.Host;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the nodes of one network on one thread, the way the browser's event loop wants it.
 *
 * <p>Sending never runs the receiver: it appends the packet to the receiver's inbox and puts the
 * receiver on the ready queue. {@link #drain} then runs ready nodes round-robin, a few packets
 * ({@link #TURN}) per turn, in a loop; so a cycle a → b → a of any length never grows the stack, every
 * connection is FIFO, fan-out is a broadcast and fan-in interleaves in send order. A node is
 * never entered while it is running or while its asynchronous run is pending. Long bursts are cut
 * into slices handed to {@link Host#schedule}, so a page stays responsive.
 */
final class Scheduler {
    /** Runs per slice before yielding to the host. */
    static final int SLICE = 20_000;
    /** Packets per inport a ready node may take in a row before the next node's turn. */
    static final int TURN = 64;

    private final Host host;
    private final EventBus events;
    private final ArrayDeque<Node> ready = new ArrayDeque<>();
    private final List<Runnable> idleWaiters = new ArrayList<>();
    private final List<Runnable> stopWaiters = new ArrayList<>();

    private boolean started;
    private boolean draining;
    private boolean sliceScheduled;
    private boolean drainRequested;
    /** Asynchronous runs not yet completed. */
    private int pending;
    /** Work happened since the last idle event. */
    private boolean active;

    /** The host the network runs in (what makes new JS-shaped objects in the browser). */
    Host host() {
        return host;
    }

    Scheduler(Host host, EventBus events) {
        this.host = host;
        this.events = events;
    }

    boolean isStarted() {
        return started;
    }

    void start() {
        started = true;
        active = true;
        events.emit(NetworkEvent.of(NetworkEvent.Type.START));
    }

    /** Puts a packet into the connection's target inport and makes the target ready. */
    void deliver(Connection connection, Object value) {
        Node target = connection.to;
        target.accept(connection, value);
        connection.delivered++;
        active = true;
        if (events.wantsData()) {
            events.emit(NetworkEvent.data(connection, value));
        }
        makeReady(target);
    }

    /** {@link #deliver} of a number sent as a number: it waits unboxed, boxed only for a listener. */
    private void deliverNumber(Connection connection, double value) {
        Node target = connection.to;
        target.acceptNumber(connection, value);
        connection.delivered++;
        active = true;
        if (events.wantsData()) {
            events.emit(NetworkEvent.data(connection, Double.valueOf(value)));
        }
        makeReady(target);
    }

    /** Queues {@code node} to run if it could: not running, not removed, enough input. */
    void makeReady(Node node) {
        if (!node.scheduled && !node.running && !node.removed && node.hasInput()) {
            node.scheduled = true;
            ready.add(node);
        }
    }

    /** A packet left {@code port}: if that made room, the nodes sending to it may run again. */
    private void tookFrom(InPort port) {
        port.waiting--;
        if (port.capacity > 0 && port.waiting == port.capacity - 1) {
            for (Connection connection : port.incoming) {
                makeReady(connection.from);
            }
        }
    }

    /** Sends from a node's outport to everything connected to it; what became ready runs soon. */
    void send(Node from, String outport, Object value) {
        sendOn(from.outgoing(outport), value);
    }

    /** The same, with the outport by its index in the node's outports. */
    void send(Node from, int outport, Object value) {
        sendOn(from.outgoing(outport), value);
    }

    /** {@link #send(Node, int, Object)} of a number, which waits unboxed in the receivers' inboxes. */
    void sendNumber(Node from, int outport, double value) {
        for (Connection connection : from.outgoing(outport)) {
            deliverNumber(connection, value);
        }
        requestDrain();
    }

    private void sendOn(Connection[] connections, Object value) {
        for (Connection connection : connections) {
            deliver(connection, value);
        }
        requestDrain();
    }

    /**
     * Runs the ready nodes right after the current call (see {@link Host#defer}); at once nothing
     * when called from inside a run, since the running drain picks them up.
     */
    void requestDrain() {
        if (draining || drainRequested) {
            return;
        }
        drainRequested = true;
        host.defer(() -> {
            drainRequested = false;
            drain();
        });
    }

    /** Runs ready nodes until none is left, the network stops, or the slice is used up. */
    void drain() {
        if (draining) {
            return;
        }
        draining = true;
        boolean sliceUsedUp = false;
        try {
            int budget = SLICE;
            Node node;
            while (started && (node = ready.poll()) != null) {
                node.scheduled = false;
                if (node.running || node.removed || !node.hasInput() || node.isBlocked()) {
                    // A blocked node is queued again when the port it waits for drains.
                    continue;
                }
                if (budget-- == 0) {
                    node.scheduled = true;
                    ready.addFirst(node);
                    sliceUsedUp = true;
                    break;
                }
                // A few packets per turn: far less queue work per packet, still fair between nodes.
                // TURN per inport, so a node fed on several inports (a fan-in) keeps up with its
                // senders as it would if each inport had turns of its own.
                int turn = 1;
                int turnSize = TURN * Math.max(1, node.inportList().length);
                runOnce(node);
                while (!node.running && turn < turnSize && budget > 0 && started && !node.removed && node.hasInput()
                        && !node.isBlocked()) {
                    runOnce(node);
                    turn++;
                    budget--;
                }
                if (!node.running) {
                    makeReady(node);
                }
            }
        } finally {
            draining = false;
        }
        if (sliceUsedUp) {
            scheduleSlice();
        } else {
            settle();
        }
    }

    private void runOnce(Node node) {
        ActorContext context = node.context;
        if (node.joins) {
            Object[] packets = context.beginJoined();
            for (InPort port : node.inportList()) {
                packets[port.index] = port.queue.takeValue();
                tookFrom(port);
            }
        } else {
            Inbox inbox = node.inbox;
            Connection via = inbox.peekConnection();
            if (inbox.peekIsUnboxed()) {
                context.beginNumber(via, inbox.takeNumber());
            } else {
                context.begin(via, inbox.takeValue());
            }
            tookFrom(via.target());
        }
        node.running = true;
        boolean threw = false;
        try {
            node.actor.run(context);
        } catch (RuntimeException e) {
            threw = true;
            reportError(node.id, messageOf(e), ForeignError.unwrap(e));
        }
        context.end();
        if (context.continuesAsync() && !threw) {
            pending++;
        } else {
            node.running = false;
        }
    }

    /** Ends asynchronous run number {@code run} of {@code node}; a stale or repeated call does nothing. */
    void finishAsync(Node node, int run) {
        if (!node.running || node.removed || node.context.run() != run || !node.context.continuesAsync()) {
            return;
        }
        node.running = false;
        pending--;
        makeReady(node);
        drain();
    }

    /**
     * Takes {@code node} out of scheduling for good: its pending asynchronous run no longer counts,
     * its waiting packets are returned (for the caller to report), the ports it filled drain.
     */
    java.util.List<Object> retire(Node node) {
        node.removed = true;
        if (node.running && node.context.continuesAsync()) {
            pending--;
        }
        java.util.List<Object> waiting = new java.util.ArrayList<>();
        if (node.joins) {
            for (InPort port : node.inportList()) {
                waiting.addAll(port.queue.removeAll());
            }
        } else {
            waiting.addAll(node.inbox.removeAll());
        }
        for (InPort port : node.inportList()) {
            port.waiting = 0;
        }
        ready.remove(node);
        requestDrain();
        return waiting;
    }

    void reportError(String node, String message, Object error) {
        events.emit(NetworkEvent.error(node, message, error));
    }

    void whenIdle(Runnable callback) {
        if (isIdle()) {
            callback.run();
        } else {
            idleWaiters.add(callback);
        }
    }

    /** Nothing is running or pending, and nothing is queued that could run. */
    boolean isIdle() {
        return !draining && !drainRequested && pending == 0 && (ready.isEmpty() || !started);
    }

    /** Stops starting runs; {@code onStopped} runs once the pending asynchronous runs have ended. */
    void stop(Runnable onStopped) {
        if (!started) {
            onStopped.run();
            return;
        }
        started = false;
        stopWaiters.add(onStopped);
        if (!draining) {
            settle();
        }
    }

    private void scheduleSlice() {
        if (!sliceScheduled) {
            sliceScheduled = true;
            host.schedule(() -> {
                sliceScheduled = false;
                drain();
            });
        }
    }

    /** Called when a drain ends: reports idleness and finishes a stop once nothing is pending. */
    private void settle() {
        if (!isIdle()) {
            return;
        }
        if (!started && !stopWaiters.isEmpty()) {
            events.emit(NetworkEvent.of(NetworkEvent.Type.STOP));
            runAll(stopWaiters);
        }
        if (active) {
            active = false;
            events.emit(NetworkEvent.of(NetworkEvent.Type.IDLE));
        }
        runAll(idleWaiters);
    }

    private static void runAll(List<Runnable> callbacks) {
        List<Runnable> now = new ArrayList<>(callbacks);
        callbacks.clear();
        for (Runnable callback : now) {
            callback.run();
        }
    }

    private static String messageOf(RuntimeException e) {
        return e.getMessage() != null ? e.getMessage() : e.toString();
    }
}
