package io.teaflow.runtime;

import java.util.ArrayDeque;

/**
 * The JVM host: scheduled tasks run on the calling thread as soon as the outermost scheduled
 * task returns (a trampoline, so slices never nest on the stack), and logs go to stderr.
 */
public final class DirectHost implements Host {
    private final ArrayDeque<Runnable> tasks = new ArrayDeque<>();
    private boolean running;

    @Override
    public StateStorage newStateStorage(String node) {
        return new MapStateStorage();
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
