package io.teaflow.e2e;

import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * The JS API contract, written once in browser/contract-tests.js, run as one JUnit test per
 * (backend, case). Each case gets a fresh page, so no case can leak state into another.
 */
class ContractTest {
    private static final String PAGE = "/test-harness/browser/contract.html";

    @RegisterExtension
    static final BrowserSession browser = new BrowserSession();

    @TestFactory
    Stream<DynamicNode> contract() {
        RepoRoot.requireFile("dist/teaflow.js");
        return Backends.all().stream()
                .map(backend -> DynamicContainer.dynamicContainer("backend " + backend, cases(backend)));
    }

    private Stream<DynamicNode> cases(String backend) {
        return caseNames(backend).stream()
                .map(name -> DynamicTest.dynamicTest(name, () -> runCase(backend, name)));
    }

    private List<String> caseNames(String backend) {
        try (BrowserPage page = browser.open(pageFor(backend))) {
            Object names = page.page().evaluate("() => window.__listTests()");
            if (!(names instanceof List<?> list) || list.isEmpty()) {
                throw new IllegalStateException("contract.html listed no cases (" + names + "); page problems: " + page.problems().describe());
            }
            return list.stream().map(String::valueOf).toList();
        }
    }

    private void runCase(String backend, String name) {
        try (BrowserPage page = browser.open(pageFor(backend))) {
            Map<?, ?> result = (Map<?, ?>) page.page().evaluate("name => window.__runTest(name)", name);
            String title = "[" + backend + "] " + name;
            if (!Boolean.TRUE.equals(result.get("ok"))) {
                fail(title + "\n" + result.get("message") + "\npage problems: " + page.problems().describe());
            }
            // Cases that provoke errors on purpose may see the runtime log them; all others must run clean.
            if (!Boolean.TRUE.equals(result.get("allowErrorLogs"))) {
                page.problems().assertNone(title);
            }
        }
    }

    private static String pageFor(String backend) {
        return PAGE + "?backend=" + backend;
    }
}
