package io.teaflow.probes;

import io.teaflow.runtime.AbstractActor;
import io.teaflow.runtime.ActorContext;
import io.teaflow.runtime.ActorState;
import io.teaflow.runtime.Packets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One inport {@code in}, one outport {@code out}; the node's config (a string; none means
 * {@code describe}) names what it does with each packet. Each operation is one thing a Java component does with page values.
 */
final class Probe extends AbstractActor {
    Probe() {
        super(List.of("in"), List.of("out"));
    }

    @Override
    public void run(ActorContext context) {
        // A graph's nodes have no config: there the probe describes.
        String operation = context.config() == null ? "describe" : Packets.asString(context.config());
        Object packet = context.packet();
        if (operation.startsWith("read:")) {
            context.send("out", read(packet, operation.substring("read:".length())));
            return;
        }
        switch (operation) {
            case "describe":
                context.send("out", describe(context, packet));
                break;
            case "annotate":
                annotate(packet);
                context.send("out", packet);
                break;
            case "build":
                context.send("out", javaCollections());
                break;
            case "cycle":
                Map<String, Object> loop = new LinkedHashMap<>();
                loop.put("self", loop);
                context.send("out", loop);
                break;
            case "deque-state":
                context.state().set("window", new ArrayDeque<Double>());
                break;
            case "deque-send":
                context.send("out", new ArrayDeque<Double>());
                break;
            case "live-state":
                liveState(context);
                break;
            case "typed-state":
                context.send("out", typedState(context));
                break;
            case "throw":
                throw new IllegalStateException("probe threw on " + packet);
            default:
                throw new IllegalArgumentException("probe/Do has no operation '" + operation + "'");
        }
    }

    /** What Java got: its type as the value-mapping table names it, and the packet itself. */
    private static Map<String, Object> describe(ActorContext context, Object packet) {
        Map<String, Object> description = context.newObject();
        description.put("type", packet == null ? "null" : packet instanceof Map ? "Map" : packet instanceof List ? "List"
                : packet instanceof Double ? "Double" : packet instanceof String ? "String"
                : packet instanceof Boolean ? "Boolean" : "opaque");
        if (packet instanceof Map) {
            List<Object> keys = context.newArray();
            keys.addAll(Packets.asMap(packet).keySet());
            description.put("keys", keys);
            description.put("size", Packets.asMap(packet).size());
        } else if (packet instanceof List) {
            description.put("size", Packets.asList(packet).size());
            description.put("first", Packets.asList(packet).isEmpty() ? null : Packets.asList(packet).get(0));
        }
        description.put("packet", packet);
        description.put("equalsItself", packet != null && packet.equals(packet));
        description.put("hashStable", packet == null || packet.hashCode() == packet.hashCode());
        return description;
    }

    /** Changes the page's object or array through the view. */
    private static void annotate(Object packet) {
        if (packet instanceof Map) {
            Map<String, Object> object = Packets.asMap(packet);
            object.put("seenBy", "java");
            object.put("count", object.size());
            object.remove("drop");
        } else {
            List<Object> array = Packets.asList(packet);
            array.add("java");
            array.set(0, "first");
            array.remove(1);
            array.add(0, "zero");
        }
    }

    /** Walks a dotted path of keys and indexes through Map and List views. */
    private static Object read(Object packet, String path) {
        Object at = packet;
        for (String step : path.split("\\.")) {
            at = at instanceof List ? Packets.asList(at).get(Integer.parseInt(step)) : Packets.asMap(at).get(step);
        }
        return at;
    }

    /** Plain Java collections and boxed values: copied into JS when they cross. */
    private static Map<String, Object> javaCollections() {
        Map<String, Object> object = new LinkedHashMap<>();
        object.put("int", 7);
        object.put("long", 1L << 40);
        object.put("char", 'x');
        List<Object> list = new ArrayList<>();
        list.add(1.5);
        list.add("two");
        list.add(true);
        list.add(null);
        object.put("list", list);
        object.put("nested", Map.of("deep", List.of()));
        object.put("__proto__", "an own key, not a prototype");
        return object;
    }

    /**
     * First packet: keeps a new object in state. Later packets: reads what the page put in it and
     * answers in the same object.
     */
    private static void liveState(ActorContext context) {
        ActorState state = context.state();
        Map<String, Object> live = state.getMap("live");
        if (live == null) {
            state.set("live", context.newObject());
            state.set("list", context.newArray());
            return;
        }
        live.put("javaSaw", live.get("fromPage"));
        state.getList("list").add(live.get("fromPage"));
    }

    private static Map<String, Object> typedState(ActorContext context) {
        ActorState state = context.state();
        Map<String, Object> found = context.newObject();
        found.put("name", state.getString("name", "none"));
        found.put("on", state.getBoolean("on", false));
        found.put("count", state.getNumber("count", -1));
        Map<String, Object> settings = state.getMap("settings");
        found.put("settings", settings);
        found.put("items", state.getList("items"));
        if (settings != null) {
            settings.put("touched", true);
        }
        return found;
    }
}
