package io.teaflow.e2e;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.TimeoutError;
import io.teaflow.testing.TeaflowPage;
import io.teaflow.testing.TeaflowPageTest;
import io.teaflow.testing.TeaflowPages;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The package as users get it: {@code npm pack} in the repository root, {@code npm install} of the
 * tarball into an empty project (offline: the package has no dependencies), and then the installed
 * copy used from Node (ES module and CommonJS) and from Chromium (script tag and import map), on
 * every backend. Nothing here reads the repository's dist/ directly: only what the tarball carried.
 */
@TeaflowPages(root = PackedPackageTest.APP)
class PackedPackageTest {
    /** The project the tarball is installed into, served to Chromium (relative to the module's directory). */
    static final String APP = "target/packed-package-app";

    private static final Duration NPM_LIMIT = Duration.ofSeconds(60);
    private static final Duration NODE_LIMIT = Duration.ofSeconds(20);
    private static final double PAGE_RESULT_TIMEOUT_MS = 15_000;

    private static final String PACKAGE = "node_modules/teaflow";

    private static final Pattern SOURCE_MAPPING_URL = Pattern.compile("^//# sourceMappingURL=(\\S+)\\s*$", Pattern.MULTILINE);

    /** What the installed package must contain; beyond these only the source maps its scripts name. */
    private static final Set<String> EXPECTED_FILES = Set.of(
            "dist/teaflow.js",
            "dist/teaflow.mjs",
            "dist/teaflow-js-backend.js",
            "dist/teaflow-js-backend.mjs",
            "dist/teaflow.wasm",
            "dist/teaflow.debug.wasm",
            "dist/teaflow-wasm-runtime.mjs",
            "dist/teaflow.d.ts",
            "dist/teaflow.d.mts",
            // The tools beside the runtime (contract §9, §10): the teaflow-runtime bin, the FBP
            // protocol for pages, the inspector and its layout worker.
            "dist/teaflow-runtime.mjs",
            "dist/teaflow-fbp.js",
            "dist/teaflow-fbp.mjs",
            "dist/teaflow-fbp.d.ts",
            "dist/teaflow-fbp.d.mts",
            "dist/teaflow-inspector.js",
            "dist/teaflow-inspector.mjs",
            "dist/teaflow-inspector.d.ts",
            "dist/teaflow-inspector.d.mts",
            "dist/teaflow-inspector-layout.js",
            "package.json",
            "README.md",
            "LICENSE");

    /**
     * One small network, the same in all four places it runs (Node ESM, Node CJS, script tag, import
     * map): a JS actor, the Java components core/Counter and core/Collect, an initial packet and a
     * send. It only reports what it saw; the Java side judges. {@code options} undefined means init().
     */
    private static final String SCENARIO = """
            async function scenario(init, exportedVersion, options) {
              const tf = options === undefined ? await init() : await init(options);
              const again = options === undefined ? await init() : await init(options);
              const actorHandles = [];
              class Doubler {
                inports = ['in'];
                outports = ['out'];
                state = { runs: 0 };
                run(context) {
                  actorHandles.push(this.state === context.state && context.state === net.state(context.node));
                  context.state.set('runs', context.state.get('runs') + 1);
                  context.send({ out: context.input.in * context.config.factor });
                }
              }
              const net = new tf.Network();
              const errors = [];
              net.on('error', e => errors.push(e.node + ': ' + e.message));
              const chained = net.registerActor('Doubler', Doubler)
                .addNode('d', 'Doubler', { factor: 2 })
                .addNode('c', 'core/Counter')
                .addNode('all', 'core/Collect')
                .addNode('counts', 'core/Collect')
                .addConnection('d', 'out', 'c', 'in')
                .addConnection('d', 'out', 'all', 'in')
                .addConnection('c', 'out', 'counts', 'in')
                .addInitial('d', 'in', 21);
              net.state('c').set('step', 10);
              const items = [];
              net.state('all').set('items', items);
              await net.start();
              net.send('d', 'in', 5);
              await net.idle();
              const result = {
                backend: tf.backend,
                version: tf.version,
                exportedVersion,
                sameApi: tf === again,
                components: tf.components(),
                chainable: chained === net,
                runs: net.state('d').get('runs'),
                count: net.state('c').get('count'),
                all: net.state('all').get('items'),
                counts: net.state('counts').get('items'),
                sameItemsArray: net.state('all').get('items') === items,
                sameHandle: net.state('c') === net.state('c') && net.state('d') === net.state('d'),
                isHandle: net.state('d') instanceof tf.LiveMemoryStateHandle,
                actorHandles,
                errors,
              };
              await net.stop();
              return result;
            }
            """;

