package io.teaflow.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.teaflow.testing.TeaflowPage;
import io.teaflow.testing.TeaflowPageTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;

/**
 * What init() gives a page at run time has exactly the members dist/teaflow.d.ts declares, on every
 * backend: each declared member exists, and nothing reachable is undeclared. The declarations are
 * read with the TypeScript compiler API (test-harness/node/declared-members.mjs); the run-time
 * members are listed in Chromium by browser/runtime-members.js, which leaves out, by stated rules,
 * only what the language gives every function and TeaVM's own bookkeeping.
 */
class DeclaredMembersTest {
    /**
     * Each run-time object and the declaration it must match: the script's global against
     * teaflow.d.ts ({@code export =}, no {@code default}), the ES module's namespace against
     * teaflow.d.mts (named exports and the default export), the rest against both alike.
     */
    private static final List<Surface> SURFACES = List.of(
            new Surface("global", "the global Teaflow of dist/teaflow.js", "exports", Set.of("default")),
            new Surface("namespace", "the namespace of dist/teaflow.mjs", "exports", Set.of()),
            new Surface("Api", "the Api init() resolves to", "Api", Set.of()),
            new Surface("NetworkConstructor", "Api.Network (static members)", "NetworkConstructor", Set.of()),
            new Surface("Network", "a Network", "Network", Set.of()),
            new Surface("LiveMemoryStateHandleConstructor", "Api.LiveMemoryStateHandle (static members)",
                    "LiveMemoryStateHandleConstructor", Set.of()),
            new Surface("LiveMemoryStateHandle", "a LiveMemoryStateHandle", "LiveMemoryStateHandle", Set.of()),
            new Surface("ActorContext", "the context an actor's run receives", "ActorContext", Set.of()));

    /** What dist/teaflow.d.ts declares: the script global and CommonJS module, and every type. */
    private static Map<?, ?> declared;
    /** What dist/teaflow.d.mts declares: the ES module's exports (its default export included). */
    private static Map<?, ?> declaredEsm;

    @BeforeAll
    static void readDeclarations() throws IOException, InterruptedException {
        RepoRoot.requireFile("node_modules/typescript/package.json");
        declared = declarationsOf("dist/teaflow.d.ts");
        declaredEsm = declarationsOf("dist/teaflow.d.mts");
    }

    private static Map<?, ?> declarationsOf(String typings) throws IOException, InterruptedException {
        RepoRoot.requireFile(typings);
        Process node = new ProcessBuilder("node", RepoRoot.resolve("test-harness/node/declared-members.mjs").toString(),
                RepoRoot.resolve(typings).toString())
                .directory(RepoRoot.path().toFile()).redirectErrorStream(true).start();
        assertTrue(node.waitFor(60, TimeUnit.SECONDS), "declared-members.mjs did not finish in 60 s");
        String output = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertEquals(0, node.exitValue(), output);
        return (Map<?, ?>) Json.parse(output.substring(output.lastIndexOf('\n') + 1));
    }

    @TeaflowPageTest
    void runtimeMembersAreExactlyTheDeclaredOnes(TeaflowPage page) {
        RepoRoot.requireFile("dist/teaflow.js");
        String backend = page.backend();
        page.open("test-harness/browser/members.html");
        Map<?, ?> runtime = (Map<?, ?>) page.evaluate("() => window.__runtimeMembers()");
        assertEquals(backend, runtime.get("backend"), "the backend loaded");
        Map<?, ?> surfaces = (Map<?, ?>) runtime.get("surfaces");
        List<String> mismatches = new ArrayList<>();
        for (Surface surface : SURFACES) {
            Map<?, ?> typings = surface.key().equals("namespace") ? declaredEsm : declared;
            Set<String> expected = names(surface.declaredAs().equals("exports")
                    ? typings.get("exports") : ((Map<?, ?>) typings.get("types")).get(surface.declaredAs()));
            expected.removeAll(surface.notAtRunTime());
            Set<String> actual = names(surfaces.get(surface.key()));
            Set<String> missing = new TreeSet<>(expected);
            missing.removeAll(actual);
            Set<String> undeclared = new TreeSet<>(actual);
            undeclared.removeAll(expected);
            if (!missing.isEmpty()) {
                mismatches.add(surface.what() + " lacks what " + surface.declaredAs() + " declares: " + missing);
            }
            if (!undeclared.isEmpty()) {
                mismatches.add(surface.what() + " has members " + surface.declaredAs() + " does not declare: " + undeclared);
            }
        }
        if (!mismatches.isEmpty()) {
            fail("[" + backend + "] run time and " + declared.get("file") + " differ:\n  " + String.join("\n  ", mismatches)
                    + "\n(left out at run time by the rules of runtime-members.js: " + runtime.get("excluded") + ")");
        }
        page.assertNoPageErrors();
    }

    private static Set<String> names(Object list) {
        Set<String> names = new TreeSet<>();
        ((List<?>) list).forEach(name -> names.add(String.valueOf(name)));
        return names;
    }

    /** A run-time object (its key in runtime-members.js), what it is, and the declared type (or "exports") it must match. */
    private record Surface(String key, String what, String declaredAs, Set<String> notAtRunTime) {
    }
}
