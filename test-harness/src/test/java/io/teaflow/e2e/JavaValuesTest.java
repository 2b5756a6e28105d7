package io.teaflow.e2e;

import io.teaflow.testing.TeaflowBrowser;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

/**
 * What a Java component sees of page values and what the page sees of Java's (the table in
 * docs/api/java-components.md), written once in browser/java-values-tests.js and run on every
 * backend against the bundle of test-components (its probe/* library, bundled by
 * teaflow-maven-plugin as a user's library is).
 */
class JavaValuesTest extends BrowserCases {
    @Override
    String page() {
        return "/test-harness/browser/java-values.html";
    }

    @TestFactory
    Stream<DynamicNode> javaValues(TeaflowBrowser browser) {
        RepoRoot.requireFile("test-components/target/teaflow/teaflow.js");
        return cases(browser);
    }
}