    private static final String NODE_ESM = """
            import { init, version } from 'teaflow';
            %SCENARIO%
            try {
              const result = await scenario(init, version, undefined);
              result.resolved = import.meta.resolve('teaflow');
              console.log('RESULT ' + JSON.stringify({ ok: true, result }));
            } catch (error) {
              console.log('RESULT ' + JSON.stringify({ ok: false, message: String(error && error.stack || error) }));
              process.exitCode = 1;
            }
            """;

    private static final String NODE_CJS = """
            'use strict';
            const { init, version } = require('teaflow');
            %SCENARIO%
            async function main() {
              try {
                const result = await scenario(init, version, undefined);
                result.resolved = require.resolve('teaflow');
                console.log('RESULT ' + JSON.stringify({ ok: true, result }));
              } catch (error) {
                console.log('RESULT ' + JSON.stringify({ ok: false, message: String(error && error.stack || error) }));
                process.exitCode = 1;
              }
            }
            main();
            """;

    /** init({backend:'wasm'}) in Node: must return a promise that rejects; init() must still give 'js'. */
    private static final String NODE_WASM_BODY = """
            async function main() {
              const outcome = {};
              let promise;
              try {
                promise = init({ backend: 'wasm' });
                outcome.threwSynchronously = false;
              } catch (error) {
                outcome.threwSynchronously = true;
                outcome.message = String(error && error.message);
              }
              if (promise !== undefined) {
                outcome.returnedPromise = promise instanceof Promise;
                try {
                  const api = await promise;
                  outcome.rejected = false;
                  outcome.backend = api && api.backend;
                } catch (error) {
                  outcome.rejected = true;
                  outcome.isError = error instanceof Error;
                  outcome.message = String(error && error.message);
                }
              }
              outcome.autoBackend = (await init()).backend;
              console.log('RESULT ' + JSON.stringify(outcome));
            }
            main();
            """;

    private static final String PAGE_SCRIPT_TAG = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
              <meta charset="utf-8">
              <title>teaflow from node_modules, script tag</title>
              <link rel="icon" href="data:,">
%UNCAUGHT%
              <script src="node_modules/teaflow/dist/teaflow.js"></script>
              <script>
            %SCENARIO%
                async function main() {
                  const backend = new URLSearchParams(location.search).get('backend');
                  try {
                    const result = await scenario(Teaflow.init, Teaflow.version, { backend });
                    window.__result = JSON.stringify({ ok: true, result });
                  } catch (error) {
                    window.__result = JSON.stringify({ ok: false, message: String(error && error.stack || error) });
                  }
                }
                main();
              </script>
            </head>
            <body></body>
            </html>
            """;

    private static final String PAGE_IMPORT_MAP = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
              <meta charset="utf-8">
              <title>teaflow from node_modules, import map</title>
              <link rel="icon" href="data:,">
%UNCAUGHT%
              <script type="importmap">{"imports":{"teaflow":"./node_modules/teaflow/dist/teaflow.mjs"}}</script>
              <script type="module">
                import { init, version } from 'teaflow';
            %SCENARIO%
                const backend = new URLSearchParams(location.search).get('backend');
                try {
                  const result = await scenario(init, version, { backend });
                  result.resolved = import.meta.resolve('teaflow');
                  window.__result = JSON.stringify({ ok: true, result });
                } catch (error) {
                  window.__result = JSON.stringify({ ok: false, message: String(error && error.stack || error) });
                }
              </script>
            </head>
            <body></body>
            </html>
            """;

