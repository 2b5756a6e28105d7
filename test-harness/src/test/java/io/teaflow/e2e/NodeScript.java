package io.teaflow.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** A CommonJS script run by Node with source maps on, for tests that read what it prints (stack traces). */
final class NodeScript {
    private NodeScript() {
    }

    /** {@code const { init } = require('<repo>/<file>');}: the script's first line, loading a built entry. */
    static String requireInit(String repoFile) {
        String path = RepoRoot.resolve(repoFile).toString();
        return "const { init } = require('" + path.replace("\\", "\\\\").replace("'", "\\'") + "');\n";
    }

    /** Runs {@code source} with {@code node --enable-source-maps}; its output, after checking it exited with 0 in time. */
    static String run(String source) throws IOException, InterruptedException {
        Path script = Files.createTempFile("teaflow-node", ".cjs");
        try {
            Files.writeString(script, source);
            Process node = new ProcessBuilder("node", "--enable-source-maps", script.toString())
                    .redirectErrorStream(true).start();
            assertTrue(node.waitFor(30, TimeUnit.SECONDS), "node did not finish");
            String output = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(0, node.exitValue(), output);
            return output;
        } finally {
            Files.deleteIfExists(script);
        }
    }
}
