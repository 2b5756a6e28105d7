package io.teaflow.runtime;

@FunctionalInterface
public interface NetworkListener {
    void on(NetworkEvent event);
}
