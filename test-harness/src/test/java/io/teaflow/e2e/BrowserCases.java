package io.teaflow.e2e;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * Browser cases written once in JS (a page loading runner.js, assert.js and a cases file), run
 * as one JUnit test per (backend, case). Every case runs in a freshly loaded document (its own JS
 * realm and library instance), so no case can leak state into another; the page and its context
 * are reused per backend only because a new context per case would cost about a second each.
 * A subclass names its page and has a {@code @TestFactory} returning {@link #cases()}.
 */
abstract class BrowserCases {
    /** The page that loads the cases, e.g. "/test-harness/browser/contract.html". */
    abstract String page();

    @RegisterExtension
    static final BrowserSession browser = new BrowserSession();

    /** One page per backend; @AfterEach of a @TestFactory runs after all its dynamic tests. */
    private final Map<String, BrowserPage> pages = new HashMap<>();

    /** One container per backend, one test per case. */
    Stream<DynamicNode> cases() {
        RepoRoot.requireFile("dist/teaflow.js");
        return Backends.all().stream()
                .map(backend -> DynamicContainer.dynamicContainer("backend " + backend, cases(backend)));
    }

    @AfterEach
    void closePages() {
        pages.values().forEach(BrowserPage::close);
        pages.clear();
    }

    private Stream<DynamicNode> cases(String backend) {
        return caseNames(backend).stream()
                .map(name -> DynamicTest.dynamicTest(name, () -> runCase(backend, name)));
    }

    private List<String> caseNames(String backend) {
        BrowserPage page = load(backend);
        // A case file that fails to load (a 404, a syntax error) would drop its cases silently.
        if (!page.problems().isEmpty()) {
            throw new IllegalStateException(page() + " reported errors while loading its cases: " + page.problems().describe());
        }
        Object names = page.page().evaluate("() => window.__listTests()");
        if (!(names instanceof List<?> list) || list.isEmpty()) {
            throw new IllegalStateException(page() + " listed no cases (" + names + "); page problems: " + page.problems().describe());
        }
        return list.stream().map(String::valueOf).toList();
    }

    private void runCase(String backend, String name) {
        BrowserPage page = load(backend);
        Map<?, ?> result = (Map<?, ?>) page.page().evaluate("name => window.__runTest(name)", name);
        page.leave(); // so late errors of this case count for this case, not for the next
        String title = "[" + backend + "] " + name;
        if (!Boolean.TRUE.equals(result.get("ok"))) {
            fail(title + "\n" + result.get("message") + "\npage problems: " + page.problems().describe());
        }
        // Cases that provoke errors on purpose may see the runtime log them; all others must run clean.
        if (!Boolean.TRUE.equals(result.get("allowErrorLogs"))) {
            page.problems().assertNone(title);
        }
    }

    /** The backend's page, with {@link #page()} freshly loaded in it. */
    private BrowserPage load(String backend) {
        String path = page() + "?backend=" + backend;
        BrowserPage page = pages.get(backend);
        if (page == null) {
            pages.put(backend, browser.open(path));
            return pages.get(backend);
        }
        browser.navigate(page, path);
        return page;
    }
}
