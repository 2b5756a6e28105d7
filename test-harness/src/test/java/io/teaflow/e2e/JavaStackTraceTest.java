package io.teaflow.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
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
        Path script = Files.createTempFile("teaflow-stack", ".cjs");
        try {
            Files.writeString(script, ""
                    + "const { init } = require(" + jsString(RepoRoot.resolve("dist/teaflow.js").toString()) + ");\n"
                    + "init({ backend: 'js' }).then(tf => {\n"
                    + "  try { new tf.Network().state('nope'); console.log('no error'); }\n"
                    + "  catch (e) { console.log(e.stack); }\n"
                    + "});\n");
            Process node = new ProcessBuilder("node", "--enable-source-maps", script.toString())
                    .redirectErrorStream(true).start();
            assertTrue(node.waitFor(30, TimeUnit.SECONDS), "node did not finish");
            String output = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(0, node.exitValue(), output);
            assertTrue(output.contains("no node 'nope'"), output);
            assertTrue(output.contains("teaflow:///io/teaflow/runtime/Network.java:"),
                    "the stack should name the Java file that threw:\n" + output);
        } finally {
            Files.deleteIfExists(script);
        }
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

    private static String jsString(String text) {
        return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }
}
