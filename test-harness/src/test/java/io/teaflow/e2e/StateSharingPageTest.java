package io.teaflow.e2e;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.TimeoutError;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * The demo page /state_sharing_test.html runs its own checks and publishes them as
 * window.__results = {done, passed, failed, checks: [{name, ok, detail}]}; this test requires
 * them all to pass and keeps a screenshot of the page for people to look at.
 */
class StateSharingPageTest {
    private static final double DONE_TIMEOUT_MS = 20_000;

    /** Reads window.__results into plain data; the failed checks as text, since a detail may be any value. */
    private static final String SUMMARY = """
            () => {
              const results = window.__results || {};
              const checks = Array.isArray(results.checks) ? results.checks : [];
              const text = value => {
                if (typeof value === 'string') return value;
                try { return JSON.stringify(value); } catch (e) { return String(value); }
              };
              return {
                done: Boolean(results.done),
                passed: typeof results.passed === 'number' ? results.passed : checks.filter(c => c && c.ok).length,
                failed: typeof results.failed === 'number' ? results.failed : checks.filter(c => !(c && c.ok)).length,
                failedChecks: checks.filter(c => !(c && c.ok)).map(c => String(c && c.name) + ': ' + text(c && c.detail)),
              };
            }""";

    @RegisterExtension
    static final BrowserSession browser = new BrowserSession();

    @ParameterizedTest(name = "backend {0}")
    @MethodSource("io.teaflow.e2e.Backends#all")
    void everyCheckOnThePagePasses(String backend) {
        RepoRoot.requireFile("state_sharing_test.html");
        RepoRoot.requireFile("dist/teaflow.js");
        try (BrowserPage page = browser.open("/state_sharing_test.html?backend=" + backend)) {
            boolean done = waitUntilDone(page);
            page.page().screenshot(new Page.ScreenshotOptions().setFullPage(true).setPath(screenshot(backend)));
            Map<?, ?> summary = (Map<?, ?>) page.page().evaluate(SUMMARY);
            String title = "[" + backend + "] state_sharing_test.html";
            if (!done) {
                fail(title + ": window.__results.done was not true within " + (int) DONE_TIMEOUT_MS + " ms; results so far: "
                        + summary + "\npage problems: " + page.problems().describe());
            }
            int passed = ((Number) summary.get("passed")).intValue();
            int failed = ((Number) summary.get("failed")).intValue();
            List<?> failedChecks = (List<?>) summary.get("failedChecks");
            if (failed != 0 || !failedChecks.isEmpty()) {
                fail(title + ": " + failed + " check(s) failed, " + passed + " passed:\n  " + String.join("\n  ",
                        failedChecks.stream().map(String::valueOf).toList()) + "\npage problems: " + page.problems().describe());
            }
            if (passed <= 0) {
                fail(title + ": no check passed (passed = " + passed + ")");
            }
            page.problems().assertNone(title);
        }
    }

    private static boolean waitUntilDone(BrowserPage page) {
        try {
            page.page().waitForFunction("() => Boolean(window.__results && window.__results.done)", null,
                    new Page.WaitForFunctionOptions().setTimeout(DONE_TIMEOUT_MS));
            return true;
        } catch (TimeoutError e) {
            return false;
        }
    }

    private static Path screenshot(String backend) {
        String directory = System.getProperty("teaflow.screenshots");
        Path screenshots = directory != null ? Paths.get(directory) : RepoRoot.resolve("test-harness/target/screenshots");
        return screenshots.resolve("state_sharing_" + backend + ".png");
    }
}
