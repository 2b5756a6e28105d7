package io.teaflow.e2e;

import io.teaflow.testing.TeaflowPage;
import io.teaflow.testing.TeaflowPageTest;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/** The ES module build, dist/teaflow.mjs, imported by a module script with no global script on the page. */
class EsModuleTest {
    private static final Duration RESULT_TIMEOUT = Duration.ofSeconds(15);

    @TeaflowPageTest
    void moduleRunsASmallNetwork(TeaflowPage page) {
        RepoRoot.requireFile("dist/teaflow.mjs");
        page.open("test-harness/browser/esm.html");
        Map<?, ?> result = moduleResult(page);
        if (!Boolean.TRUE.equals(result.get("ok"))) {
            fail("[" + page.backend() + "] " + result.get("message") + "\npage errors: " + page.pageErrors());
        }
        page.assertNoPageErrors();
    }

    @TeaflowPageTest
    void moduleExportsTheSameNamesAsTheGlobal(TeaflowPage page) {
        RepoRoot.requireFile("dist/teaflow.mjs");
        RepoRoot.requireFile("dist/teaflow.js");
        Map<?, ?> moduleExports = (Map<?, ?>) moduleResult(page.open("test-harness/browser/esm.html")).get("exports");
        Object globalMembers = page.open("test-harness/browser/contract.html").evaluate("() => Object.keys(window.Teaflow).sort()");
        Object named = moduleExports.get("named");
        assertEquals(globalMembers, named, "the named exports of dist/teaflow.mjs vs the members of the global Teaflow");
        if (!(named instanceof List<?> names) || !names.contains("init")) {
            fail("dist/teaflow.mjs should export init; its named exports: " + named);
        }
        Object ofDefault = moduleExports.get("ofDefault");
        if (ofDefault != null) {
            assertEquals(named, ofDefault, "the members of the default export of dist/teaflow.mjs vs its named exports");
        }
    }

    /** window.__result of esm.html; fails with the page's errors if the module never got that far (a 404, a syntax error). */
    private static Map<?, ?> moduleResult(TeaflowPage page) {
        page.waitFor("() => window.__result !== undefined", RESULT_TIMEOUT);
        return (Map<?, ?>) page.evaluate("() => window.__result");
    }
}
