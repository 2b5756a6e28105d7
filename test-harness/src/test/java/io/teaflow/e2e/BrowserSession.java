package io.teaflow.e2e;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A JUnit extension that gives a test class one static server over the repository root and one
 * Chromium for all its tests (starting a browser costs a second or two), and a fresh context per page.
 * Register it as {@code @RegisterExtension static final BrowserSession browser = new BrowserSession();}.
 */
final class BrowserSession implements BeforeAllCallback, AfterAllCallback {
    private StaticServer server;
    private Chromium chromium;

    @Override
    public void beforeAll(ExtensionContext context) {
        server = StaticServer.start(RepoRoot.path());
        chromium = Chromium.launch();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        try {
            if (chromium != null) {
                chromium.close();
            }
        } finally {
            if (server != null) {
                server.close();
            }
            chromium = null;
            server = null;
        }
    }

    /** Opens {@code pathAndQuery} (e.g. "/test-harness/browser/contract.html?backend=js") in a new context and waits for its load event. */
    BrowserPage open(String pathAndQuery) {
        BrowserPage page = new BrowserPage(chromium.newContext());
        try {
            navigate(page, pathAndQuery);
            return page;
        } catch (RuntimeException e) {
            page.close();
            throw e;
        }
    }

    /**
     * Loads {@code pathAndQuery} afresh in an open page: a new document, so a new JS realm with its own
     * library instance, but no new context (a context costs about a second, a navigation a fifth of one).
     * The page's problems start empty again.
     */
    void navigate(BrowserPage page, String pathAndQuery) {
        page.problems().clear();
        page.page().navigate(server.url(pathAndQuery));
    }
}
