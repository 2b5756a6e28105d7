package com.example.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.teaflow.runtime.Network;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** stats/MovingAverage on the JVM. */
class MovingAverageTest {
    private Network net;
    private Probe averages;
    private List<String> errors;

    @BeforeEach
    void network() {
        net = new Network();
        averages = Probe.in(net, "test/Averages");
        net.addNode("avg", "stats/MovingAverage", null)
                .addNode("out", "test/Averages", null)
                .addConnection("avg", "out", "out", "in")
                .addInitial("avg", "size", 3);
        errors = Probe.errors(net);
        net.start();
    }

    @Test
    void averagesTheLastSizeNumbersAndKeepsTheWindowInState() {
        for (double value : new double[] {3, 6, 9, 12}) {
            net.send("avg", "in", value);
        }
        assertEquals(List.of(3.0, 4.5, 6.0, 9.0), averages.packets);
        assertEquals(3.0, net.state("avg").get("size"), "from the initial packet");
        assertEquals(List.of(6.0, 9.0, 12.0), net.state("avg").get("window"));
        assertEquals(9.0, net.state("avg").get("average"));
        assertEquals(4.0, net.state("avg").get("samples"));
        assertEquals(List.of(), errors);
    }

    @Test
    void aSizeWrittenToStateIsUsedOnTheNextNumber() {
        net.send("avg", "in", 1);
        net.send("avg", "in", 2);
        net.send("avg", "in", 3);
        net.state("avg").setNumber("size", 2);
        net.send("avg", "in", 10);
        assertEquals(6.5, averages.packets.get(3));
        assertEquals(List.of(3.0, 10.0), net.state("avg").get("window"));
    }

    @Test
    void aSmallerSizeOnItsPortKeepsTheNewestNumbers() {
        net.send("avg", "in", 1);
        net.send("avg", "in", 2);
        net.send("avg", "in", 4);
        net.send("avg", "size", 1);
        assertEquals(List.of(4.0), net.state("avg").get("window"));
        assertEquals(4.0, net.state("avg").get("average"));
    }

    @Test
    void badPacketsAndSizesAreErrorsThatChangeNothing() {
        net.send("avg", "in", 5);
        net.send("avg", "in", "five");
        net.send("avg", "in", Double.NaN);
        net.send("avg", "size", 0);
        net.send("avg", "size", 2.5);
        net.send("avg", "size", 1001);
        assertEquals(3.0, net.state("avg").get("size"), "unchanged by bad sizes");
        net.state("avg").set("size", "big");
        net.send("avg", "in", 7);
        assertEquals(List.of(
                "avg: stats/MovingAverage: port 'in' takes numbers, got the string \"five\"",
                "avg: stats/MovingAverage: port 'in' takes finite numbers, got the number NaN",
                "avg: stats/MovingAverage: size must be a whole number from 1 to 1000, got 0",
                "avg: stats/MovingAverage: size must be a whole number from 1 to 1000, got 2.5",
                "avg: stats/MovingAverage: size must be a whole number from 1 to 1000, got 1001"), errors.subList(0, 5));
        assertEquals(6, errors.size(), "a size in state that is not a number fails the next number: " + errors);
        assertEquals(List.of(5.0), net.state("avg").get("window"));
        assertEquals(List.of(5.0), averages.packets);
    }
}
