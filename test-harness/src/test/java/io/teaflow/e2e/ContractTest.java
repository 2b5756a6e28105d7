package io.teaflow.e2e;

import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

/** The JS API contract, written once in browser/contract-tests.js, on every backend. */
class ContractTest extends BrowserCases {
    @Override
    String page() {
        return "/test-harness/browser/contract.html";
    }

    @TestFactory
    Stream<DynamicNode> contract() {
        return cases();
    }
}
