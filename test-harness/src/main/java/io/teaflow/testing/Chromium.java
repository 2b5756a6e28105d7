package io.teaflow.testing;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** An installed Chromium, headless, driven by one Playwright instance; never a browser Playwright downloads. */
final class Chromium implements AutoCloseable {
    /** Measured to work offline and headless in containers and CI machines. */
    static final List<String> ARGS = List.of(
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync");

    private final Path executable;
    private final Playwright playwright;
    private final Browser browser;

    private Chromium(Path executable, Playwright playwright, Browser browser) {
        this.executable = executable;
        this.playwright = playwright;
        this.browser = browser;
    }

    /** Launches the Chromium at {@code executable}; fails at once, saying how to install it, if there is none. */
    static Chromium launch(Path executable) {
        requireExecutable(executable);
        // Without this Playwright tries to download its own browsers (and fails offline).
        Playwright playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        try {
            Browser browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                    .setExecutablePath(executable)
                    .setHeadless(true)
                    .setArgs(ARGS));
            return new Chromium(executable, playwright, browser);
        } catch (RuntimeException e) {
            playwright.close();
            throw new IllegalStateException("could not launch Chromium at " + executable + ": " + e.getMessage(), e);
        }
    }

    static void requireExecutable(Path executable) {
        if (!Files.isRegularFile(executable) || !Files.isExecutable(executable)) {
            throw new IllegalStateException("no Chromium at " + executable + " (Teaflow page tests drive an installed"
                    + " Chromium and never download one). Install it (Debian/Ubuntu: sudo apt-get install -y chromium)"
                    + " or name yours by -D" + Settings.CHROMIUM_PROPERTY + "=/path, env " + Settings.CHROMIUM_ENV
                    + " or @TeaflowPages(chromium = \"/path\")");
        }
    }

    Path executable() {
        return executable;
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
