package io.teaflow.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SnapshotTest {
    private final Network net = new Network().addNode("c", "core/Counter", null).addNode("k", "core/Collect", null);

    @Test
    void aSnapshotIsADeepCopyAndRestoreMakesEachStateEqualToIt() {
        List<Object> items = new ArrayList<>(List.of("a", 1.0));
        net.state("k").set("items", items);
        net.state("c").setNumber("count", 3);
        Map<String, Object> snapshot = net.snapshotStates(false);
        items.add("later");
        assertEquals(Map.of("items", List.of("a", 1.0)), snapshot.get("k"), "the snapshot does not follow the live list");
        ActorState counter = net.state("c");
        counter.setNumber("count", 99);
        counter.set("extra", "added since");
        List<String> told = new ArrayList<>();
        counter.subscribe((key, now, before) -> told.add(key + "=" + now));
        net.restoreStates(snapshot);
        assertSame(counter, net.state("c"), "the same state object");
        assertEquals(List.of("count"), counter.keys(), "keys added since are gone");
        assertEquals(3.0, counter.get("count"));
        assertEquals(List.of("extra=null", "count=3.0"), told, "subscribers hear the restore");
        assertEquals(List.of("a", 1.0), net.state("k").get("items"));
    }

    @Test
    void valuesJsonCannotCarryAreErrorsNamingNodeAndKeyOrAreSkipped() {
        Map<String, Object> cycle = new LinkedHashMap<>();
        cycle.put("self", cycle);
        net.state("k").set("loop", cycle);
        net.state("k").set("fine", "yes");
        TeaflowException e = assertThrows(TeaflowException.class, () -> net.snapshotStates(false));
        assertTrue(e.getMessage().contains("node 'k'") && e.getMessage().contains("key 'loop'")
                && e.getMessage().contains("cycle"), e.getMessage());
        assertEquals(Map.of("fine", "yes"), net.snapshotStates(true).get("k"));
        net.state("c").set("nan", Double.NaN);
        e = assertThrows(TeaflowException.class, () -> net.snapshotStates(false));
        assertTrue(e.getMessage().contains("'nan'"), e.getMessage());
    }

    @Test
    void aBadRestoreChangesNothing() {
        net.state("c").setNumber("count", 5);
        Map<String, Object> states = new LinkedHashMap<>();
        states.put("c", Map.of("count", 1.0));
        states.put("nope", Map.of());
        TeaflowException e = assertThrows(TeaflowException.class, () -> net.restoreStates(states));
        assertTrue(e.getMessage().contains("'nope'"), e.getMessage());
        assertEquals(5.0, net.state("c").get("count"), "nothing was restored");
        states.remove("nope");
        states.put("k", Map.of("bad", new Object()));
        assertThrows(TeaflowException.class, () -> net.restoreStates(states));
        assertEquals(5.0, net.state("c").get("count"), "nothing was restored");
    }
}
