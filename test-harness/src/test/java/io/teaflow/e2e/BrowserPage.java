package io.teaflow.e2e;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;

/** One page in its own browser context, with its problems recorded from the first request on. Closing it closes the context. */
final class BrowserPage implements AutoCloseable {
    private final BrowserContext context;
    private final Page page;
    private final PageProblems problems;

    BrowserPage(BrowserContext context) {
        this.context = context;
        this.page = context.newPage();
        this.problems = PageProblems.watch(page);
    }

    Page page() {
        return page;
    }

    PageProblems problems() {
        return problems;
    }

    /**
     * Navigates to about:blank. Playwright delivers a page's events in order, so when this returns every
     * error the old document reported, even one thrown by a timer after the test finished, is in problems().
     */
    void leave() {
        page.navigate("about:blank");
    }

    @Override
    public void close() {
        context.close();
    }
}
