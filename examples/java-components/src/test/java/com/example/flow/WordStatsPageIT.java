package com.example.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Page;
import io.teaflow.testing.TeaflowNetwork;
import io.teaflow.testing.TeaflowPage;
import io.teaflow.testing.TeaflowPageTest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The page src/main/webapp/index.html with this project's bundle (target/teaflow, where the page
 * is copied too), in Chromium, once per backend. Expected values are computed here on the JVM
 * with the same Java code the bundle compiled, so the browser must agree with the JVM.
 */
class WordStatsPageIT {
    /** No timer ticks in tests: a window changes only when a test sends a tick. */
    private static final String PAGE = "index.html?tick=0";
    private static final String NETWORK = "window.app.ready.then(app => app.net)";
    private static final String TEXT = "Flow-based programming defines applications as networks of black-box processes,"
            + " which exchange data across predefined connections.";
    private static final String POEM = "So much depends upon a red wheel barrow glazed with rain water beside the white chickens";

    @TeaflowPageTest
    void listsTheJavaComponentsAndRefusesJsActorsOfTheirNames(TeaflowPage page) {
        page.open(PAGE);
        List<?> components = (List<?>) page.evaluate("async () => (await window.app.ready).tf.components()");
        assertTrue(components.containsAll(List.of("core/Counter", "text/Tokenize", "stats/MovingAverage", "flow/RateLimit")),
                components.toString());
        Object refused = page.evaluate("async () => { const { tf } = await window.app.ready;"
                + " try { new tf.Network().registerActor('text/Tokenize', class { run() {} }); return 'registered'; }"
                + " catch (e) { return e.message; } }");
        assertTrue(String.valueOf(refused).contains("text/Tokenize"), "registerActor of a Java component's name: " + refused);
        page.assertNoPageErrors();
    }

    @TeaflowPageTest
    void wiresTheJavaComponentsWithJsActors(TeaflowPage page) {
        TeaflowNetwork net = open(page);
        // At start the page sent its text: 15 words, the limit (8 per window) let the first 8 through.
        List<String> words = Tokenize.words(TEXT.toLowerCase(java.util.Locale.ROOT));
        assertEquals(15, words.size());
        assertEquals(15.0, net.state("tok", "tokens"));
        assertEquals(8.0, net.state("limit", "passed"));
        assertEquals(7.0, net.state("limit", "dropped"));
        assertEquals(words.subList(0, 8), page.evaluate("() => [...document.querySelectorAll('#feed .chip')].map(c => c.textContent)"),
                "the JS WordFeed actor shows the words RateLimit passed");
        assertEquals(8.0, net.state("feed", "shown"));
        List<Double> averages = movingAverages(lengths(words.subList(0, 8)), 5);
        assertEquals(averages, net.state("plot", "points"), "the JS Plot actor got MovingAverage's averages");
        assertEquals(lengths(words.subList(3, 8)), net.state("avg", "window"));

        net.send("limit", "tick", 1);
        net.send("tok", "in", "One more window");
        net.idle();
        assertEquals(1.0, net.state("limit", "windows"));
        assertEquals(3.0, net.state("limit", "passed"));
        assertEquals(List.of("one", "more", "window"), lastData(net, "feed", 3));
        assertEquals(List.of(15.0, 3.0), net.state("log", "counts"), "the JS TextLog actor got Tokenize's count per text");
        assertEquals("15 · 3", page.evaluate("() => document.getElementById('counts').textContent"));
        net.assertNoErrors();
        screenshot(page, "word-stats");
        page.assertNoPageErrors();
    }

    @TeaflowPageTest
    void loadsAGraphThatUsesThem(TeaflowPage page) {
        page.open(PAGE);
        String graph = "window.app.ready.then(app => app.graph)";
        TeaflowNetwork net = page.network(graph);
        List<String> words = Tokenize.words(POEM.toLowerCase(java.util.Locale.ROOT));
        assertEquals(movingAverages(lengths(words), 4), net.state("averages", "items"),
                "core/Collect's items: the averages stats/MovingAverage sent, window 4 from the graph's initial packet");
        assertEquals(4.0, net.state("avg", "size"));
        assertEquals((double) words.size(), net.state("tok", "tokens"));
        assertEquals(List.of("tok", "length", "avg", "averages"),
                page.evaluate("async () => Object.keys((await window.app.ready).graph.toJSON().processes)"));
        page.assertNoPageErrors();
    }

