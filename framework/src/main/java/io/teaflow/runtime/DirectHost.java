package io.teaflow.runtime;

import io.teaflow.runtime.spi.Host;
import io.teaflow.runtime.spi.StateStorage;
import java.util.ArrayDeque;

/**
 * The JVM host: deferred and scheduled tasks run on the calling thread at once, or as soon as the
 * task running returns (a trampoline, so slices never nest on the stack); logs go to stderr.
 * So on the JVM, {@code send} has run everything it caused by the time it returns.
 */
final class DirectHost implements Host {
    private final ArrayDeque<Runnable> tasks = new ArrayDeque<>();
    private boolean running;

    @Override
    public StateStorage newStateStorage(String node) {
        return new MapStateStorage();
    }

    @Override
    public void defer(Runnable task) {
        schedule(task);
    }

    @Override
    public void schedule(Runnable task) {
        tasks.add(task);
        if (running) {
            return;
        }
        running = true;
        try {
            Runnable next;
            while ((next = tasks.poll()) != null) {
                next.run();
            }
        } finally {
            running = false;
        }
    }

    @Override
    public void log(String message, Object error) {
        System.err.println("teaflow: " + message);
        if (error instanceof Throwable) {
            ((Throwable) error).printStackTrace();
        }
    }
}
