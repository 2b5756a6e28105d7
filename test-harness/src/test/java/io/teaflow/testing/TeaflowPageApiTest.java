package io.teaflow.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.PlaywrightException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.TestInfo;

/** The public API of io.teaflow.testing, on a small fixture page (browser/harness-fixture.html), on each backend. */
class TeaflowPageApiTest {
    private static final String FIXTURE = "test-harness/browser/harness-fixture.html";

    @TeaflowPageTest
    void runsOncePerBackendNamedByIt(TeaflowPage page, TestInfo test) {
        assertEquals("[" + page.backend() + "]", test.getDisplayName());
        page.open(FIXTURE);
        assertTrue(page.url().endsWith(FIXTURE + "?backend=" + page.backend()), page.url());
        assertEquals(page.backend(), page.evaluate("async () => (await window.app.loaded, window.app.tf.backend)"));
    }

    @TeaflowPageTest
    void evaluateGivesPlainJavaValues(TeaflowPage page) {
        page.open(FIXTURE);
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("b", 1.0);
        expected.put("a", Arrays.asList(2.5, "x", true, null));
        expected.put("n", null);
        assertEquals(expected, page.evaluate("() => ({ b: 1, a: [2.5, 'x', true, undefined], n: null, u: undefined })"));
        assertEquals(42.0, page.evaluate("6 * 7"), "an expression");
        assertEquals("later", page.evaluate("async () => { await new Promise(r => setTimeout(r, 10)); return 'later'; }"));
        assertEquals("done", page.evaluate("Promise.resolve('done')"), "a Promise expression is awaited");
        assertEquals(List.of(3.0, "b"), page.evaluate("([n, s]) => [n + 1, s]", List.of(2, "b")), "the argument");
        assertEquals("[function f]", page.evaluate("() => function f() {}"));
        assertEquals("10n", page.evaluate("() => 10n"));
        assertTrue(Double.isNaN((Double) page.evaluate("() => NaN")));
        assertEquals(Double.NEGATIVE_INFINITY, page.evaluate("() => -Infinity"));
        assertEquals(Map.of("self", "[circular]"), page.evaluate("() => { const o = {}; o.self = o; return o; }"));
        assertEquals(Map.of("x", 1.0), page.evaluate("() => new Map([['x', 1]])"));
        assertEquals(Map.of("name", "TypeError", "message", "no"), page.evaluate("() => new TypeError('no')"));
        Object hostile = page.evaluate("() => ({ get bad() { throw new Error('getter says no'); } })");
        assertEquals("[unreadable: getter says no]", hostile, "a throwing getter is described, not thrown");
        assertEquals("[unreadable: Cannot perform 'IsArray' on a proxy that has been revoked]",
                page.evaluate("() => { const p = Proxy.revocable({}, {}); p.revoke(); return p.proxy; }"));
        assertNull(page.evaluate("() => {}"));
    }

    @TeaflowPageTest
    void aThrowingScriptFailsTheCallWithItsMessage(TeaflowPage page) {
        page.open(FIXTURE);
        PlaywrightException thrown = assertThrows(PlaywrightException.class,
                () -> page.evaluate("() => { throw new RangeError('out of range'); }"));
        assertTrue(thrown.getMessage().contains("out of range"), thrown.getMessage());
        assertThrows(IllegalArgumentException.class, () -> page.evaluate("  ; "));
    }

