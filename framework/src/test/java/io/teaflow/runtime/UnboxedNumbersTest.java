package io.teaflow.runtime;

import static io.teaflow.runtime.TestActors.actor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Numbers sent with {@link ActorContext#sendNumber} wait unboxed in the receivers' inboxes: every
 * way of reading a packet, every event and every rule of delivery must see them exactly as if a
 * {@code Double} had been sent.
 */
class UnboxedNumbersTest {

    /** A source that sends packet i as a number when i is even, as a string otherwise. */
    private static Network mixedChain(List<Object> seen, int stages) {
        Network net = new Network()
                .registerActor("Mixed", actor(List.of("in"), List.of("out"), ctx -> {
                    int count = (int) ctx.packetAsNumber();
                    for (int i = 0; i < count; i++) {
                        if (i % 2 == 0) {
                            ctx.sendNumber(0, i);
                        } else {
                            ctx.send(0, "s" + i);
                        }
                    }
                }))
                .registerActor("Pass", actor(List.of("in"), List.of("out"), ctx -> {
                    if (ctx.packetIsNumber()) {
                        ctx.sendNumber(0, ctx.packetAsNumber());
                    } else {
                        ctx.send(0, ctx.packet());
                    }
                }))
                .registerActor("Sink", actor(List.of("in"), List.of(), ctx -> seen.add(ctx.packet())));
        net.addNode("source", "Mixed", null);
        String previous = "source";
        for (int i = 0; i < stages; i++) {
            net.addNode("p" + i, "Pass", null);
            net.addConnection(previous, "out", "p" + i, "in");
            previous = "p" + i;
        }
        net.addNode("sink", "Sink", null);
        net.addConnection(previous, "out", "sink", "in");
        return net;
    }

    @Test
    void numbersAndOtherPacketsKeepTheirOrderThroughGrowingInboxes() {
        List<Object> seen = new ArrayList<>();
        Network net = mixedChain(seen, 3);
        net.start();
        net.send("source", "in", 300.0);
        List<Object> expected = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            expected.add(i % 2 == 0 ? (Object) (double) i : "s" + i);
        }
        assertEquals(expected, seen, "300 packets through inboxes that grew from 8 slots, numbers arriving as Double");
    }

    @Test
    void aNumberReadsTheSameEveryWayAndPacketGivesOneObjectPerRun() {
        List<String> log = new ArrayList<>();
        Network net = new Network()
                .registerActor("Send", actor(List.of("in"), List.of("out"), ctx -> ctx.sendNumber(0, 2.5)))
                .registerActor("Read", actor(List.of("in"), List.of(), ctx -> {
                    assertTrue(ctx.packetIsNumber());
                    assertEquals(2.5, ctx.packetAsNumber());
                    Object packet = ctx.packet();
                    assertEquals(Double.valueOf(2.5), packet);
                    assertSame(packet, ctx.packet(), "boxed once per run");
                    assertSame(packet, ctx.packet("in"));
                    assertTrue(ctx.hasPacket("in"));
                    assertEquals(2.5, Packets.asNumber(packet));
                    log.add(ctx.port() + ":" + packet);
                }));
        net.addNode("a", "Send", null);
        net.addNode("b", "Read", null);
        net.addConnection("a", "out", "b", "in");
        net.start();
        net.send("a", "in", "go");
        assertEquals(List.of("in:2.5"), log);
    }

    @Test
    void fanOutGivesEveryReceiverTheNumberAndDataEventsCarryItAsADouble() {
        List<Object> left = new ArrayList<>();
        List<Object> right = new ArrayList<>();
        List<Object> data = new ArrayList<>();
        Network net = new Network()
                .registerActor("Send", actor(List.of("in"), List.of("out"), ctx -> ctx.sendNumber(0, -0.0)))
                .registerActor("Left", actor(List.of("in"), List.of(), ctx -> left.add(ctx.packet())))
                .registerActor("Right", actor(List.of("in"), List.of(), ctx -> right.add(ctx.packetAsNumber())));
        net.addNode("a", "Send", null);
        net.addNode("l", "Left", null);
        net.addNode("r", "Right", null);
        net.addConnection("a", "out", "l", "in");
        net.addConnection("a", "out", "r", "in");
        net.on("data", event -> {
            if ("a".equals(event.fromNode)) {
                data.add(event.value);
            }
        });
        net.start();
        net.send("a", "in", "go");
        assertEquals(List.of(-0.0), left, "negative zero kept");
        assertEquals(List.of(-0.0), right);
        assertEquals(List.of(-0.0, -0.0), data, "one data event per connection, the value a Double");
    }

    @Test
    void aJoiningNodeGetsNumbersOnEveryInport() {
        List<String> log = new ArrayList<>();
        Network net = new Network()
                .registerActor("Two", actor(List.of("in"), List.of("x", "y"), ctx -> {
                    ctx.sendNumber(0, 1);
                    ctx.sendNumber(1, 2);
                }))
                .registerActor("Join", actor(List.of("x", "y"), List.of(), Map.of(), true, ctx -> {
                    assertFalse(ctx.packetIsNumber(), "a joining run has no single packet");
                    log.add(ctx.packet("x") + "+" + ctx.packet("y"));
                }));
        net.addNode("two", "Two", null);
        net.addNode("join", "Join", null);
        net.addConnection("two", "x", "join", "x");
        net.addConnection("two", "y", "join", "y");
        net.start();
        net.send("two", "in", "go");
        net.send("two", "in", "go");
        assertEquals(List.of("1.0+2.0", "1.0+2.0"), log);
    }

    @Test
    void numbersWaitingForARemovedNodeAreReportedLostAsDoubles() {
        List<Object> lost = new ArrayList<>();
        Network[] network = new Network[1];
        Network net = new Network()
                .registerActor("Send", actor(List.of("in"), List.of("out"), ctx -> {
                    ctx.sendNumber(0, 7);
                    ctx.sendNumber(0, 8);
                    network[0].removeNode("b");
                }))
                .registerActor("Keep", actor(List.of("in"), List.of(), ctx -> { }));
        net.addNode("a", "Send", null);
        net.addNode("b", "Keep", null);
        net.addConnection("a", "out", "b", "in");
        network[0] = net;
        net.on("error", event -> {
            if (event.lost != null) {
                lost.addAll(event.lost);
            }
        });
        net.start();
        net.send("a", "in", "go");
        assertEquals(List.of(7.0, 8.0), lost);
    }

    @Test
    void badUseNamesWhatWasWrongAndSendsNothing() {
        List<Object> seen = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        Network net = new Network()
                .registerActor("Bad", actor(List.of("in"), List.of("out"), ctx -> {
                    if ("index".equals(ctx.packet())) {
                        ctx.sendNumber(1, 1);
                    } else {
                        ctx.packetAsNumber();
                    }
                }))
                .registerActor("Sink", actor(List.of("in"), List.of(), ctx -> seen.add(ctx.packet())));
        net.addNode("bad", "Bad", null);
        net.addNode("sink", "Sink", null);
        net.addConnection("bad", "out", "sink", "in");
        net.on("error", event -> errors.add(event.message));
        net.start();
        net.send("bad", "in", "index");
        net.send("bad", "in", "twelve");
        assertEquals(List.of("node 'bad' (Bad) has no outport at index 1 (outports: out)",
                "expected a number, got a string \"twelve\""), errors);
        assertEquals(List.of(), seen);
    }
}
