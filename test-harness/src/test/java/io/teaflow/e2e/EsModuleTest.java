package io.teaflow.e2e;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.TimeoutError;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

/** The ES module build, dist/teaflow.mjs, imported by a module script with no global script on the page. */
class EsModuleTest {
    private static final double RESULT_TIMEOUT_MS = 15_000;

    @RegisterExtension
    static final BrowserSession browser = new BrowserSession();

    @ParameterizedTest(name = "backend {0}")
    @MethodSource("io.teaflow.e2e.Backends#all")
    void moduleRunsASmallNetwork(String backend) {
        RepoRoot.requireFile("dist/teaflow.mjs");
        try (BrowserPage page = browser.open("/test-harness/browser/esm.html?backend=" + backend)) {
            Map<?, ?> result = moduleResult(page);
            if (!Boolean.TRUE.equals(result.get("ok"))) {
                fail("[" + backend + "] " + result.get("message") + "\npage problems: " + page.problems().describe());
            }
            page.problems().assertNone("[" + backend + "] esm.html");
        }
    }

    @ParameterizedTest(name = "backend {0}")
    @MethodSource("io.teaflow.e2e.Backends#all")
    void moduleExportsTheSameNamesAsTheGlobal(String backend) {
        RepoRoot.requireFile("dist/teaflow.mjs");
        RepoRoot.requireFile("dist/teaflow.js");
        Map<?, ?> moduleExports;
        try (BrowserPage page = browser.open("/test-harness/browser/esm.html?backend=" + backend)) {
            moduleExports = (Map<?, ?>) moduleResult(page).get("exports");
        }
        Object globalMembers;
        try (BrowserPage page = browser.open("/test-harness/browser/contract.html?backend=" + backend)) {
            globalMembers = page.page().evaluate("() => Object.keys(window.Teaflow).sort()");
        }
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
    private static Map<?, ?> moduleResult(BrowserPage page) {
        try {
            page.page().waitForFunction("() => window.__result !== undefined", null,
                    new Page.WaitForFunctionOptions().setTimeout(RESULT_TIMEOUT_MS));
        } catch (TimeoutError e) {
            fail("esm.html set no window.__result within " + (int) RESULT_TIMEOUT_MS + " ms; page problems: " + page.problems().describe());
        }
        return (Map<?, ?>) page.page().evaluate("() => window.__result");
    }
}