    @TeaflowPageTest
    void aNetworksStateEventsAndIdle(TeaflowPage page) {
        page.open(FIXTURE);
        page.waitFor("() => window.app.ready");
        TeaflowNetwork net = page.network("window.app.loaded");
        assertEquals("window.app.loaded", net.expression());
        net.setState("count", "step", 10);
        net.send("half", "in", 8);
        net.idle();
        assertEquals(10.0, net.state("count", "count"), "core/Counter added the step the test set");
        assertEquals(Map.of("step", 10.0, "count", 10.0), net.state("count"));
        assertNull(net.state("count", "absent"));
        assertEquals(List.of(new TeaflowNetwork.DataEvent("half", "in", 8.0), new TeaflowNetwork.DataEvent("count", "in", 4.0)),
                net.data());
        net.assertNoErrors();

        net.send("half", "in", "boom");
        net.send("half", "in", 2);
        net.idle();
        assertEquals(List.of(new TeaflowNetwork.ErrorEvent("half", "Halver cannot halve boom")), net.errors());
        assertEquals(20.0, net.state("count", "count"), "the network went on after the error");
        AssertionError failed = assertThrows(AssertionError.class, net::assertNoErrors);
        assertTrue(failed.getMessage().contains("Halver cannot halve boom"), failed.getMessage());
        net.clearEvents();
        assertEquals(List.of(), net.errors());
        assertEquals(List.of(), net.data());
        page.assertNoPageErrors();
    }

    @TeaflowPageTest
    void badNetworksAndStaleHandlesFailClearly(TeaflowPage page) {
        page.open(FIXTURE);
        PlaywrightException notANetwork = assertThrows(PlaywrightException.class, () -> page.network("window.nothing"));
        assertTrue(notANetwork.getMessage().contains("window.nothing is not a Teaflow network (it is undefined)"),
                notANetwork.getMessage());
        assertThrows(IllegalArgumentException.class, () -> page.network(" "));
        TeaflowNetwork net = page.network("window.app.loaded");
        PlaywrightException unknownNode = assertThrows(PlaywrightException.class, () -> net.state("nope"));
        assertTrue(unknownNode.getMessage().contains("nope"), unknownNode.getMessage());
        page.open(FIXTURE);
        IllegalStateException stale = assertThrows(IllegalStateException.class, net::idle);
        assertTrue(stale.getMessage().contains("another document"), stale.getMessage());
    }

    @TeaflowPageTest
    void pageErrorsAreCollectedAndAsserted(TeaflowPage page) {
        page.open(FIXTURE);
        page.assertNoPageErrors();
        page.evaluate("() => { console.error('logged on purpose'); setTimeout(() => { throw new Error('thrown on purpose'); }); }");
        page.evaluate("() => new Promise(r => setTimeout(r, 50))");
        List<String> errors = page.pageErrors();
        assertEquals(2, errors.size(), errors.toString());
        assertTrue(errors.stream().anyMatch(line -> line.startsWith("console.error: logged on purpose")), errors.toString());
        assertTrue(errors.stream().anyMatch(line -> line.startsWith("uncaught: ") && line.contains("thrown on purpose")),
                errors.toString());
        AssertionError failed = assertThrows(AssertionError.class, page::assertNoPageErrors);
        assertTrue(failed.getMessage().contains("logged on purpose"), failed.getMessage());
        page.open(FIXTURE);
        assertEquals(List.of(), page.pageErrors(), "a new document starts clean");
    }

    @TeaflowPageTest
    void aMissingPageFailsAtOnceNamingIt(TeaflowPage page) {
        AssertionError missing = assertThrows(AssertionError.class, () -> page.open("test-harness/browser/no-such.html"));
        assertTrue(missing.getMessage().contains("no-such.html?backend=" + page.backend()) && missing.getMessage().contains("404"),
                missing.getMessage());
    }

    @TeaflowPageTest
    void theBackendJoinsAQueryAndKeepsTheFragment(TeaflowPage page) {
        page.open(FIXTURE + "?x=1#part");
        assertTrue(page.url().endsWith(FIXTURE + "?x=1&backend=" + page.backend() + "#part"), page.url());
        assertInstanceOf(String.class, page.serverUrl("dist/teaflow.js"));
        assertTrue(page.serverUrl("dist/teaflow.js").matches("http://127\\.0\\.0\\.1:\\d+/dist/teaflow\\.js"), page.serverUrl("x"));
    }
}
