package io.teaflow.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Goal {@code bundle} on user projects (src/it): one Maven run builds them all with
 * {@code -fae}, so each error fixture is one module that must fail with its message, and "ok" (one
 * library of three components) must give a bundle whose components work. The run is offline, on a
 * local repository that sees ~/.m2 but this build's own Teaflow artifacts, not whatever another
 * checkout last installed.
 */
class BundleGoalIT {
    private static final Path BASE = Path.of(System.getProperty("teaflow.it.base", "target/it"));
    private static String output;
    private static int exitCode;

    @BeforeAll
    static void buildFixtures() throws IOException, InterruptedException {
        String version = System.getProperty("teaflow.version");
        Path repo = ItRepository.create(BASE.resolve("repo"), version);
        Path projects = BASE.resolve("projects");
        ItRepository.copyFixtures(Path.of("src/it"), projects, version);
        // What an earlier build with both backends and source maps left: js-only must remove it.
        Path stale = Files.createDirectories(projects.resolve("js-only/target/teaflow"));
        for (String file : List.of("teaflow.wasm", "teaflow.debug.wasm", "teaflow-wasm-runtime.mjs", "teaflow-js-backend.js.map",
                "teaflow.js.map")) {
            Files.writeString(stale.resolve(file), "stale");
        }
        // What an earlier minified build left beside the entries: ok must not take them for the new entries' maps.
        Path earlier = Files.createDirectories(projects.resolve("ok/target/teaflow"));
        for (String file : List.of("teaflow.js.map", "teaflow.mjs.map")) {
            Files.writeString(earlier.resolve(file), "{\"version\":3,\"sources\":[\"stale.js\"],\"mappings\":\"\"}");
        }
        Path log = BASE.resolve("build.log");
        // The ok project minifies with the repository's Terser (npm ci first), as the stock bundle does.
        Path terser = Path.of("../node_modules/.bin/terser").toAbsolutePath().normalize();
        List<String> command = new ArrayList<>(List.of("mvn", "-B", "-o", "-fae", "-Dmaven.repo.local=" + repo.toAbsolutePath(),
                "-Dteaflow.it.terser=" + terser, "package"));
        Process process = new ProcessBuilder(command).directory(projects.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        if (!process.waitFor(10, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("the fixtures' Maven run took over 10 minutes; see " + log);
        }
        exitCode = process.exitValue();
        output = Files.readString(log, StandardCharsets.UTF_8);
    }

    @Test
    void theOkProjectGetsEveryFileOfTheBundle() {
        assertTrue(output.contains("Teaflow bundle: components [core/Repeat, core/Drop, core/Counter, core/Collect,"
                + " core/Accumulate, text/Upper, text/Length, text/Tally]"), output);
        Path bundle = BASE.resolve("projects/ok/target/teaflow");
        for (String file : List.of("teaflow.js", "teaflow.js.map", "teaflow.mjs", "teaflow.mjs.map", "teaflow-js-backend.js",
                "teaflow-js-backend.js.map", "teaflow-js-backend.mjs", "teaflow-js-backend.mjs.map", "teaflow.wasm", "teaflow.debug.wasm",
                "teaflow-wasm-runtime.mjs", "teaflow.d.ts", "teaflow.d.mts")) {
            assertTrue(Files.isRegularFile(bundle.resolve(file)), "missing " + file + " in " + bundle);
        }
    }

    @Test
    void theComponentsRunInTheJavaScriptBackendAndTheirNamesAreReserved() throws IOException, InterruptedException {
        Path bundle = BASE.resolve("projects/ok/target/teaflow").toAbsolutePath();
        String script = """
                const Teaflow = require(process.argv[1] + '/teaflow.js');
                Teaflow.init({ backend: 'js' }).then(async (tf) => {
                  const net = new tf.Network();
                  net.addNode('u', 'text/Upper').addNode('n', 'text/Length').addNode('t', 'text/Tally');
                  net.addNode('c', 'core/Collect').addNode('d', 'core/Collect');
                  net.addConnection('u', 'out', 'c', 'in').addConnection('u', 'out', 'n', 'in');
                  net.addConnection('n', 'out', 'd', 'in').addConnection('u', 'out', 't', 'in');
                  const errors = [];
                  net.on('error', (e) => errors.push(e.node + ': ' + e.message));
                  await net.start();
                  net.send('u', 'in', 'hello');
                  net.send('u', 'in', 42);
                  await net.idle();
                  let registered;
                  try {
                    net.registerActor('text/Upper', { inports: ['in'], run() {} });
                    registered = 'no error';
                  } catch (e) {
                    registered = e.message;
                  }
                  console.log(JSON.stringify({ components: tf.components(), upper: net.state('c').get('items'),
                    lengths: net.state('d').get('items'), seen: net.state('t').get('seen'), errors, registered }));
                  await net.stop();
                });
                """;
        Process node = new ProcessBuilder("node", "-e", script, bundle.toString()).redirectErrorStream(true).start();
        String printed = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertTrue(node.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, node.exitValue(), printed);
        assertEquals("{\"components\":[\"core/Repeat\",\"core/Drop\",\"core/Counter\",\"core/Collect\",\"core/Accumulate\","
                + "\"text/Upper\",\"text/Length\",\"text/Tally\"],\"upper\":[\"HELLO\"],\"lengths\":[5],\"seen\":1,"
                + "\"errors\":[\"u: text/Upper wants a string, got 42.0\"],"
                + "\"registered\":\"registerActor('text/Upper'): 'text/Upper' is a Java component of this build"
                + " (from a component library); pick another name\"}", printed.lines().reduce((a, b) -> b).orElse(""));
    }

    @Test
    void theComponentsRunInChromiumOnBothBackends() throws IOException, InterruptedException {
        // Launches Chromium: run the build under flock /tmp/teaflow-browser.lock, as scripts/test.sh is.
        Path root = Path.of("..").toAbsolutePath().normalize();
        String bundle = root.relativize(BASE.resolve("projects/ok/target/teaflow").toAbsolutePath().normalize()).toString();
        ProcessBuilder command = new ProcessBuilder("node", "maven-plugin/src/test/resources/run-bundle-in-chromium.mjs", bundle)
                .directory(root.toFile()).redirectErrorStream(true);
        command.environment().put("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        Process node = command.start();
        String printed = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(node.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, node.exitValue(), printed);
        String components = "\"components\":[\"core/Repeat\",\"core/Drop\",\"core/Counter\",\"core/Collect\","
                + "\"core/Accumulate\",\"text/Upper\",\"text/Length\",\"text/Tally\"],\"upper\":[\"HELLO\"],\"lengths\":[5],"
                + "\"errors\":[\"u: text/Upper wants a string, got 42.0\"],\"registered\":\"registerActor('text/Length'):"
                + " 'text/Length' is a Java component of this build (from a component library); pick another name\"}";
        List<String> lines = printed.lines().filter(line -> line.startsWith("{")).toList();
        assertEquals(List.of("{\"backend\":\"wasm\"," + components, "{\"backend\":\"js\"," + components), lines, printed);
    }

    @Test
    void theWasmBackendHoldsTheComponentsAndTheSourceMapsTheUsersJava() throws IOException {
        Path bundle = BASE.resolve("projects/ok/target/teaflow");
        String wasm = new String(Files.readAllBytes(bundle.resolve("teaflow.wasm")), StandardCharsets.ISO_8859_1);
        assertTrue(wasm.contains("text/Tally"), "teaflow.wasm has no text/Tally");
        assertTrue(Files.size(bundle.resolve("teaflow.wasm")) < Files.size(bundle.resolve("teaflow.debug.wasm")));
        String map = Files.readString(bundle.resolve("teaflow-js-backend.js.map"));
        assertTrue(map.contains("\"app:///fixture/Upper.java\""), "the map does not name the user's source");
        assertTrue(map.contains("text/Upper wants a string"), "the map does not inline the user's source");
        assertTrue(map.contains("\"teaflow:///io/teaflow/runtime/Network.java\""), "the map does not name Teaflow's source");
    }

    @Test
    void objectArraysOfTheJsBackendAreFilledByALoop() throws IOException {
        // js-only is neither minified by TeaVM nor by Terser: the helper keeps its name there.
        for (String project : List.of("ok", "js-only")) {
            Path bundle = BASE.resolve("projects/" + project + "/target/teaflow");
            for (String file : new String[] {"teaflow-js-backend.js", "teaflow-js-backend.mjs"}) {
                String backend = Files.readString(bundle.resolve(file));
                assertFalse(backend.contains(".fill(null)"), project + "/" + file + " still fills its arrays with Array.prototype.fill");
                assertTrue(project.equals("ok") || backend.contains("function " + JsArrayCreationPatch.HELPER + "("),
                        project + "/" + file + " lacks the array helper");
            }
        }
    }

    @Test
    void terserMinifiesTheEntriesAndTheBackendWithMapsToTheirSources() throws IOException {
        Path bundle = BASE.resolve("projects/ok/target/teaflow");
        Path plain = BASE.resolve("projects/js-only/target/teaflow");
        for (String entry : List.of("teaflow.js", "teaflow.mjs")) {
            String text = Files.readString(bundle.resolve(entry));
            assertTrue(text.startsWith("/*! Teaflow "), entry + " lost its banner");
            assertTrue(text.strip().endsWith("//# sourceMappingURL=" + entry + ".map"), entry + " does not name its map");
            // The comments bundlers read in import() of a computed URL (esbuild's minifier drops them).
            assertTrue(text.contains("import(/* webpackIgnore: true */ /* @vite-ignore */"), entry + " lost its bundler comments");
            assertTrue(text.length() * 10L < Files.size(plain.resolve(entry)) * 8, entry + " is not minified: " + text.length()
                    + " bytes, unminified " + Files.size(plain.resolve(entry)));
            // receiverCheck: a function of the entry's own, renamed by the minifier.
            assertFalse(text.contains("receiverCheck"), entry + " keeps its local names");
            String map = Files.readString(bundle.resolve(entry + ".map"));
            assertTrue(map.contains("\"src/" + entry + "\"") && map.contains("function receiverCheck("),
                    entry + ".map does not hold the unminified entry");
        }
        for (String backend : List.of("teaflow-js-backend.js", "teaflow-js-backend.mjs")) {
            String text = Files.readString(bundle.resolve(backend));
            assertTrue(text.startsWith(EntryScripts.COMPILE_EAGERLY), backend + " lost its compile hint at the top");
            assertTrue(text.strip().endsWith("//# sourceMappingURL=" + backend + ".map"), backend + " does not name its map");
        }
        assertTrue(Files.readString(bundle.resolve("teaflow-js-backend.mjs")).contains("export function create("),
                "the module backend lost its export");
        assertTrue(output.contains("teaflow.js.map"), "the build's summary does not list the entry's map");
        String loader = Files.readString(bundle.resolve("teaflow-wasm-runtime.mjs"));
        assertTrue(loader.contains("import(/* webpackIgnore: true */ /* @vite-ignore */"), "the wasm loader lost its bundler comments");
        assertTrue(loader.contains(WasmLoaderPatch.ACCEPTS_MODULE), "the wasm loader lost its export " + WasmLoaderPatch.ACCEPTS_MODULE);
        assertFalse(Files.exists(bundle.resolve("teaflow-wasm-runtime.mjs.map")), "a map for TeaVM's loader");
    }

    @Test
    void doublesAreWrittenByJavaDoubleTextNotTeaVMsDoubleAnalyzer() throws IOException {
        // LeanDoubleToString: the user's "got 42.0" above is Java's text; here, that it came the lean way.
        Path bundle = BASE.resolve("projects/ok/target/teaflow");
        String map = Files.readString(bundle.resolve("teaflow-js-backend.js.map"));
        assertTrue(map.contains("\"teaflow:///io/teaflow/bridge/JavaDoubleText.java\""), "the JS backend does not use JavaDoubleText");
        assertFalse(map.contains("\"teavm:///org/teavm/classlib/impl/text/DoubleAnalyzer.java\""), "the JS backend has DoubleAnalyzer");
        String wasm = new String(Files.readAllBytes(bundle.resolve("teaflow.debug.wasm")), StandardCharsets.ISO_8859_1);
        assertTrue(wasm.contains("io.teaflow.bridge.JavaDoubleText"), "the wasm backend does not use JavaDoubleText");
        assertFalse(wasm.contains("DoubleAnalyzer"), "the wasm backend has DoubleAnalyzer");
    }

    @Test
    void backendsSourceMapsMinifyingAndRequireComponentLibraryAreHonoured() throws IOException {
        Path jsOnly = BASE.resolve("projects/js-only/target/teaflow");
        for (String file : List.of("teaflow.js", "teaflow.mjs", "teaflow-js-backend.js", "teaflow-js-backend.mjs", "teaflow.d.ts")) {
            assertTrue(Files.isRegularFile(jsOnly.resolve(file)), "missing " + file + " in " + jsOnly);
        }
        for (String file : List.of("teaflow.wasm", "teaflow.debug.wasm", "teaflow-wasm-runtime.mjs", "teaflow-js-backend.js.map",
                "teaflow-js-backend.mjs.map", "teaflow.js.map")) {
            assertFalse(Files.exists(jsOnly.resolve(file)), file + " is left in a bundle without it");
        }
        assertTrue(output.contains("Teaflow bundle: components [core/Repeat, core/Drop, core/Counter, core/Collect,"
                + " core/Accumulate] from [io.teaflow.components.BuiltInComponents]"), "js-only: not the built-ins only");
        String backend = Files.readString(jsOnly.resolve("teaflow-js-backend.js"));
        assertFalse(backend.contains("sourceMappingURL"), "a source map comment with sourceMaps=false");
        long minified = Files.size(BASE.resolve("projects/ok/target/teaflow/teaflow-js-backend.js"));
        assertTrue(backend.length() > minified * 13 / 10, "minifying=false gave " + backend.length() + " bytes, the minified "
                + minified);
    }

    @Test
    void anUnknownBackend() {
        assertFailure("bad-backend", "unknown backend 'flash' in <backends>: use js and/or wasm");
    }

    @Test
    void aProjectWithoutALibrarySaysWhichFileToAdd() {
        assertFailure("none", "no component library found in none",
                "src/main/resources/META-INF/services/io.teaflow.runtime.ComponentLibrary",
                "<requireComponentLibrary>false</requireComponentLibrary>");
    }

    @Test
    void aListedClassThatDoesNotExist() {
        assertFailure("missing", "component library fixture.NoSuchLibrary is not on the class path",
                "META-INF/services/io.teaflow.runtime.ComponentLibrary");
    }

    @Test
    void aLibraryThatIsNotPublic() {
        assertFailure("not-public", "component library fixture.HiddenLibrary is not public");
    }

    @Test
    void aLibraryWithoutANoArgumentConstructor() {
        assertFailure("no-constructor", "component library fixture.ConfiguredLibrary has no public no-argument constructor");
    }

    @Test
    void aListedClassThatIsNotALibrary() {
        assertFailure("not-a-library", "component library fixture.JustAClass does not implement io.teaflow.runtime.ComponentLibrary");
    }

    @Test
    void anEmptyComponentName() {
        assertFailure("empty-name", "component library fixture.BlankNameLibrary names a component with an empty name");
    }

    @Test
    void aComponentNameInTheReservedCorePrefix() {
        assertFailure("core-name", "component library fixture.CoreClaimingLibrary names component 'core/Repeat2'",
                "reserved for the built-in components");
    }

    @Test
    void twoLibrariesNamingOneComponentAreBothNamed() {
        assertFailure("duplicate", "component 'shared/Thing' is named by two libraries: fixture.FirstLibrary and"
                + " fixture.SecondLibrary");
    }

    @Test
    void aLibraryWhoseComponentsThrows() {
        assertFailure("throws", "component library fixture.BrokenLibrary: components() threw"
                + " java.lang.IllegalStateException: broken on purpose");
    }

    @Test
    void aTeaVMErrorIsListedWithTheJavaMethodLeadingToIt() {
        assertFailure("teavm-error", "TeaVM could not compile the JavaScript backend of the bundle",
                "java.lang.ProcessBuilder", "fixture.Spawn.run");
        assertFalse(Files.exists(BASE.resolve("projects/teavm-error/target/teaflow")), "a failed build wrote a bundle");
    }

    @Test
    void failuresCarryNoStackTraceAndTheRunFailedOnlyForTheErrorFixtures() {
        assertTrue(exitCode != 0);
        assertFalse(output.contains("\tat io.teaflow.maven."), "a stack trace of the plugin in the output");
        long failed = output.lines().filter(line -> line.startsWith("[ERROR] Failed to execute goal")).count();
        assertEquals(11, failed, "one failure per error fixture");
    }

    /** The module failed, in goal bundle, with a message holding every fragment (on the module's lines). */
    private static void assertFailure(String module, String... fragments) {
        String marker = "teaflow-maven-plugin:" + System.getProperty("teaflow.version") + ":bundle (default) on project "
                + module + ": ";
        int at = output.indexOf(marker);
        assertTrue(at >= 0, "no failure of goal bundle on " + module + " in:\n" + output);
        int end = output.indexOf("\n[ERROR] Failed to execute goal", at + marker.length());
        int help = output.indexOf("\n[ERROR] -> [Help", at);
        int stop = Stream.of(end, help).filter(i -> i >= 0).min(Integer::compare).orElse(output.length());
        String message = output.substring(at + marker.length(), stop);
        for (String fragment : fragments) {
            assertTrue(message.contains(fragment), module + ": expected \"" + fragment + "\" in:\n" + message);
        }
    }
}
