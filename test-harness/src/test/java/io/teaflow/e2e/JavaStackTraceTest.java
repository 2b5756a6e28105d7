package io.teaflow.e2e;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import io.teaflow.testing.TeaflowBrowser;
import io.teaflow.testing.TeaflowPage;
import io.teaflow.testing.TeaflowPages;
import org.junit.jupiter.api.Test;

/**
 * An error thrown by the Java runtime should point at Java code: through dist/teaflow-js-backend.js.map on
 * the JS backend, through the function names kept in the wasm name section on the wasm backend.
 */
@TeaflowPages
class JavaStackTraceTest {
    @Test
    void jsBuildStackTracesMapToJavaSources() throws IOException, InterruptedException {
        RepoRoot.requireFile("dist/teaflow-js-backend.js.map");
        String output = NodeScript.run(NodeScript.requireInit("dist/teaflow.js")
                + "init({ backend: 'js' }).then(tf => {\n"
                + "  try { new tf.Network().state('nope'); console.log('no error'); }\n"
                + "  catch (e) { console.log(e.stack); }\n"
                + "});\n");
        assertTrue(output.contains("no node 'nope'"), output);
        assertTrue(output.contains("teaflow:///io/teaflow/runtime/Network.java:"),
                "the stack should name the Java file that threw:\n" + output);
    }

    @Test
    void wasmDebugBuildStackTracesNameJavaMethods(TeaflowBrowser browser) {
        // dist/teaflow.wasm leaves the name section out (half its size); dist/teaflow.debug.wasm keeps it.
        try (TeaflowPage page = browser.newPage("wasm")) {
            Object stack = page.open("test-harness/browser/contract.html").evaluate("async () => {"
                    + "  const tf = await Teaflow.init({ backend: 'wasm', wasmUrl: '/dist/teaflow.debug.wasm' });"
                    + "  try { new tf.Network().state('nope'); return 'no error'; } catch (e) { return String(e.stack); }"
                    + "}");
            assertTrue(String.valueOf(stack).contains("io.teaflow.runtime.Wiring::node"),
                    "the stack should name the Java method that threw:\n" + stack);
        }
    }
}
