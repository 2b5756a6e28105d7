package io.teaflow.e2e;

import io.teaflow.testing.TeaflowBrowser;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

/**
 * Model-based differential tests (fast-check, seeded) and the regressions they found, written
 * once in browser/model-tests.js, on every backend.
 */
class ModelTest extends BrowserCases {
    @Override
    String page() {
        return "/test-harness/browser/model.html";
    }

    @TestFactory
    Stream<DynamicNode> model(TeaflowBrowser browser) {
        return cases(browser);
    }
}
