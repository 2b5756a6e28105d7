package io.teaflow.e2e;

import io.teaflow.testing.TeaflowBrowser;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The JS API contract, written once in browser/contract/ (one file per part of the contract, loaded
 * by contract.html), on every backend.
 */
class ContractTest extends BrowserCases {
    private static final String PAGE = "test-harness/browser/contract.html";
    private static final String CASES = "test-harness/browser/contract";

    @Override
    String page() {
        return "/" + PAGE;
    }

    @TestFactory
    Stream<DynamicNode> contract(TeaflowBrowser browser) {
        return cases(browser);
    }

    /** A case file the page does not load would be skipped without a word: the page must list every one. */
    @Test
    void thePageLoadsEveryCaseFile() throws IOException {
        List<String> files;
        try (Stream<Path> listing = Files.list(RepoRoot.resolve(CASES))) {
            files = listing.map(path -> path.getFileName().toString()).filter(name -> name.endsWith(".js")).sorted().toList();
        }
        Matcher scripts = Pattern.compile("<script src=\"contract/([^\"]+)\"").matcher(Files.readString(RepoRoot.resolve(PAGE)));
        List<String> loaded = scripts.results().map(match -> match.group(1)).sorted().toList();
        assertEquals(files, loaded, PAGE + " must load exactly the .js files of " + CASES);
    }
}
