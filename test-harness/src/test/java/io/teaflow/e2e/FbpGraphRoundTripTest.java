package io.teaflow.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Graphs both ways between NoFlo's fbp-graph (an npm dev dependency) and Teaflow: see
 * test-harness/node/fbp-graph-round-trip.mjs, run in Node on the JS backend; one test per check.
 */
class FbpGraphRoundTripTest {

    @TestFactory
    List<DynamicTest> fbpGraphLoadsAndExportsUnchanged() throws IOException, InterruptedException {
        RepoRoot.requireFile("node_modules/fbp-graph/package.json");
        Process node = new ProcessBuilder("node", RepoRoot.resolve("test-harness/node/fbp-graph-round-trip.mjs").toString())
                .directory(RepoRoot.path().toFile()).redirectErrorStream(true).start();
        assertTrue(node.waitFor(60, TimeUnit.SECONDS), "the round-trip script did not finish in 60 s");
        String output = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, node.exitValue(), output);
        String last = output.strip().substring(output.strip().lastIndexOf('\n') + 1);
        Map<?, ?> result = (Map<?, ?>) Json.parse(last);
        List<DynamicTest> tests = new ArrayList<>();
        for (Object item : (List<?>) result.get("checks")) {
            Map<?, ?> check = (Map<?, ?>) item;
            String name = String.valueOf(check.get("name"));
            tests.add(DynamicTest.dynamicTest(name, () -> assertTrue(Boolean.TRUE.equals(check.get("ok")),
                    name + "\n" + check.get("detail"))));
        }
        assertTrue(tests.size() >= 10, "the script ran its checks: " + output);
        return tests;
    }
}
