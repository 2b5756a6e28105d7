package io.teaflow.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Running Terser over a bundle's file with a stand-in for it: what it is asked, what replaces
 * what, and a failure that names the command and leaves the file as it was. (BundleGoalIT runs the
 * real Terser over a whole bundle and loads it in Chromium.)
 */
class JsMinifierTest {
    /**
     * Writes its arguments to {@code args} in the bundle directory, "minified" to the --output and,
     * with --source-map, a map beside it: "chained" when told to read the input's map and it is there.
     */
    private static final String STAND_IN = ""
            + "printf '%s\\n' \"$@\" > \"$BUNDLE/args\"\n"
            + "prev=; for a; do [ \"$prev\" = --output ] && out=\"$a\"; [ \"$prev\" = --source-map ] && map=\"$a\"; prev=\"$a\"; done\n"
            + "printf 'minified\\n' > \"$out\"\n"
            + "case \"$map\" in '') ;; content=*) [ -f \"$1.map\" ] && echo chained > \"$out.map\";; *) echo new > \"$out.map\";; esac\n";

    @TempDir
    Path dir;

    private final List<String> warnings = new ArrayList<>();

    @Test
    void theMinifiedFileReplacesTheFileAndChainsItsMap() throws Exception {
        Path bundle = Files.createDirectories(dir.resolve("bundle"));
        Files.writeString(bundle.resolve("b.js"), "//# allFunctionsCalledOnLoad\ncode();\n//# sourceMappingURL=b.js.map\n");
        Files.writeString(bundle.resolve("b.js.map"), "{\"teavm\":1}");
        JsMinifier minifier = new JsMinifier(tool(bundle, STAND_IN), dir.resolve("work"), warnings::add);

        assertEquals(List.of("b.js.map", "b.js"), minifier.minify(bundle, "b.js", true));

        assertEquals("minified\n", Files.readString(bundle.resolve("b.js")));
        assertEquals("chained\n", Files.readString(bundle.resolve("b.js.map")), "Terser did not get the input's map");
        List<String> args = Files.readAllLines(bundle.resolve("args"));
        List<String> expected = new ArrayList<>(List.of("src/b.js"));
        expected.addAll(JsMinifier.FLAGS);
        expected.addAll(List.of("--format", "preamble='//# allFunctionsCalledOnLoad'", "--source-map",
                "content='src/b.js.map',url='b.js.map',includeSources", "--output", "b.js"));
        assertEquals(expected, args);
        assertEquals(List.of(), warnings);
    }

    @Test
    void aFileWithoutAMapGetsOneOnlyWhenAsked() throws Exception {
        Path bundle = Files.createDirectories(dir.resolve("bundle"));
        Files.writeString(bundle.resolve("e.js"), "/*! banner */\nentry();\n");
        JsMinifier minifier = new JsMinifier(tool(bundle, STAND_IN), dir.resolve("work"), warnings::add);
        assertEquals(List.of("e.js.map", "e.js"), minifier.minify(bundle, "e.js", true));
        assertEquals("new\n", Files.readString(bundle.resolve("e.js.map")));
        List<String> args = Files.readAllLines(bundle.resolve("args"));
        assertFalse(args.contains("--format"), "a preamble for a file without a leading hint: " + args);
        assertTrue(args.contains("url='e.js.map',includeSources"), args.toString());

        Files.writeString(bundle.resolve("e.js"), "entry();\n");
        assertEquals(List.of("e.js"), minifier.minify(bundle, "e.js", false));
        assertFalse(Files.exists(bundle.resolve("e.js.map")), "the map of an earlier build is left beside a file without one");
        assertFalse(Files.readAllLines(bundle.resolve("args")).contains("--source-map"));
    }

    @Test
    void aMapLeftBesideAFileThatDoesNotNameItIsNotChained() throws Exception {
        Path bundle = Files.createDirectories(dir.resolve("bundle"));
        // As an earlier minified build leaves it: teaflow.js.map beside a newly written, unminified teaflow.js.
        Files.writeString(bundle.resolve("e.js"), "entry();\n");
        Files.writeString(bundle.resolve("e.js.map"), "{\"of\":\"an earlier build\"}");
        JsMinifier minifier = new JsMinifier(tool(bundle, STAND_IN), dir.resolve("work"), warnings::add);
        minifier.minify(bundle, "e.js", true);
        assertEquals("new\n", Files.readString(bundle.resolve("e.js.map")), "chained through a stale map");
        assertTrue(Files.readAllLines(bundle.resolve("args")).contains("url='e.js.map',includeSources"));
    }

