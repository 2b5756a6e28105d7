package io.teaflow.runtime.spi;

/** Where failures inside a node (its run, its subscribers) are reported: the network's error event. */
@FunctionalInterface
public interface ErrorSink {
    void report(String node, String message, Object error);
}
