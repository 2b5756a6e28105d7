package io.teaflow.e2e;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;

import java.nio.file.Paths;
import java.util.List;
import java.util.Map;

/** Debian's Chromium, headless, driven by one Playwright instance. */
final class Chromium implements AutoCloseable {
    /** Measured to work offline and headless on this project's machines (see the TeaVM facts notes). */
    static final List<String> ARGS = List.of(
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync");

    private final Playwright playwright;
    private final Browser browser;

    private Chromium(Playwright playwright, Browser browser) {
        this.playwright = playwright;
        this.browser = browser;
    }

    /** Launches the browser named by env TEAFLOW_CHROMIUM, else /usr/bin/chromium. */
    static Chromium launch() {
        String executable = System.getenv().getOrDefault("TEAFLOW_CHROMIUM", "/usr/bin/chromium");
        // Surefire sets this too; repeating it here keeps an IDE run from trying to download a browser.
        Playwright playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        try {
            Browser browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                    .setExecutablePath(Paths.get(executable))
                    .setHeadless(true)
                    .setArgs(ARGS));
            return new Chromium(playwright, browser);
        } catch (RuntimeException e) {
            playwright.close();
            throw e;
        }
    }

    /** A fresh, isolated profile: no storage, cache or module map shared with other pages. */
    BrowserContext newContext() {
        return browser.newContext();
    }

    @Override
    public void close() {
        try {
            browser.close();
        } finally {
            playwright.close();
        }
    }
}
