package io.teaflow.runtime;

import static io.teaflow.runtime.TestActors.actor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The network's list of wires (kept in the connections themselves) and its check for a repeated
 * wire (a scan of the shorter of the sender's outport and the receiver's inport, either way round).
 */
class WireListTest {
    private final Network net = new Network()
            .registerActor("Pass", actor(List.of("in"), List.of("out", "other"), ctx -> ctx.send("out", ctx.packet())));

    private List<String> wires() {
        List<String> wires = new ArrayList<>();
        for (ConnectionStats connection : net.connectionStats()) {
            wires.add(connection.from + "." + connection.fromPort + ">" + connection.to + "." + connection.toPort);
        }
        return wires;
    }

    @Test
    void wiresStayInTheOrderMadeAcrossRemovals() {
        for (String id : List.of("a", "b", "c", "d")) {
            net.addNode(id, "Pass", null);
        }
        net.addConnection("a", "out", "b", "in").addConnection("b", "out", "c", "in")
                .addConnection("c", "out", "d", "in").addConnection("a", "other", "d", "in");
        net.removeConnection("b", "out", "c", "in");
        assertEquals(List.of("a.out>b.in", "c.out>d.in", "a.other>d.in"), wires());
        net.removeConnection("a", "out", "b", "in");
        net.removeConnection("a", "other", "d", "in");
        assertEquals(List.of("c.out>d.in"), wires(), "the first and the last removed");
        net.removeNode("d");
        assertEquals(List.of(), wires());
        net.addConnection("b", "out", "c", "in");
        assertEquals(List.of("b.out>c.in"), wires(), "a list emptied takes wires again");
    }

    @Test
    void aRepeatedWireIsFoundFromEitherSide() {
        // A wide fan-out (the inport's side is shorter) and a wide fan-in (the outport's side is).
        net.addNode("hub", "Pass", null).addNode("sink", "Pass", null);
        for (int i = 0; i < 20; i++) {
            net.addNode("n" + i, "Pass", null).addConnection("hub", "out", "n" + i, "in")
                    .addConnection("n" + i, "out", "sink", "in");
        }
        for (int i = 0; i < 20; i += 7) {
            int n = i;
            assertTrue(assertThrows(TeaflowException.class, () -> net.addConnection("hub", "out", "n" + n, "in"))
                    .getMessage().contains("already exists"));
            assertTrue(assertThrows(TeaflowException.class, () -> net.addConnection("n" + n, "out", "sink", "in"))
                    .getMessage().contains("already exists"));
        }
        net.addConnection("hub", "other", "n3", "in").addConnection("n3", "other", "sink", "in");
        assertEquals(42, net.connectionStats().size(), "another outport to the same inport is another wire");
        net.removeConnection("n3", "out", "sink", "in");
        net.addConnection("n3", "out", "sink", "in");
        assertEquals("n3.out>sink.in", wires().get(wires().size() - 1), "a removed wire may be made again, last");
    }
}
