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

    @Override
    public void close() {
        context.close();
    }
}
