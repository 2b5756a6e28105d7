package io.teaflow.components;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.teaflow.runtime.Network;
import io.teaflow.runtime.NetworkEvent;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BuiltInComponentsTest {
    private final Network net = new Network();
    private final List<Object> out = new ArrayList<>();

    private void sink(String from) {
        net.on("data", e -> {
            if (from.equals(e.fromNode)) {
                out.add(e.value);
            }
        });
    }

    @Test
    void counterAddsTheStepFromItsSharedState() {
        net.addNode("c", "core/Counter", null).addNode("end", "core/Drop", null).addConnection("c", "out", "end", "in");
        sink("c");
        net.start();
        net.send("c", "in", "anything");
        net.state("c").setNumber("step", 5);
        net.send("c", "in", "anything");
        net.state("c").setNumber("count", 100);
        net.send("c", "in", "anything");
        assertEquals(List.of(1.0, 6.0, 105.0), out);
        assertEquals(105.0, net.state("c").get("count"));
    }

    @Test
    void counterReportsANonNumericStepAndKeepsItsCount() {
        List<NetworkEvent> errors = new ArrayList<>();
        net.addNode("c", "core/Counter", null);
        net.on("error", errors::add);
        net.start();
        net.state("c").set("step", "two");
        net.send("c", "in", 1);
        assertEquals(1, errors.size());
        assertTrue(errors.get(0).message.contains("'step'"), errors.get(0).message);
        assertEquals(false, net.state("c").has("count"));
    }

    @Test
    void accumulateSumsPacketsAndRejectsNonNumbers() {
        List<NetworkEvent> errors = new ArrayList<>();
        net.addNode("a", "core/Accumulate", null).addNode("end", "core/Drop", null)
                .addConnection("a", "out", "end", "in");
        net.on("error", errors::add);
        sink("a");
        net.start();
        net.send("a", "in", 2.5);
        net.send("a", "in", "x");
        net.send("a", "in", 4);
        assertEquals(List.of(2.5, 6.5), out);
        assertEquals(1, errors.size());
        assertTrue(errors.get(0).message.contains("'x'"), errors.get(0).message);
    }

    @Test
    void collectPushesOntoTheSameList() {
        net.addNode("r", "core/Repeat", null).addNode("c", "core/Collect", null).addNode("d", "core/Drop", null)
                .addConnection("r", "out", "c", "in").addConnection("r", "out", "d", "in");
        List<Object> mine = new ArrayList<>();
        net.state("c").set("items", mine);
        net.start();
        Object packet = new java.util.HashMap<String, Object>();
        net.send("r", "in", packet);
        net.send("r", "in", 2);
        assertSame(mine, net.state("c").get("items"));
        assertSame(packet, mine.get(0));
        assertEquals(2, mine.size());
    }
}
