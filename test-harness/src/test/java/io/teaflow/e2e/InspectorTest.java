package io.teaflow.e2e;

import io.teaflow.testing.TeaflowBrowser;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

/**
 * The inspector (contract §10: its data- hooks, live numbers, state editing, escaping), the
 * {@code net.stats()} hook it reads, and the FBP protocol served over postMessage (§9), written
 * once in browser/inspector-tests.js, on every backend.
 */
class InspectorTest extends BrowserCases {
    @Override
    String page() {
        return "/test-harness/browser/inspector.html";
    }

    @TestFactory
    Stream<DynamicNode> inspector(TeaflowBrowser browser) {
        return cases(browser);
    }
}
