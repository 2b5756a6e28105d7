package io.teaflow.runtime;

import static io.teaflow.runtime.TestActors.actor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Packets and state as a Java component sees them on the JVM: JS objects and arrays are Maps and
 * Lists (the browser gives live views of the JS values; the browser half of these cases runs in
 * examples/java-components), typed reads fail naming what came, and a value with no JS form is
 * refused by the state, as in the browser.
 */
class JavaPacketsTest {

    @Test
    void typedReadsOfPacketsNameWhatWasExpectedAndWhatCame() {
        Map<String, Object> order = new LinkedHashMap<>(Map.of("total", 12.5, "paid", true, "id", "A-1"));
        assertSame(order, Packets.asMap(order));
        assertEquals(12.5, Packets.asNumber(order.get("total")));
        assertEquals(3.0, Packets.asNumber(3), "any Java Number counts");
        assertTrue(Packets.asBoolean(order.get("paid")));
        assertEquals("A-1", Packets.asString(order.get("id")));
        assertEquals(List.of(1.0), Packets.asList(List.of(1.0)));
        assertEquals("expected a number, got a string \"12\"",
                assertThrows(TeaflowTypeException.class, () -> Packets.asNumber("12")).getMessage());
        assertEquals("expected an object, got an array",
                assertThrows(TeaflowTypeException.class, () -> Packets.asMap(List.of())).getMessage());
        assertEquals("expected an array, got null",
                assertThrows(TeaflowTypeException.class, () -> Packets.asList(null)).getMessage());
        assertEquals("expected a string, got a number 4.0",
                assertThrows(TeaflowTypeException.class, () -> Packets.asString(4.0)).getMessage());
        assertEquals("expected a boolean, got an object",
                assertThrows(TeaflowTypeException.class, () -> Packets.asBoolean(Map.of())).getMessage());
    }

    @Test
    void typedStateReadsGiveTheFallbackWhenAbsentAndNameTheKeyOnAWrongType() {
        Network net = new Network().registerActor("Keep", actor(List.of("in"), List.of(), ctx -> { }));
        net.addNode("k", "Keep", null);
        ActorState state = net.state("k");
        assertEquals("none", state.getString("name", "none"));
        assertTrue(state.getBoolean("on", true));
        assertNull(state.getMap("settings"));
        assertNull(state.getList("items"));
        state.set("name", "ada");
        state.set("on", false);
        Map<String, Object> settings = new LinkedHashMap<>();
        state.set("settings", settings);
        state.append("items", 1.0);
        assertEquals("ada", state.getString("name", "none"));
        assertFalse(state.getBoolean("on", true));
        assertSame(settings, state.getMap("settings"), "kept by reference");
        assertEquals(List.of(1.0), state.getList("items"));
        state.getList("items").add(2.0);
        assertEquals(List.of(1.0, 2.0), state.getList("items"), "the list read is the one stored");
        assertEquals("state 'name' of node 'k' holds a string, not a number",
                assertThrows(TeaflowTypeException.class, () -> state.getNumber("name", 0)).getMessage());
        assertEquals("state 'name' of node 'k' holds a string, not an object",
                assertThrows(TeaflowTypeException.class, () -> state.getMap("name")).getMessage());
        assertEquals("state 'items' of node 'k' holds an array, not a string",
                assertThrows(TeaflowTypeException.class, () -> state.getString("items", "")).getMessage());
        assertEquals("state 'settings' of node 'k' holds an object, not a boolean",
                assertThrows(TeaflowTypeException.class, () -> state.getBoolean("settings", false)).getMessage());
        assertEquals("state 'on' of node 'k' holds a boolean, not an array",
                assertThrows(TeaflowTypeException.class, () -> state.getList("on")).getMessage());
    }

    @Test
    void aStateValueWithNoJsFormIsRefusedNamingKeyNodeAndClassAndNothingChanges() {
        Network net = new Network().registerActor("Keep", actor(List.of("in"), List.of(), ctx -> { }));
        net.addNode("k", "Keep", null);
        ActorState state = net.state("k");
        state.set("window", 1.0);
        TeaflowTypeException refused = assertThrows(TeaflowTypeException.class,
                () -> state.set("window", new ArrayDeque<Double>()));
        assertTrue(refused.getMessage().startsWith("state 'window' of node 'k': a Java value cannot go to JavaScript:"
                + " value is a java.util.ArrayDeque"), refused.getMessage());
        assertEquals(1.0, state.get("window"), "the old value is kept");
        TeaflowTypeException appended = assertThrows(TeaflowTypeException.class,
                () -> state.append("log", new StringBuilder("x")));
        assertTrue(appended.getMessage().contains("state 'log' of node 'k'"), appended.getMessage());
        assertTrue(appended.getMessage().contains("java.lang.StringBuilder"), appended.getMessage());
        assertFalse(state.has("log"), "nothing was created");
        state.set("letter", 'x');
        assertEquals('x', state.get("letter"), "a Character has a JS form (a one-letter string)");
    }

    @Test
    void aComponentReadsFieldsOfObjectPacketsAndSendsObjectsItBuiltByReference() {
        List<Object> received = new ArrayList<>();
        Network net = new Network()
                .registerActor("Split", actor(List.of("in"), List.of("out"), ctx -> {
                    Map<String, Object> line = Packets.asMap(ctx.packet());
                    List<Object> words = ctx.newArray();
                    for (String word : Packets.asString(line.get("text")).split(" ")) {
                        words.add(word);
                    }
                    Map<String, Object> out = ctx.newObject();
                    out.put("words", words);
                    out.put("count", (double) words.size());
                    ctx.send("out", out);
                    ctx.state().set("last", out);
                }))
                .registerActor("Sink", actor(List.of("in"), List.of(), ctx -> received.add(ctx.packet())));
        net.addNode("split", "Split", null).addNode("sink", "Sink", null)
                .addConnection("split", "out", "sink", "in");
        List<String> errors = new ArrayList<>();
        net.on("error", e -> errors.add(e.node + ": " + e.message));
        net.start();
        net.send("split", "in", Map.of("text", "to be or"));
        assertEquals(1, received.size());
        Map<String, Object> out = Packets.asMap(received.get(0));
        assertEquals(List.of("to", "be", "or"), out.get("words"));
        assertEquals(3.0, out.get("count"));
        assertInstanceOf(LinkedHashMap.class, out, "on the JVM a new object is a LinkedHashMap");
        assertSame(out, net.state("split").get("last"), "the object sent is the one kept: by reference");

        net.send("split", "in", "not an object");
        assertEquals(List.of("split: expected an object, got a string \"not an object\""), errors);
        net.send("split", "in", Map.of("text", "on"));
        assertEquals(2, received.size(), "the network goes on after a component's error");
    }
}
