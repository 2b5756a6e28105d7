package io.teaflow.e2e;

import io.teaflow.testing.TeaflowBrowser;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

/**
 * Adversarial cases, written once in browser/adversarial-tests.js (prototype pollution, faults,
 * re-entrancy, a short soak), on every backend.
 */
class AdversarialTest extends BrowserCases {
    @Override
    String page() {
        return "/test-harness/browser/adversarial.html";
    }

    @TestFactory
    Stream<DynamicNode> adversarial(TeaflowBrowser browser) {
        return cases(browser);
    }
}