    /** Ends the wait at once when the library fails to load (a 404 in the import graph, a syntax error). */
    private static final String PAGE_UNCAUGHT = """
              <script>
                addEventListener('error', event => {
                  if (window.__result === undefined) {
                    const error = event.error;
                    window.__result = JSON.stringify({ ok: false, message: 'uncaught: ' + (error && error.stack || event.message) });
                  }
                });
              </script>""";

    @TempDir
    static Path tmp;

    private static Path app;
    private static String tarballName;
    private static Map<String, Object> installedManifest;

    @BeforeAll
    static void packAndInstall() throws IOException {
        for (String file : EXPECTED_FILES) {
            if (file.startsWith("dist/")) {
                RepoRoot.requireFile(file);
            }
        }
        Path packs = Files.createDirectory(tmp.resolve("packs"));
        Ran pack = run(RepoRoot.path(), NPM_LIMIT, "npm", "pack", "--pack-destination", packs.toString());
        pack.requireSuccess();
        List<Path> tarballs;
        try (Stream<Path> files = Files.list(packs)) {
            tarballs = files.filter(file -> file.getFileName().toString().endsWith(".tgz")).toList();
        }
        if (tarballs.size() != 1) {
            fail("npm pack should write exactly one .tgz into " + packs + ", found " + tarballs + "\n" + pack.describe());
        }
        tarballName = tarballs.get(0).getFileName().toString();

        app = Files.createDirectories(emptied(Path.of(APP).toAbsolutePath()));
        Files.writeString(app.resolve("package.json"), "{\"name\":\"app\",\"private\":true,\"type\":\"module\"}\n");
        Ran install = run(app, NPM_LIMIT, "npm", "install", "--no-audit", "--no-fund", "--offline", tarballs.get(0).toString());
        install.requireSuccess();
        Path manifest = app.resolve(PACKAGE).resolve("package.json");
        if (!Files.isRegularFile(manifest)) {
            fail("npm install succeeded but left no " + manifest + "\n" + install.describe());
        }
        installedManifest = Json.parseObject(Files.readString(manifest));
    }

