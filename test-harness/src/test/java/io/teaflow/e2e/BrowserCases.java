package io.teaflow.e2e;

import io.teaflow.testing.TeaflowBrowser;
import io.teaflow.testing.TeaflowPage;
import io.teaflow.testing.TeaflowPages;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * Browser cases written once in JS (a page loading runner.js, assert.js and a cases file), run
 * as one JUnit test per (backend, case). Every case runs in a freshly loaded document (its own JS
 * realm and library instance), so no case can leak state into another; the page and its context
 * are reused per backend only because a new context per case would cost about a second each.
 * A subclass names its page and has a {@code @TestFactory} taking a {@link TeaflowBrowser} and
 * returning {@link #cases}.
 */
@TeaflowPages
abstract class BrowserCases {
    /** The page that loads the cases, e.g. "test-harness/browser/contract.html". */
    abstract String page();

    /** One page per backend; @AfterEach of a @TestFactory runs after all its dynamic tests. */
    private final Map<String, TeaflowPage> pages = new HashMap<>();

    /** One container per backend, one test per case. */
    Stream<DynamicNode> cases(TeaflowBrowser browser) {
        RepoRoot.requireFile("dist/teaflow.js");
        return browser.backends().stream()
                .map(backend -> DynamicContainer.dynamicContainer("backend " + backend, cases(browser, backend)));
    }

    @AfterEach
    void closePages() {
        pages.values().forEach(TeaflowPage::close);
        pages.clear();
    }

    private Stream<DynamicNode> cases(TeaflowBrowser browser, String backend) {
        return caseNames(browser, backend).stream()
                .map(name -> DynamicTest.dynamicTest(name, () -> runCase(browser, backend, name)));
    }

    private List<String> caseNames(TeaflowBrowser browser, String backend) {
        TeaflowPage page = load(browser, backend);
        // A case file that fails to load (a 404, a syntax error) would drop its cases silently.
        List<String> errors = page.pageErrors();
        if (!errors.isEmpty()) {
            throw new IllegalStateException(page() + " reported errors while loading its cases: " + errors);
        }
        Object names = page.evaluate("() => window.__listTests()");
        if (!(names instanceof List<?> list) || list.isEmpty()) {
            throw new IllegalStateException(page() + " listed no cases (" + names + "); page errors: " + page.pageErrors());
        }
        return list.stream().map(String::valueOf).toList();
    }

    private void runCase(TeaflowBrowser browser, String backend, String name) {
        TeaflowPage page = load(browser, backend);
        Map<?, ?> result = (Map<?, ?>) page.evaluate("name => window.__runTest(name)", name);
        // Leaving the document makes late errors of this case (a timer's, after the case ended) count here.
        page.playwright().navigate("about:blank");
        String title = "[" + backend + "] " + name;
        if (!Boolean.TRUE.equals(result.get("ok"))) {
            fail(title + "\n" + result.get("message") + "\npage errors: " + page.pageErrors());
        }
        // Cases that provoke errors on purpose may see the runtime log them; all others must run clean.
        if (!Boolean.TRUE.equals(result.get("allowErrorLogs"))) {
            page.assertNoPageErrors();
        }
    }

    /** The backend's page, with {@link #page()} freshly loaded in it. */
    private TeaflowPage load(TeaflowBrowser browser, String backend) {
        TeaflowPage page = pages.computeIfAbsent(backend, browser::newPage);
        page.open(page());
        return page;
    }
}
