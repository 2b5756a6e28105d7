package io.teaflow.testing;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.TimeoutError;
import java.time.Duration;
import java.util.List;

/**
 * One browser page of a Teaflow page test, in its own browser context, with what went wrong in it
 * (console errors, uncaught exceptions and unhandled rejections) recorded from the first request on.
 *
 * <p>Values from the page ({@link #evaluate}, {@link TeaflowNetwork#state}) are plain Java values:
 * a JS object is a {@code Map<String, Object>} in key order, an array a {@code List<Object>}, every
 * number a {@link Double}, strings and booleans as such, {@code null} and {@code undefined} null.
 * What JSON has no form for is a string describing it ({@code "[function f]"}, {@code "[circular]"},
 * {@code "10n"}); NaN and the infinities stay doubles. A script that throws fails the call with
 * Playwright's {@code PlaywrightException}, whose message carries the JS error's.
 */
public final class TeaflowPage implements AutoCloseable {
    private static final Duration DEFAULT_WAIT = Duration.ofSeconds(15);

    private final TeaflowBrowser browser;
    private final BrowserContext context;
    private final Page page;
    private final PageProblems problems;
    private final String backend;
    /** Counts documents loaded, so a network handle of an earlier document fails clearly instead of oddly. */
    private int document;

    TeaflowPage(TeaflowBrowser browser, BrowserContext context, String backend) {
        this.browser = browser;
        this.context = context;
        this.backend = backend;
        this.page = context.newPage();
        this.problems = PageProblems.watch(page);
    }

    /**
     * The backend this page's addresses ask for.
     *
     * @return {@code "js"} or {@code "wasm"}, or null for none
     */
    public String backend() {
        return backend;
    }

    /**
     * Loads {@code path} (relative to the served folder, e.g. {@code "index.html"} or
     * {@code "demo/page.html?size=3"}) with {@code backend=<backend>} added to its query, and waits for
     * its load event. A fresh document: the page errors recorded so far are forgotten, and the
     * {@link TeaflowNetwork} handles of the previous document no longer work. A missing file (an HTTP
     * error) fails at once, naming the address.
     *
     * @param path the page, relative to the served folder
     * @return this page
     */
    public TeaflowPage open(String path) {
        String url = browser.url(withBackend(path));
        problems.clear();
        document++;
        Response response = page.navigate(url);
        if (response != null && response.status() >= 400) {
            throw new AssertionError("GET " + url + " answered " + response.status() + " " + response.statusText()
                    + " (the folder served is " + browser.root() + ")");
        }
        return this;
    }

    /**
     * The absolute address of a file on the server, with no backend added.
     *
     * @param path relative to the served folder
     * @return e.g. {@code http://127.0.0.1:41234/teaflow.mjs}
     */
    public String serverUrl(String path) {
        return browser.url(path);
    }

    /**
     * The address of the current document.
     *
     * @return the address, with its query
     */
    public String url() {
        return page.url();
    }

    /**
     * Runs {@code script} in the page and gives back its result as a plain Java value (see the class
     * comment). A function ({@code "() => document.title"}, {@code "async () => { ... }"}) is called
     * and its result awaited; any other expression ({@code "window.app.count"}) is evaluated, and
     * awaited if it is a Promise.
     *
     * @param script a JS function or expression
     * @return the result as a plain Java value
     */
    public Object evaluate(String script) {
        return evaluate(script, null);
    }

    /**
     * Calls the function {@code script} with {@code argument} (null, a boolean, a number, a string,
     * or a List, Map or array of these; it arrives as the JS value, a Map as an object), awaits its result and gives
     * it back as a plain Java value.
     *
     * @param script a JS function of one parameter
     * @param argument its argument
     * @return the result as a plain Java value
     */
    public Object evaluate(String script, Object argument) {
        return PageValues.decode(page.evaluate(PageValues.encodingScript(script), PageValues.argument(argument)));
    }

    /**
     * Waits up to 15 seconds until a condition is truthy in the page.
     *
     * @param condition a JS expression or function
     */
    public void waitFor(String condition) {
        waitFor(condition, DEFAULT_WAIT);
    }

    /**
     * Waits until a condition is truthy in the page; fails with the page's errors if it never is.
     *
     * @param condition a JS expression or function
     * @param timeout how long to wait at most
     */
    public void waitFor(String condition, Duration timeout) {
        try {
            page.waitForFunction(condition, null, new Page.WaitForFunctionOptions().setTimeout(timeout.toMillis()));
        } catch (TimeoutError e) {
            throw new AssertionError("[" + backend + "] " + condition + " was not true within " + timeout.toMillis()
                    + " ms on " + page.url() + "; page errors: " + problems.describe(), e);
        }
    }

    /**
     * A handle on the Teaflow network that the expression {@code network} gives in the page (e.g.
     * {@code "window.app.net"}, or a Promise of one); from now on it records the network's
     * {@code 'error'} and {@code 'data'} events for {@link TeaflowNetwork#errors} and
     * {@link TeaflowNetwork#data}. Fails if the expression gives no network.
     *
     * @param network a JS expression giving the network, or a Promise of it
     * @return the handle
     */
    public TeaflowNetwork network(String network) {
        return TeaflowNetwork.attach(this, network);
    }

    /**
     * What went wrong in the current document without the test asking, as readable lines
     * ({@code "uncaught: ..."}, {@code "console.error: ..."}): every error reported up to now.
     *
     * @return the errors, uncaught ones first
     */
    public List<String> pageErrors() {
        // A round trip to the page: Playwright delivers events in order, so every earlier one is in now.
        page.evaluate("0");
        return problems.all();
    }

    /** Fails, listing them, if the current document logged a console error or threw an uncaught error. */
    public void assertNoPageErrors() {
        List<String> errors = pageErrors();
        if (!errors.isEmpty()) {
            throw new AssertionError("[" + backend + "] " + page.url() + " reported errors:\n  " + String.join("\n  ", errors));
        }
    }

    /**
     * The Playwright page, for what this class does not cover (clicks, screenshots, the DevTools protocol).
     *
     * @return the page
     */
    public Page playwright() {
        return page;
    }

    /** Closes the page and its browser context. */
    @Override
    public void close() {
        context.close();
    }

    int document() {
        return document;
    }

    private String withBackend(String path) {
        if (path == null || path.isBlank()) {
            throw new IllegalArgumentException("no page to open: give a path under " + browser.root());
        }
        if (backend == null) {
            return path;
        }
        int hash = path.indexOf('#');
        String beforeHash = hash < 0 ? path : path.substring(0, hash);
        String fragment = hash < 0 ? "" : path.substring(hash);
        String separator = beforeHash.contains("?") ? (beforeHash.endsWith("?") || beforeHash.endsWith("&") ? "" : "&") : "?";
        return beforeHash + separator + "backend=" + backend + fragment;
    }
}
