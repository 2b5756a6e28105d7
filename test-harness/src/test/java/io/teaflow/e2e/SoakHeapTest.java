package io.teaflow.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.microsoft.playwright.CDPSession;
import java.util.Map;
import io.teaflow.testing.TeaflowPage;
import io.teaflow.testing.TeaflowPageTest;

/**
 * Soak: packets through a 10-stage chain alternating JS actors and the Java core/Repeat, every
 * packet checked in order, and the heap (after forced GC, through the DevTools protocol) flat
 * once drained. 10^5 packets each run; the long soak is
 * {@code mvn -B -pl test-harness test -Dtest=SoakHeapTest -Dteaflow.soak.packets=1000000}.
 */
class SoakHeapTest {
    private static final int PACKETS = Integer.getInteger("teaflow.soak.packets", 100_000);
    /** Growth allowed after the drain: 5 %, plus a little for the JIT's own bookkeeping. */
    private static final double GROWTH = 0.05;
    private static final double SLACK_BYTES = 64 * 1024;

    @TeaflowPageTest
    void heapIsFlatOnceDrained(TeaflowPage page) {
        String backend = page.backend();
        page.open("test-harness/browser/contract.html");
        CDPSession cdp = page.playwright().context().newCDPSession(page.playwright());
        page.evaluate("async ([backend, packets]) => {"
                + "  const tf = await Teaflow.init({ backend });"
                + "  class Stage { inports = ['in']; outports = ['out']; run(c) { c.send({ out: c.input.in }); } }"
                + "  window.__soak = async () => {"
                + "    let next = 0, errors = 0, done;"
                + "    const finished = new Promise(r => done = r);"
                + "    class Sink { inports = ['in']; run(c) { if (c.input.in.n !== next) errors++; next++;"
                + "      if (next === packets) done(); } }"
                + "    const net = new tf.Network().registerActor('Stage', Stage).registerActor('Sink', Sink);"
                + "    for (let i = 0; i < 10; i++) net.addNode('s' + i, i % 2 ? 'core/Repeat' : 'Stage');"
                + "    net.addNode('sink', 'Sink');"
                + "    for (let i = 1; i < 10; i++) net.addConnection('s' + (i - 1), 'out', 's' + i, 'in');"
                + "    net.addConnection('s9', 'out', 'sink', 'in');"
                + "    await net.start();"
                + "    for (let p = 0; p < packets; p++) net.send('s0', 'in', { n: p });"
                + "    await finished; await net.idle(); await net.stop();"
                + "    return { arrived: next, errors };"
                + "  };"
                + "}", java.util.List.of(backend, PACKETS));
        // A first, short round warms up the code so the measured round compares like with like.
        runSoak(page);
        double before = heapUsed(cdp);
        Map<?, ?> result = runSoak(page);
        double after = heapUsed(cdp);
        assertEquals(PACKETS, ((Number) result.get("arrived")).intValue(), "packets that arrived");
        assertEquals(0, ((Number) result.get("errors")).intValue(), "packets out of order");
        assertTrue(after <= before * (1 + GROWTH) + SLACK_BYTES, String.format(
                "[%s] heap after the drain %.0f bytes vs %.0f before: more than %.0f %% growth", backend, after,
                before, GROWTH * 100));
        System.out.printf("[%s] soak of %d packets: heap before %.0f, after %.0f bytes (%+.2f %%)%n", backend,
                PACKETS, before, after, (after - before) * 100 / before);
        page.assertNoPageErrors();
    }

    private static Map<?, ?> runSoak(TeaflowPage page) {
        return (Map<?, ?>) page.evaluate("() => window.__soak()");
    }

    private static double heapUsed(CDPSession cdp) {
        cdp.send("HeapProfiler.collectGarbage");
        cdp.send("HeapProfiler.collectGarbage");
        JsonObject usage = cdp.send("Runtime.getHeapUsage");
        return usage.get("usedSize").getAsDouble();
    }
}
