package io.teaflow.e2e;

import io.teaflow.testing.TeaflowBrowser;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

/**
 * Hostile page values (throwing and revoked Proxies, throwing getters) at every place a value
 * enters the runtime, written once in browser/hostile-tests.js, on every backend.
 */
class HostileValuesTest extends BrowserCases {
    @Override
    String page() {
        return "/test-harness/browser/hostile.html";
    }

    @TestFactory
    Stream<DynamicNode> hostileValues(TeaflowBrowser browser) {
        return cases(browser);
    }
}