    @TeaflowPageTest
    void sharesStateBothWays(TeaflowPage page) {
        TeaflowNetwork net = open(page);
        // Java writes, the page sees: net.state() and the page's own subscription that fills the table.
        net.send("tok", "in", "Extraordinarily short");
        net.idle();
        assertEquals(17.0, net.state("tok", "tokens"));
        assertEquals("extraordinarily", net.state("tok", "longest"));
        assertEquals("17", page.evaluate("() => document.querySelector('[data-state=\"tok.tokens\"]').textContent"));
        assertEquals("extraordinarily", page.evaluate("() => document.querySelector('[data-state=\"tok.longest\"]').textContent"));

        // The page writes, Java reads it on its next packet: by net.state(...).set ...
        net.setState("avg", "size", 2);
        net.setState("tok", "lowercase", false);
        net.send("limit", "tick", 1);
        net.send("tok", "in", "aa BBBB");
        net.idle();
        assertEquals(List.of(2.0, 4.0), net.state("avg", "window"));
        assertEquals(3.0, net.state("avg", "average"));
        assertEquals(List.of("aa", "BBBB"), lastData(net, "feed", 2), "Tokenize read lowercase = false");

        // ... and through the page's own input, whose change handler writes state.
        page.playwright().locator("#limit").fill("1");
        page.playwright().locator("#limit").dispatchEvent("change");
        assertEquals(1.0, net.state("limit", "limit"));
        net.send("limit", "tick", 2);
        net.send("tok", "in", "first second third");
        net.idle();
        assertEquals(List.of("first"), lastData(net, "feed", 1));
        assertEquals(1.0, net.state("limit", "passed"));
        net.assertNoErrors();
        page.assertNoPageErrors();
    }

    @TeaflowPageTest
    void objectsPassThroughJavaAsTheSameObjects(TeaflowPage page) {
        page.open(PAGE);
        Object same = page.evaluate("async () => {"
                + "  const { tf } = await window.app.ready;"
                + "  const seen = [];"
                + "  const net = new tf.Network()"
                + "    .registerActor('Sink', class { inports = ['in']; run(c) { seen.push(c.input.in); } })"
                + "    .addNode('limit', 'flow/RateLimit').addNode('sink', 'Sink').addNode('spill', 'Sink')"
                + "    .addConnection('limit', 'out', 'sink', 'in').addConnection('limit', 'dropped', 'spill', 'in');"
                + "  net.state('limit').set('limit', 2);"
                + "  await net.start();"
                + "  const sent = [{ id: 1, nested: { deep: [1, 2] } }, [3, 4], () => 5, new Map()];"
                + "  sent.forEach(packet => net.send('limit', 'in', packet));"
                + "  await net.idle();"
                + "  return { count: seen.length, same: sent.map((packet, i) => seen[i] === packet) };"
                + "}");
        assertEquals(Map.of("count", 4.0, "same", List.of(true, true, true, true)), same,
                "an object, an array, a function and a Map, passed (2) and dropped (2), each arrives as the identical value");
        page.assertNoPageErrors();
    }

    @TeaflowPageTest
    void aJavaThrowIsAnErrorEventNamingTheNodeAndTheNetworkGoesOn(TeaflowPage page) {
        TeaflowNetwork net = open(page);
        net.send("tok", "in", 42);
        net.send("avg", "in", "not a number");
        net.send("limit", "tick", 1);
        net.send("tok", "in", "still going");
        net.idle();
        List<TeaflowNetwork.ErrorEvent> errors = net.errors();
        assertEquals(List.of("tok", "avg"), errors.stream().map(TeaflowNetwork.ErrorEvent::node).toList(), errors.toString());
        assertTrue(errors.get(0).message().contains("text/Tokenize: port 'in' takes text (a string), got the number 42"),
                errors.get(0).message());
        assertTrue(errors.get(1).message().contains("stats/MovingAverage: port 'in' takes numbers, got the string \"not a number\""),
                errors.get(1).message());
        assertEquals(17.0, net.state("tok", "tokens"), "the network went on");
        assertEquals(List.of("still", "going"), lastData(net, "feed", 2));
        // The page shows them too, from its own 'error' listener.
        page.playwright().click("#send-bad");
        net.idle();
        assertEquals(3, net.errors().size());
        assertEquals(3.0, page.evaluate("() => document.querySelectorAll('#errors li:not(.none)').length"));
        screenshot(page, "word-stats-errors");
        page.assertNoPageErrors();
    }

    private static TeaflowNetwork open(TeaflowPage page) {
        page.open(PAGE);
        return page.network(NETWORK);
    }

    /** The last {@code count} packets the JS node {@code node} got, oldest first. */
    private static List<Object> lastData(TeaflowNetwork net, String node, int count) {
        List<Object> values = net.data().stream().filter(event -> event.node().equals(node))
                .map(TeaflowNetwork.DataEvent::value).toList();
        return values.subList(Math.max(0, values.size() - count), values.size());
    }

    private static List<Double> lengths(List<String> words) {
        return words.stream().map(word -> (double) word.codePointCount(0, word.length())).toList();
    }

    private static List<Double> movingAverages(List<Double> values, int size) {
        List<Double> averages = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            List<Double> window = values.subList(Math.max(0, i - size + 1), i + 1);
            averages.add(window.stream().mapToDouble(Double::doubleValue).sum() / window.size());
        }
        return averages;
    }

    private static void screenshot(TeaflowPage page, String name) {
        Path directory = Path.of(System.getProperty("screenshots", "target/screenshots"));
        page.playwright().screenshot(new Page.ScreenshotOptions().setFullPage(true)
                .setPath(directory.resolve(name + "-" + page.backend() + ".png")));
    }
}
