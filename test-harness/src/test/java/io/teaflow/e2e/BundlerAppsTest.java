package io.teaflow.e2e;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The packed npm package in the apps of examples/bundlers (Vite, webpack, esbuild, Rollup, a script
 * tag; the Vite dev server; file://), and linted by @arethetypeswrong/cli and publint: all done by
 * test-harness/node/bundler-apps.mjs, whose checks become one test each here.
 */
class BundlerAppsTest {
    private static final long LIMIT_MINUTES = 8;

    @TestFactory
    List<DynamicTest> packedPackageInBundlerApps() throws IOException, InterruptedException {
        RepoRoot.requireFile("dist/teaflow.mjs");
        Path work = RepoRoot.resolve("test-harness/target/bundler-apps");
        Path log = Files.createTempFile("bundler-apps", ".log");
        Process node = new ProcessBuilder("node", RepoRoot.resolve("test-harness/node/bundler-apps.mjs").toString(), work.toString())
                .directory(RepoRoot.path().toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        node.getOutputStream().close();
        if (!node.waitFor(LIMIT_MINUTES, TimeUnit.MINUTES)) {
            node.descendants().forEach(ProcessHandle::destroyForcibly);
            node.destroyForcibly();
            fail("bundler-apps.mjs did not finish in " + LIMIT_MINUTES + " min\n" + Files.readString(log, StandardCharsets.UTF_8));
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        Files.deleteIfExists(log);
        List<DynamicTest> tests = new ArrayList<>();
        List<String> other = new ArrayList<>();
        for (String line : output.lines().toList()) {
            if (line.startsWith("{\"check\":")) {
                Map<String, Object> check = Json.parseObject(line);
                String name = String.valueOf(check.get("check"));
                tests.add(DynamicTest.dynamicTest(name, () -> assertEquals(true, check.get("ok"), name + "\n" + check.get("detail"))));
            } else {
                other.add(line);
            }
        }
        // The download sizes per page, for the log; anything else the script printed is a failure.
        other.stream().filter(line -> line.startsWith("SIZE ")).forEach(System.out::println);
        List<String> unexpected = other.stream().filter(line -> !line.startsWith("SIZE ") && !line.isBlank()).toList();
        int exit = node.exitValue();
        tests.add(DynamicTest.dynamicTest("bundler-apps.mjs ran every check and exited 0", () -> {
            assertTrue(tests.size() > 40, "expected the checks of five apps on three backends, got " + (tests.size() - 1) + "\n" + output);
            assertEquals(List.of(), unexpected, "lines that are neither a check nor a size\n" + output);
            assertEquals(0, exit, "exit code of bundler-apps.mjs\n" + output);
        }));
        return tests;
    }
}
