package io.teaflow.testing;

import com.microsoft.playwright.ConsoleMessage;
import com.microsoft.playwright.Page;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.fail;

/** What went wrong in a page without the test asking: console errors and uncaught exceptions (or unhandled rejections). */
final class PageProblems {
    private final List<String> consoleErrors = new ArrayList<>();
    private final List<String> uncaughtErrors = new ArrayList<>();

    /** Starts listening on the page; call before navigating so load-time errors are caught too. */
    static PageProblems watch(Page page) {
        PageProblems problems = new PageProblems();
        page.onConsoleMessage(problems::onConsole);
        page.onPageError(error -> problems.uncaughtErrors.add(error));
        return problems;
    }

    private void onConsole(ConsoleMessage message) {
        if (!message.type().equals("error")) {
            return;
        }
        // Chromium may ask for a favicon nobody serves; that 404 says nothing about the page under test.
        if (message.location() != null && message.location().contains("favicon.ico")) {
            return;
        }
        consoleErrors.add(message.text() + (message.location() == null ? "" : " (at " + message.location() + ")"));
    }

    /** Forgets what was collected, for a page that is navigated to the next case. */
    void clear() {
        consoleErrors.clear();
        uncaughtErrors.clear();
    }

    /** Everything collected, uncaught errors first, as readable lines. */
    List<String> all() {
        List<String> all = new ArrayList<>();
        uncaughtErrors.forEach(error -> all.add("uncaught: " + error));
        consoleErrors.forEach(error -> all.add("console.error: " + error));
        return all;
    }

    boolean isEmpty() {
        return consoleErrors.isEmpty() && uncaughtErrors.isEmpty();
    }

    /** A readable list of everything collected, or "none". */
    String describe() {
        if (isEmpty()) {
            return "none";
        }
        StringBuilder text = new StringBuilder();
        all().forEach(line -> text.append("\n  ").append(line));
        return text.toString();
    }

    void assertNone(String what) {
        if (!isEmpty()) {
            fail(what + ": the page reported errors:" + describe());
        }
    }
}
