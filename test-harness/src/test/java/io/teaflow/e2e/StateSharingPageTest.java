package io.teaflow.e2e;

import com.microsoft.playwright.Page;
import io.teaflow.testing.TeaflowPage;
import io.teaflow.testing.TeaflowPageTest;
import java.time.Duration;

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
    private static final Duration DONE_TIMEOUT = Duration.ofSeconds(20);

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

    @TeaflowPageTest
    void everyCheckOnThePagePasses(TeaflowPage page) {
        RepoRoot.requireFile("state_sharing_test.html");
        RepoRoot.requireFile("dist/teaflow.js");
        String backend = page.backend();
        page.open("state_sharing_test.html");
        AssertionError notDone = waitUntilDone(page);
        page.playwright().screenshot(new Page.ScreenshotOptions().setFullPage(true).setPath(screenshot(backend)));
        Map<?, ?> summary = (Map<?, ?>) page.evaluate(SUMMARY);
        String title = "[" + backend + "] state_sharing_test.html";
        if (notDone != null) {
            fail(title + ": " + notDone.getMessage() + "; results so far: " + summary);
        }
        int passed = ((Number) summary.get("passed")).intValue();
        int failed = ((Number) summary.get("failed")).intValue();
        List<?> failedChecks = (List<?>) summary.get("failedChecks");
        if (failed != 0 || !failedChecks.isEmpty()) {
            fail(title + ": " + failed + " check(s) failed, " + passed + " passed:\n  " + String.join("\n  ",
                    failedChecks.stream().map(String::valueOf).toList()) + "\npage problems: " + page.pageErrors());
        }
        if (passed <= 0) {
            fail(title + ": no check passed (passed = " + passed + ")");
        }
        page.assertNoPageErrors();
    }

    /** Null once the page says it is done, else why not. */
    private static AssertionError waitUntilDone(TeaflowPage page) {
        try {
            page.waitFor("() => Boolean(window.__results && window.__results.done)", DONE_TIMEOUT);
            return null;
        } catch (AssertionError e) {
            return e;
        }
    }

    private static Path screenshot(String backend) {
        String directory = System.getProperty("teaflow.screenshots");
        Path screenshots = directory != null ? Paths.get(directory) : RepoRoot.resolve("test-harness/target/screenshots");
        return screenshots.resolve("state_sharing_" + backend + ".png");
    }
}
