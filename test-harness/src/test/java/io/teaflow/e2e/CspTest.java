package io.teaflow.e2e;

import io.teaflow.testing.TeaflowBrowser;
import io.teaflow.testing.TeaflowPage;
import io.teaflow.testing.TeaflowPages;
import java.time.Duration;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * dist/teaflow.js on a page with a strict Content-Security-Policy (script-src 'self': no eval, no
 * inline script), given by a meta tag in browser/csp.html; the page code is browser/csp.js.
 */
@TeaflowPages
class CspTest {
    private static final Duration RESULT_TIMEOUT = Duration.ofSeconds(20);

    @Test
    void jsBackendRunsANetworkWithNoViolation(TeaflowBrowser browser) {
        RepoRoot.requireFile("dist/teaflow.js");
        try (TeaflowPage page = browser.newPage(null)) {
            page.open("/test-harness/browser/csp.html?scenario=js");
            Map<?, ?> result = result(page);
            assertOk(result, page);
            assertEquals(Boolean.TRUE, result.get("settled"), "init({backend: 'js'}) settled");
            assertEquals(null, result.get("rejection"), "init({backend: 'js'}) rejection");
            assertEquals("js", result.get("backend"), "Api.backend");
            assertEquals(List.of(), result.get("errors"), "error events of the small network");
            assertEquals(List.of(42, 10), ints(result.get("items")), "core/Collect's items");
            assertEquals(List.of(), result.get("violations"), "CSP violations (securitypolicyviolation events)");
            page.assertNoPageErrors();
        }
    }

    @Test
    void wasmBackendRejectsWithAnErrorInsteadOfHanging(TeaflowBrowser browser) {
        RepoRoot.requireFile("dist/teaflow.js");
        try (TeaflowPage page = browser.newPage(null)) {
            page.open("/test-harness/browser/csp.html?scenario=wasm");
            Map<?, ?> result = result(page);
            assertOk(result, page);
            assertEquals(Boolean.TRUE, result.get("settled"),
                    "init({backend: 'wasm'}) under script-src 'self' should settle, not hang; result: " + result);
            System.out.println("[csp wasm] " + result);
            Map<?, ?> rejection = (Map<?, ?>) result.get("rejection");
            assertNotNull(rejection, "init({backend: 'wasm'}) under script-src 'self' should reject (the wasm loader needs"
                    + " new Function / WebAssembly compilation), but it resolved with backend " + result.get("backend")
                    + "; items " + result.get("items") + "; violations " + result.get("violations"));
            assertEquals(Boolean.TRUE, rejection.get("isError"), "the rejection is an Error: " + rejection);
            String message = String.valueOf(rejection.get("message"));
            assertFalse(message.isBlank(), "the rejection has a message: " + rejection);
            assertTrue(message.toLowerCase().contains("wasm") || message.toLowerCase().contains("webassembly"),
                    "the rejection's message should say it was the wasm backend that failed, was: " + message);
            List<?> violations = (List<?>) result.get("violations");
            assertFalse(violations.isEmpty(), "a refused wasm backend should have left a securitypolicyviolation, found none");
        }
    }

    @Test
    void autoFallsBackToJs(TeaflowBrowser browser) {
        RepoRoot.requireFile("dist/teaflow.js");
        try (TeaflowPage page = browser.newPage(null)) {
            page.open("/test-harness/browser/csp.html?scenario=auto");
            Map<?, ?> result = result(page);
            assertOk(result, page);
            assertEquals(Boolean.TRUE, result.get("settled"), "init() under script-src 'self' settled; result: " + result);
            System.out.println("[csp auto] " + result);
            assertEquals(null, result.get("rejection"), "init() should not reject under script-src 'self'");
            assertEquals("js", result.get("backend"), "the backend init() chose where wasm is refused");
            assertEquals(List.of(), result.get("errors"), "error events of the small network");
            assertEquals(List.of(42, 10), ints(result.get("items")), "core/Collect's items");
        }
    }

    private static void assertOk(Map<?, ?> result, TeaflowPage page) {
        if (!Boolean.TRUE.equals(result.get("ok"))) {
            fail("csp.js failed: " + result.get("message") + "\nresult: " + result + "\npage problems: " + page.pageErrors());
        }
    }

    private static List<Integer> ints(Object list) {
        if (!(list instanceof List<?> items)) {
            return null;
        }
        return items.stream().map(item -> item instanceof Number n ? n.intValue() : null).toList();
    }

    private static Map<?, ?> result(TeaflowPage page) {
        page.waitFor("() => window.__result !== undefined", RESULT_TIMEOUT);
        return (Map<?, ?>) page.evaluate("() => window.__result");
    }
}
