package com.example.flow;

import io.teaflow.runtime.AbstractActor;
import io.teaflow.runtime.ActorContext;
import io.teaflow.runtime.ActorState;
import java.util.ArrayDeque;
import java.util.List;

/**
 * {@code stats/MovingAverage}: the average of the last {@code size} numbers that reached inport
 * {@code in}, sent on {@code out} after each one.
 *
 * <p>The window size is state {@code size} (default 5), read on every number, so the page may change
 * it; a packet on inport {@code size} (an initial packet, say) sets it too. A size is a whole
 * number from 1 to 1000; a smaller window keeps the newest numbers. State also holds
 * {@code window} (the numbers averaged, oldest first: a JS array in the page), {@code average}
 * and {@code samples} (numbers seen). A packet that is not a number, or a bad size, is an error of
 * the node and changes nothing.
 */
public final class MovingAverage extends AbstractActor {
    static final String NAME = "stats/MovingAverage";
    static final int MAX_SIZE = 1000;
    static final int DEFAULT_SIZE = 5;

    /** The numbers of the window; state "window" is written from it, as Java cannot read a JS array's items. */
    private final ArrayDeque<Double> window = new ArrayDeque<>();
    private double sum;

    public MovingAverage() {
        super(List.of("in", "size"), List.of("out"));
    }

    @Override
    public void created(ActorState state) {
        state.setNumber("size", DEFAULT_SIZE);
        state.setNumber("samples", 0);
    }

    @Override
    public void run(ActorContext context) {
        ActorState state = context.state();
        if ("size".equals(context.port())) {
            int size = PacketChecks.count(PacketChecks.number(context.packet(), NAME, "size"), NAME, "size", MAX_SIZE);
            state.setNumber("size", size);
            if (trimTo(size)) {
                publish(state);
            }
            return;
        }
        double value = PacketChecks.number(context.packet(), NAME, "in");
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(NAME + ": port 'in' takes finite numbers, got " + PacketChecks.describe(value));
        }
        int size = PacketChecks.count(state.getNumber("size", DEFAULT_SIZE), NAME, "state 'size'", MAX_SIZE);
        window.addLast(value);
        sum += value;
        trimTo(size);
        state.setNumber("samples", state.getNumber("samples", 0) + 1);
        double average = publish(state);
        context.send("out", average);
    }

    /** Drops the oldest numbers beyond {@code size}; true if any went. */
    private boolean trimTo(int size) {
        boolean trimmed = false;
        while (window.size() > size) {
            sum -= window.removeFirst();
            trimmed = true;
        }
        if (trimmed) {
            // Re-adding keeps rounding errors of a long run of subtractions from piling up.
            sum = 0;
            for (double item : window) {
                sum += item;
            }
        }
        return trimmed;
    }

    private double publish(ActorState state) {
        state.remove("window");
        for (double item : window) {
            state.append("window", item);
        }
        double average = window.isEmpty() ? 0 : sum / window.size();
        state.setNumber("average", average);
        return average;
    }
}