    @Test
    void aModuleIsMinifiedAsOne() throws Exception {
        Path bundle = Files.createDirectories(dir.resolve("bundle"));
        Files.writeString(bundle.resolve("m.mjs"), "export function create() {}\n");
        Files.writeString(bundle.resolve("c.js"), "create();\n");
        JsMinifier minifier = new JsMinifier(tool(bundle, STAND_IN), dir.resolve("work"), warnings::add);
        minifier.minify(bundle, "m.mjs", false);
        assertEquals("--module", Files.readAllLines(bundle.resolve("args")).get(1));
        minifier.minify(bundle, "c.js", false);
        assertFalse(Files.readAllLines(bundle.resolve("args")).contains("--module"), "a classic script minified as a module");
    }

    @Test
    void aFailingRunIsABuildFailureWithItsOutputAndTheFileIsUntouched() throws Exception {
        Path bundle = Files.createDirectories(dir.resolve("bundle"));
        Files.writeString(bundle.resolve("e.js"), "entry(;\n");
        JsMinifier minifier = new JsMinifier(tool(bundle, "echo 'Parse error at src/e.js:1,6' >&2\nexit 1\n"),
                dir.resolve("work"), warnings::add);
        MojoFailureException e = assertThrows(MojoFailureException.class, () -> minifier.minify(bundle, "e.js", true));
        assertTrue(e.getMessage().contains("terser failed (exit 1)"), e.getMessage());
        assertTrue(e.getMessage().contains("Parse error at src/e.js:1,6"), e.getMessage());
        assertEquals("entry(;\n", Files.readString(bundle.resolve("e.js")));
        assertFalse(Files.exists(bundle.resolve("e.js.map")));
    }

    @Test
    void aRunThatWritesNothingIsAFailure() throws Exception {
        Path bundle = Files.createDirectories(dir.resolve("bundle"));
        Files.writeString(bundle.resolve("e.js"), "entry();\n");
        JsMinifier minifier = new JsMinifier(tool(bundle, "exit 0\n"), dir.resolve("work"), warnings::add);
        MojoFailureException e = assertThrows(MojoFailureException.class, () -> minifier.minify(bundle, "e.js", false));
        assertTrue(e.getMessage().contains("it wrote no "), e.getMessage());
        assertEquals("entry();\n", Files.readString(bundle.resolve("e.js")));
    }

    @Test
    void whatTerserPrintsIsPassedOnAsAWarning() throws Exception {
        Path bundle = Files.createDirectories(dir.resolve("bundle"));
        Files.writeString(bundle.resolve("e.js"), "entry();\n");
        JsMinifier minifier = new JsMinifier(tool(bundle, "echo 'WARN: Dropping unused variable x'\n" + STAND_IN),
                dir.resolve("work"), warnings::add);
        minifier.minify(bundle, "e.js", false);
        assertEquals(List.of("Terser on e.js:\nWARN: Dropping unused variable x"), warnings);
    }

    @Test
    void aMissingToolIsNamed() {
        File missing = dir.resolve("no-such-terser").toFile();
        MojoFailureException e = assertThrows(MojoFailureException.class, () -> new JsMinifier(missing, dir, warnings::add));
        assertTrue(e.getMessage().contains("<terser> " + missing + " is not a file"), e.getMessage());
    }

    @Test
    void onlyALeadingHintLineIsKeptFirst() {
        assertEquals("//# allFunctionsCalledOnLoad", JsMinifier.leadingHint("//# allFunctionsCalledOnLoad\ncode();"));
        assertNull(JsMinifier.leadingHint("//# sourceMappingURL=a.js.map\n"));
        assertNull(JsMinifier.leadingHint("code();\n//# allFunctionsCalledOnLoad\n"));
        assertNull(JsMinifier.leadingHint("// a comment\n"));
        // Not a name Terser's preamble option could take as it is.
        assertNull(JsMinifier.leadingHint("//# it's'\n"));
    }

    /** A stand-in for Terser: a shell script that knows the bundle directory as $BUNDLE. */
    private File tool(Path bundle, String body) throws IOException {
        Path file = dir.resolve("fake-terser");
        Files.writeString(file, "#!/bin/sh\nBUNDLE='" + bundle + "'\n" + body, StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwx------"));
        return file.toFile();
    }
}
