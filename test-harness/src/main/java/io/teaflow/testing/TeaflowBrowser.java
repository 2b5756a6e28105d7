package io.teaflow.testing;

import java.nio.file.Path;
import java.util.List;

/**
 * The server and browser of a test class annotated with {@link TeaflowPages}, for tests that make
 * their own pages: dynamic tests per backend, one page reused for many documents, a page with no
 * backend. A method of such a class (test, {@code @TestFactory} or lifecycle) takes it as a
 * parameter. {@link TeaflowPageTest} methods need none of this: they get their page made.
 *
 * <pre>{@code
 * @TeaflowPages
 * class CasesTest {
 *     @TestFactory
 *     Stream<DynamicTest> cases(TeaflowBrowser browser) {
 *         return browser.backends().stream().map(backend -> DynamicTest.dynamicTest(backend, () -> {
 *             try (TeaflowPage page = browser.newPage(backend)) {
 *                 page.open("cases.html");
 *                 assertEquals(Boolean.TRUE, page.evaluate("() => window.allPassed()"));
 *             }
 *         }));
 *     }
 * }
 * }</pre>
 */
public final class TeaflowBrowser {
    private final StaticServer server;
    private final Chromium chromium;
    private final List<String> backends;

    TeaflowBrowser(StaticServer server, Chromium chromium, List<String> backends) {
        this.server = server;
        this.chromium = chromium;
        this.backends = backends;
    }

    /**
     * The backends this run tests, in order (see {@link TeaflowPages} for how to choose them).
     *
     * @return the backends' names
     */
    public List<String> backends() {
        return backends;
    }

    /**
     * The folder served.
     *
     * @return its absolute path
     */
    public Path root() {
        return server.root();
    }

    /**
     * The absolute address of a file on the server.
     *
     * @param path relative to the served folder; a query is allowed
     * @return e.g. {@code http://127.0.0.1:41234/index.html}
     */
    public String url(String path) {
        return server.url(path);
    }

    /**
     * A new page in a fresh browser context (no storage or cache shared with any other page), not yet
     * navigated. Its {@link TeaflowPage#open} adds {@code ?backend=<backend>} to each address, or
     * nothing when {@code backend} is null. Close it when done; it is not closed for you.
     *
     * @param backend {@code "js"}, {@code "wasm"} or null
     * @return the page
     */
    public TeaflowPage newPage(String backend) {
        if (backend != null && !Settings.KNOWN_BACKENDS.contains(backend)) {
            throw new IllegalArgumentException("unknown backend '" + backend + "' (known: "
                    + String.join(", ", Settings.KNOWN_BACKENDS) + ")");
        }
        return new TeaflowPage(this, chromium.newContext(), backend);
    }
}