    /** {@code directory}, deleted with everything in it if it was there: each run installs afresh. */
    private static Path emptied(Path directory) throws IOException {
        if (Files.exists(directory, LinkOption.NOFOLLOW_LINKS)) {
            try (Stream<Path> files = Files.walk(directory)) {
                for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(file);
                }
            }
        }
        return directory;
    }

    // ---- the installed package ----

    @Test
    void installedPackageHoldsExactlyThePublishedFiles() throws IOException {
        Path installed = app.resolve(PACKAGE);
        assertTrue(Files.isDirectory(installed, LinkOption.NOFOLLOW_LINKS),
                installed + " should be a real directory extracted from the tarball, not a link");
        Set<String> files = new TreeSet<>();
        List<String> notRegular = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(installed)) {
            walk.filter(path -> !path.equals(installed)).forEach(path -> {
                String relative = installed.relativize(path).toString().replace('\\', '/');
                if (Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)) {
                    files.add(relative);
                } else if (!Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
                    notRegular.add(relative);
                }
            });
        }
        Set<String> expected = new TreeSet<>(EXPECTED_FILES);
        expected.addAll(namedSourceMaps(installed));
        assertEquals(expected, files, "the files of the installed package (from " + tarballName + ")");
        assertEquals(List.of(), notRegular, "links or special files in the installed package");
        List<String> leaked = files.stream()
                .filter(file -> file.startsWith("src/") || file.contains("/src/") || file.startsWith("test-harness/")
                        || file.startsWith("framework/") || file.startsWith("web/"))
                .toList();
        assertEquals(List.of(), leaked, "sources or tests in the installed package");

        Set<String> modules;
        try (Stream<Path> list = Files.list(app.resolve("node_modules"))) {
            modules = list.map(path -> path.getFileName().toString()).filter(name -> !name.startsWith("."))
                    .collect(TreeSet::new, Set::add, Set::addAll);
        }
        assertEquals(Set.of("teaflow"), modules, "node_modules of the app: the package should pull in no dependencies");
    }

    /**
     * The source maps the scripts name in a {@code //# sourceMappingURL=} comment: those must be in the
     * package too (and are the only files allowed beyond {@link #EXPECTED_FILES}).
     */
    private static Set<String> namedSourceMaps(Path installed) throws IOException {
        Set<String> maps = new TreeSet<>();
        for (String script : List.of("dist/teaflow.js", "dist/teaflow.mjs", "dist/teaflow-js-backend.js", "dist/teaflow-js-backend.mjs")) {
            Path file = installed.resolve(script);
            if (!Files.isRegularFile(file)) {
                continue; // the file list assertion reports it
            }
            Matcher comment = SOURCE_MAPPING_URL.matcher(Files.readString(file));
            String url = null;
            while (comment.find()) {
                url = comment.group(1);
            }
            if (url != null && !url.contains(":") && !url.startsWith("/")) {
                maps.add(Path.of(script).resolveSibling(url).normalize().toString().replace('\\', '/'));
            }
        }
        return maps;
    }

    @Test
    void manifestPointsOnlyAtInstalledFiles() {
        assertEquals("teaflow", installedManifest.get("name"), "name in the installed package.json");
        Object version = installedManifest.get("version");
        assertTrue(version instanceof String text && !text.isEmpty(), "version in the installed package.json: " + version);
        Object dependencies = installedManifest.get("dependencies");
        assertTrue(dependencies == null || (dependencies instanceof Map<?, ?> map && map.isEmpty()),
                "the package should have no runtime dependencies, has: " + dependencies);

        List<String> targets = new ArrayList<>();
        for (String field : List.of("main", "module", "types")) {
            targets.add(field + " -> " + installedManifest.get(field));
        }
        Object exports = installedManifest.get("exports");
        assertTrue(exports instanceof Map<?, ?>, "the installed package.json should have an exports map, has: " + exports);
        collectTargets("exports", exports, targets);
        List<Executable> checks = new ArrayList<>();
        for (String target : targets) {
            String path = target.substring(target.indexOf(" -> ") + 4);
            checks.add(() -> {
                assertTrue(path.startsWith("./"), target + ": should be a ./ path inside the package");
                assertTrue(Files.isRegularFile(app.resolve(PACKAGE).resolve(path.substring(2)).normalize()),
                        target + ": no such file in the installed package");
            });
        }
        assertAll("files named by the installed package.json " + targets, checks);
    }

    private static void collectTargets(String where, Object value, List<String> targets) {
        if (value instanceof Map<?, ?> map) {
            map.forEach((key, inner) -> collectTargets(where + "[" + key + "]", inner, targets));
        } else if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                collectTargets(where + "[" + i + "]", list.get(i), targets);
            }
        } else if (value != null) {
            targets.add(where + " -> " + value);
        }
    }

    // ---- Node ----

    @Test
    void nodeEsModuleImportsThePackage() throws IOException {
        Map<String, Object> result = runNodeScenario("esm-app.mjs", NODE_ESM);
        assertScenario("node, import from 'teaflow'", "js", result,
                app.toRealPath().resolve(PACKAGE).resolve("dist/teaflow.mjs").toUri().toString());
    }

    @Test
    void binTeaflowRuntimeAndTheFbpModuleWorkFromTheInstalledPackage() throws IOException {
        // Run as npm links it (shebang and executable bit), not through node.
        Ran help = run(app, NODE_LIMIT, "sh", "-c", "./node_modules/.bin/teaflow-runtime --help");
        help.requireSuccess();
        assertTrue(help.stdout().contains("Usage: teaflow-runtime"), "teaflow-runtime --help: " + help.stdout());
        Path script = app.resolve("fbp-app.mjs");
        Files.writeString(script, """
                import { init } from 'teaflow';
                import { createFbpRuntime } from 'teaflow/fbp';
                const runtime = createFbpRuntime(await init({ backend: 'js' }));
                const replies = [];
                const client = runtime.connect(message => replies.push(message.protocol + ':' + message.command));
                await client.receive(JSON.stringify({ protocol: 'runtime', command: 'getruntime', payload: {} }));
                console.log(JSON.stringify(replies));
                """);
        Ran node = run(app, NODE_LIMIT, "node", script.getFileName().toString());
        node.requireSuccess();
        assertEquals("[\"runtime:runtime\"]", node.stdout().trim(), "getruntime through teaflow/fbp");
    }

    @Test
    void nodeCommonJsRequiresThePackage() throws IOException {
        Map<String, Object> result = runNodeScenario("cjs-app.cjs", NODE_CJS);
        assertScenario("node, require('teaflow')", "js", result,
                app.toRealPath().resolve(PACKAGE).resolve("dist/teaflow.js").toString());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"mjs", "cjs"})
    void nodeRejectsTheWasmBackend(String kind) throws IOException {
        String header = kind.equals("mjs") ? "import { init } from 'teaflow';\n" : "'use strict';\nconst { init } = require('teaflow');\n";
        Path script = app.resolve("wasm-app." + kind);
        Files.writeString(script, header + NODE_WASM_BODY);
        Ran node = run(app, NODE_LIMIT, "node", script.getFileName().toString());
        Map<String, Object> outcome = node.result();
        String where = "node (" + kind + "), init({backend:'wasm'}): " + outcome + "\n" + node.describe();
        assertEquals(false, outcome.get("threwSynchronously"), where + "\ninit should return a promise, not throw");
        assertEquals(true, outcome.get("returnedPromise"), where + "\ninit should return a Promise");
        assertEquals(true, outcome.get("rejected"), where + "\nthe promise should reject (Node 20 has no WebAssembly GC)");
        assertEquals(true, outcome.get("isError"), where + "\nthe rejection should be an Error");
        Object message = outcome.get("message");
        assertTrue(message instanceof String text && text.contains("WebAssembly GC"),
                where + "\nthe message should say WebAssembly GC is missing");
        assertEquals("js", outcome.get("autoBackend"), where + "\ninit() ('auto') afterwards should give the JS backend");
    }

    private static Map<String, Object> runNodeScenario(String fileName, String template) throws IOException {
        Files.writeString(app.resolve(fileName), template.replace("%SCENARIO%", SCENARIO));
        Ran node = run(app, NODE_LIMIT, "node", fileName);
        Map<String, Object> report = node.result();
        if (!Boolean.TRUE.equals(report.get("ok"))) {
            fail("node " + fileName + " failed: " + report.get("message") + "\n" + node.describe());
        }
        return asObject(report.get("result"), node.describe());
    }

    // ---- Chromium ----

    @TeaflowPageTest
    void browserLoadsTheInstalledScript(TeaflowPage page) throws IOException {
        runPage(page, "script-tag.html", PAGE_SCRIPT_TAG, "/" + PACKAGE + "/dist/teaflow.js", null);
    }

    @TeaflowPageTest
    void browserImportsTheInstalledModuleThroughAnImportMap(TeaflowPage page) throws IOException {
        runPage(page, "import-map.html", PAGE_IMPORT_MAP, "/" + PACKAGE + "/dist/teaflow.mjs",
                page.serverUrl("/" + PACKAGE + "/dist/teaflow.mjs"));
    }

    private static void runPage(TeaflowPage page, String fileName, String template, String library, String resolved) throws IOException {
        String backend = page.backend();
        Files.writeString(app.resolve(fileName), template.replace("%UNCAUGHT%", PAGE_UNCAUGHT).replace("%SCENARIO%", SCENARIO.indent(4)));
        String where = "[" + backend + "] " + fileName;
        List<String> responses = Collections.synchronizedList(new ArrayList<>());
        List<String> failedRequests = Collections.synchronizedList(new ArrayList<>());
        String origin = page.serverUrl("/").replaceFirst("/$", "");
        page.playwright().onResponse(response -> {
            if (response.url().startsWith(origin)) {
                responses.add(response.status() + " " + URI.create(response.url()).getPath());
            }
        });
        page.playwright().onRequestFailed(request -> failedRequests.add(request.url() + ": " + request.failure()));
        page.open(fileName);
        try {
            page.playwright().waitForFunction("() => window.__result !== undefined", null,
                    new Page.WaitForFunctionOptions().setTimeout(PAGE_RESULT_TIMEOUT_MS));
        } catch (TimeoutError e) {
            fail(where + " set no window.__result within " + (int) PAGE_RESULT_TIMEOUT_MS + " ms\npage errors: "
                    + page.pageErrors() + "\nresponses: " + responses + "\nfailed requests: " + failedRequests);
        }
        String json = (String) page.evaluate("() => window.__result");
        List<String> pageErrors = page.pageErrors();
        String context = "\npage errors: " + pageErrors + "\nresponses: " + responses
                + "\nfailed requests: " + failedRequests;
        Map<String, Object> report = Json.parseObject(json);
        if (!Boolean.TRUE.equals(report.get("ok"))) {
            fail(where + " failed: " + report.get("message") + context);
        }
        assertScenario(where, backend, asObject(report.get("result"), json), resolved);
        assertEquals(List.of(), pageErrors, where + ": errors the page reported");
        List<String> snapshot;
        synchronized (responses) {
            snapshot = List.copyOf(responses);
        }
        String wasm = "/" + PACKAGE + "/dist/teaflow.wasm";
        String loader = "/" + PACKAGE + "/dist/teaflow-wasm-runtime.mjs";
        // The JavaScript backend beside the entry: teaflow-js-backend.js for the script, .mjs for the module.
        String jsBackend = library.replaceFirst("/teaflow(\\.m?js)$", "/teaflow-js-backend$1");
        assertAll(where + ": the page's requests" + context,
                () -> assertEquals(List.of(), failedRequests, "failed requests"),
                () -> assertEquals(List.of(), snapshot.stream().filter(line -> !line.startsWith("2")).toList(),
                        "responses other than 2xx"),
                () -> assertTrue(snapshot.contains("200 " + library), "the library should be loaded from " + library),
                () -> {
                    if (backend.equals("wasm")) {
                        assertTrue(snapshot.contains("200 " + wasm) && snapshot.contains("200 " + loader),
                                "backend wasm should fetch " + wasm + " and " + loader + " from beside the script");
                        assertTrue(snapshot.stream().noneMatch(line -> line.contains("/teaflow-js-backend.")),
                                "backend wasm should not fetch the JavaScript backend");
                    } else {
                        assertTrue(snapshot.stream().noneMatch(line -> line.endsWith(".wasm") || line.endsWith(loader)),
                                "backend " + backend + " should not fetch the wasm build");
                        assertTrue(snapshot.contains("200 " + jsBackend),
                                "backend " + backend + " should fetch " + jsBackend + " from beside the script");
                    }
                });
    }

    // ---- what every run of the scenario must have seen ----

    private static void assertScenario(String where, String backend, Map<String, Object> r, String resolved) {
        Object version = installedManifest.get("version");
        List<Executable> checks = new ArrayList<>(List.of(
                () -> assertEquals(backend, r.get("backend"), "Api.backend"),
                () -> assertEquals(version, r.get("version"), "Api.version vs the installed package.json"),
                () -> assertEquals(version, r.get("exportedVersion"), "the exported version vs the installed package.json"),
                () -> assertEquals(true, r.get("sameApi"), "init twice should resolve to the same Api"),
                () -> assertTrue(r.get("components") instanceof List<?> names
                                && names.containsAll(List.of("core/Counter", "core/Collect")),
                        "components() should name core/Counter and core/Collect: " + r.get("components")),
                () -> assertEquals(true, r.get("chainable"), "registerActor/addNode/addConnection/addInitial should return the network"),
                () -> assertEquals(List.of(), r.get("errors"), "error events"),
                () -> assertEquals(2.0, r.get("runs"), "state 'runs' of the JS actor (its initial state 0, then one per packet)"),
                () -> assertEquals(List.of(true, true), r.get("actorHandles"),
                        "per run: this.state === context.state === net.state(node)"),
                () -> assertEquals(20.0, r.get("count"), "core/Counter's count with step 10 set from JS"),
                () -> assertEquals(List.of(10.0, 20.0), r.get("counts"), "what core/Counter sent"),
                () -> assertEquals(List.of(42.0, 10.0), r.get("all"), "core/Collect's items (initial 21 and sent 5, doubled)"),
                () -> assertEquals(true, r.get("sameItemsArray"), "core/Collect should push onto the array set from JS"),
                () -> assertEquals(true, r.get("sameHandle"), "net.state(id) === net.state(id)"),
                () -> assertEquals(true, r.get("isHandle"), "net.state(id) instanceof Api.LiveMemoryStateHandle")));
        if (resolved != null) {
            checks.add(() -> assertEquals(resolved, r.get("resolved"), "what 'teaflow' resolved to"));
        }
        assertAll(where + "\nresult: " + r, checks);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asObject(Object value, String context) {
        if (!(value instanceof Map<?, ?>)) {
            fail("expected a result object, got " + value + "\n" + context);
        }
        return (Map<String, Object>) value;
    }

    // ---- processes ----

    /** A finished process: its command, exit code, output and how long it took. */
    private record Ran(String directory, List<String> command, int exitCode, String stdout, String stderr, long millis) {
        String describe() {
            return "$ (cd " + directory + " && " + String.join(" ", command) + ")  -> exit " + exitCode + " after " + millis + " ms"
                    + "\n--- stdout ---\n" + stdout + "\n--- stderr ---\n" + stderr + "\n---";
        }

        void requireSuccess() {
            if (exitCode != 0) {
                fail(describe());
            }
        }

        /**
         * The object a Node script printed on its one "RESULT " line; the script must exit 0 and write
         * nothing to stderr (the library should not warn or log on ordinary use).
         */
        Map<String, Object> result() {
            List<String> lines = stdout.lines().filter(line -> line.startsWith("RESULT ")).toList();
            if (lines.size() != 1) {
                fail("expected one RESULT line, got " + lines.size() + "\n" + describe());
            }
            Map<String, Object> result;
            try {
                result = Json.parseObject(lines.get(0).substring("RESULT ".length()));
            } catch (IllegalArgumentException e) {
                throw new AssertionError(e.getMessage() + "\n" + describe(), e);
            }
            if (exitCode != 0) {
                fail("the script reported " + result + " but exited " + exitCode + "\n" + describe());
            }
            if (!stderr.isBlank()) {
                fail("the script wrote to stderr\n" + describe());
            }
            return result;
        }
    }

    /**
     * Runs a command with no input, output captured to files (no pipe can fill up and block it), and a
     * time limit after which it is killed and the test fails with what it printed so far. npm gets a
     * private cache in the temp dir and no notifier; Node gets no NODE_OPTIONS from the caller.
     */
    private static Ran run(Path directory, Duration limit, String... command) {
        try {
            Path logs = Files.createDirectories(tmp.resolve("logs"));
            Path out = Files.createTempFile(logs, command[0], ".out");
            Path err = Files.createTempFile(logs, command[0], ".err");
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(directory.toFile())
                    .redirectOutput(out.toFile())
                    .redirectError(err.toFile());
            Map<String, String> env = builder.environment();
            env.remove("NODE_OPTIONS");
            env.put("npm_config_cache", tmp.resolve("npm-cache").toString());
            env.put("npm_config_update_notifier", "false");
            env.put("npm_config_fund", "false");
            env.put("npm_config_audit", "false");
            long start = System.nanoTime();
            Process process;
            try {
                process = builder.start();
            } catch (IOException e) {
                throw new AssertionError("cannot start " + String.join(" ", command) + " (is it on the PATH?): " + e.getMessage(), e);
            }
            process.getOutputStream().close();
            boolean finished = process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS);
            if (!finished) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
            }
            long millis = (System.nanoTime() - start) / 1_000_000;
            Ran ran = new Ran(directory.toString(), List.of(command), finished ? process.exitValue() : -1,
                    Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8), millis);
            if (!finished) {
                fail("timed out after " + limit.toSeconds() + " s and was killed\n" + ran.describe());
            }
            return ran;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while running " + String.join(" ", command), e);
        }
    }
}
