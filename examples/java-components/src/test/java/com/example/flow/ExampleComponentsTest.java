package com.example.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.teaflow.runtime.ComponentLibrary;
import io.teaflow.runtime.Network;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

/** The library is found the way Teaflow finds it: by ServiceLoader, next to the built-in components. */
class ExampleComponentsTest {
    @Test
    void theServicesFileNamesTheLibrary() {
        List<String> libraries = ServiceLoader.load(ComponentLibrary.class).stream()
                .map(provider -> provider.type().getName()).filter(name -> name.startsWith("com.example.")).toList();
        assertEquals(List.of(ExampleComponents.class.getName()), libraries);
    }

    @Test
    void aNetworkHasTheComponentsBesideTheBuiltIns() {
        List<String> components = new Network().builtInComponents();
        assertTrue(components.containsAll(List.of("core/Counter", "text/Tokenize", "stats/MovingAverage", "flow/RateLimit")),
                components.toString());
    }

    @Test
    void theComponentsWorkTogether() {
        Network net = new Network();
        Probe averages = Probe.in(net, "test/Averages");
        // Word lengths, averaged: a JS actor does this mapping in the page.
        net.registerActor("test/Length", () -> new io.teaflow.runtime.AbstractActor(List.of("in"), List.of("out")) {
            @Override
            public void run(io.teaflow.runtime.ActorContext context) {
                context.send("out", (double) ((String) context.packet()).length());
            }
        });
        net.addNode("tok", "text/Tokenize", null).addNode("limit", "flow/RateLimit", null)
                .addNode("len", "test/Length", null).addNode("avg", "stats/MovingAverage", null)
                .addNode("out", "test/Averages", null)
                .addConnection("tok", "out", "limit", "in").addConnection("limit", "out", "len", "in")
                .addConnection("len", "out", "avg", "in").addConnection("avg", "out", "out", "in")
                .addInitial("avg", "size", 2);
        net.start();
        net.send("tok", "in", "a bb cccc dddddddd");
        assertEquals(List.of(1.0, 1.5, 3.0), averages.packets, "the limit (3) dropped the fourth word");
        assertEquals(1.0, net.state("limit").get("dropped"));
    }
}
