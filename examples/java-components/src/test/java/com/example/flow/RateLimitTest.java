package com.example.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.teaflow.runtime.Network;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** flow/RateLimit on the JVM. */
class RateLimitTest {
    private Network net;
    private Probe passed;
    private Probe dropped;
    private List<String> errors;

    @BeforeEach
    void network() {
        net = new Network();
        passed = Probe.in(net, "test/Passed");
        dropped = Probe.in(net, "test/Dropped");
        net.addNode("limit", "flow/RateLimit", null)
                .addNode("passed", "test/Passed", null)
                .addNode("dropped", "test/Dropped", null)
                .addConnection("limit", "out", "passed", "in")
                .addConnection("limit", "dropped", "dropped", "in")
                .addInitial("limit", "limit", 2);
        errors = Probe.errors(net);
        net.start();
    }

    @Test
    void passesAtMostLimitPacketsPerWindowAndCountsTheDropped() {
        for (int i = 1; i <= 5; i++) {
            net.send("limit", "in", (double) i);
        }
        net.send("limit", "tick", true);
        net.send("limit", "in", 6.0);
        assertEquals(List.of(1.0, 2.0, 6.0), passed.packets);
        assertEquals(List.of(3.0, 4.0, 5.0), dropped.packets);
        assertEquals(3.0, net.state("limit").get("dropped"));
        assertEquals(1.0, net.state("limit").get("passed"), "in the window the tick opened");
        assertEquals(1.0, net.state("limit").get("windows"));
        assertEquals(List.of(), errors);
    }

    @Test
    void packetsLeaveAsTheVeryObjectsThatCameIn() {
        Object packet = new Object();
        net.send("limit", "in", packet);
        assertSame(packet, passed.packets.get(0));
    }

    @Test
    void aLimitWrittenToStateIsUsedOnTheNextPacket() {
        net.state("limit").setNumber("limit", 1);
        net.send("limit", "in", "a");
        net.send("limit", "in", "b");
        assertEquals(List.of("a"), passed.packets);
        assertEquals(List.of("b"), dropped.packets);
    }

    @Test
    void aBadLimitIsAnErrorAndTheOldOneStays() {
        net.send("limit", "limit", -1);
        net.send("limit", "limit", "many");
        assertEquals(List.of("limit: flow/RateLimit: limit must be a whole number from 1 to 1000000, got -1",
                "limit: flow/RateLimit: port 'limit' takes numbers, got the string \"many\""), errors);
        assertEquals(2.0, net.state("limit").get("limit"));
    }
}
