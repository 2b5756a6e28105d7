package io.teaflow.e2e;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import io.teaflow.testing.TeaflowBrowser;
import io.teaflow.testing.TeaflowPage;
import io.teaflow.testing.TeaflowPages;
import org.junit.jupiter.api.Test;

/**
 * An exception thrown by a user's Java component (test-components' probe/Do, in its own bundle)
 * points at the user's Java source: through the bundle's source map on the JS backend (the user's
 * sources under app:///), through the names kept in teaflow.debug.wasm on the wasm backend.
 */
@TeaflowPages
class UserStackTraceTest {
    private static final String BUNDLE = "test-components/target/teaflow/";

    @Test
    void jsBundleStackTracesMapToTheUsersJavaSource() throws IOException, InterruptedException {
        RepoRoot.requireFile(BUNDLE + "teaflow-js-backend.js.map");
        String output = NodeScript.run(NodeScript.requireInit(BUNDLE + "teaflow.js")
                + "init({ backend: 'js' }).then(async tf => {\n"
                + "  const net = new tf.Network().addNode('p', 'probe/Do', 'throw');\n"
                + "  net.on('error', e => console.log('error event of ' + e.node + ': ' + e.message + '\\n'"
                + " + e.error.stack));\n"
                + "  await net.start(); net.send('p', 'in', 'x'); await net.idle();\n"
                + "});\n");
        assertTrue(output.contains("error event of p: probe threw on x"), output);
        assertTrue(output.contains("app:///io/teaflow/probes/Probe.java:"),
                "the stack should name the user's Java file that threw:\n" + output);
    }

    @Test
    void sourceMapCarriesTheUsersSources() throws IOException {
        String map = Files.readString(RepoRoot.resolve(BUNDLE + "teaflow-js-backend.js.map"));
        assertTrue(map.contains("\"app:///io/teaflow/probes/Probe.java\""), "the user's source is named");
        assertTrue(map.contains("probe threw on"), "and its text is inlined, so devtools show it without a server");
    }

    @Test
    void wasmDebugBundleStackTracesNameTheUsersJavaMethods(TeaflowBrowser browser) {
        try (TeaflowPage page = browser.newPage("wasm")) {
            Object stack = page.open("test-harness/browser/java-values.html").evaluate("async () => {"
                    + "  const tf = await Teaflow.init({ backend: 'wasm',"
                    + "    wasmUrl: '/" + BUNDLE + "teaflow.debug.wasm' });"
                    + "  const net = new tf.Network().addNode('p', 'probe/Do', 'throw');"
                    + "  const stacks = [];"
                    + "  net.on('error', e => stacks.push(e.message + '\\n' + (e.error && e.error.stack)));"
                    + "  await net.start(); net.send('p', 'in', 'x'); await net.idle();"
                    + "  return stacks.join('\\n---\\n');"
                    + "}");
            assertTrue(String.valueOf(stack).contains("probe threw on x"), String.valueOf(stack));
            assertTrue(String.valueOf(stack).contains("io.teaflow.probes.Probe::run"),
                    "the stack should name the user's Java method that threw:\n" + stack);
        }
    }
}
