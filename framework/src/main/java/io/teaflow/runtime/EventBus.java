package io.teaflow.runtime;

import io.teaflow.runtime.spi.ForeignError;
import io.teaflow.runtime.spi.Host;
import io.teaflow.runtime.spi.ListenerList;

/**
 * The listeners of one network, by event type. Emitting is cheap to skip: the scheduler asks
 * {@link #wants} before building a data event for every packet.
 */
final class EventBus {
    private static final int ALL = NetworkEvent.Type.values().length;

    private final Host host;
    // One list per type, and one for '*' at index ALL.
    private final ListenerList<NetworkListener>[] listeners;
    // The lists a data event goes to, at hand: the scheduler asks for every packet.
    private final ListenerList<NetworkListener> dataListeners;
    private final ListenerList<NetworkListener> allListeners;

    @SuppressWarnings("unchecked")
    EventBus(Host host) {
        this.host = host;
        listeners = new ListenerList[ALL + 1];
        for (int i = 0; i <= ALL; i++) {
            listeners[i] = new ListenerList<>();
        }
        dataListeners = listeners[NetworkEvent.Type.DATA.ordinal()];
        allListeners = listeners[ALL];
    }

    /** {@code wants(DATA)}, without looking the type up: asked for every packet delivered. */
    boolean wantsData() {
        return !dataListeners.isEmpty() || !allListeners.isEmpty();
    }

    Subscription on(String type, NetworkListener listener) {
        int slot = slotOf(type);
        if (listener == null) {
            throw new TeaflowTypeException("on('" + type + "') needs a listener function, got null");
        }
        return listeners[slot].add(listener);
    }

    boolean wants(NetworkEvent.Type type) {
        return !listeners[type.ordinal()].isEmpty() || !listeners[ALL].isEmpty();
    }

    void emit(NetworkEvent event) {
        boolean told = deliver(listeners[event.type.ordinal()], event);
        told |= deliver(listeners[ALL], event);
        if (!told && event.type == NetworkEvent.Type.ERROR) {
            // An error nobody listens to must still be seen somewhere.
            host.log("unhandled error in node '" + event.node + "': " + event.message, event.error);
        }
    }

    private boolean deliver(ListenerList<NetworkListener> list, NetworkEvent event) {
        Object[] targets = list.snapshot();
        for (Object listener : targets) {
            try {
                ((NetworkListener) listener).on(event);
            } catch (RuntimeException e) {
                // A faulty listener must not stop the network nor the other listeners.
                host.log("a '" + event.type.jsName() + "' listener failed: " + e.getMessage(), ForeignError.unwrap(e));
            }
        }
        return targets.length != 0;
    }

    private static int slotOf(String type) {
        if ("*".equals(type)) {
            return ALL;
        }
        for (NetworkEvent.Type t : NetworkEvent.Type.values()) {
            if (t.jsName().equals(type)) {
                return t.ordinal();
            }
        }
        throw new TeaflowException("unknown event type '" + type + "': expected start, stop, idle, error, data or *");
    }
}
