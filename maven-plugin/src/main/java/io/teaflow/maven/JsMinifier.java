package io.teaflow.maven;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.apache.maven.plugin.MojoFailureException;

/**
 * Terser over a bundle's JavaScript files, in place: whitespace, syntax, dead code and local names
 * (TeaVM already shortens its own names; the stock entries and JS backend: 53.7 -> 47.7 KB
 * gzipped). Top-level names of a classic script and the exports of a module stay as they are, and
 * so do the comments bundlers read in {@code import()} ({@code webpackIgnore}, {@code @vite-ignore};
 * esbuild's minifier drops them) and the licence banner. A file with a source map keeps one that
 * leads through the minified code back to the same sources (Terser reads the input's map); a file
 * without gets one of its unminified text when {@code sourceMaps} is on. A leading {@code //#}
 * hint line (the JS backend's compile hint) stays first. Optional: only when the bundle names Terser.
 */
final class JsMinifier {
    /** What Terser is asked to do besides reading and writing the files. */
    static final List<String> FLAGS = List.of("--compress", "passes=2", "--mangle", "--comments", "/webpackIgnore|@vite-ignore|^!/");
    /** The hint lines kept first: {@code //#}, a name, an optional {@code =value} (safe inside Terser's option syntax). */
    private static final Pattern HINT = Pattern.compile("//# [A-Za-z][\\w.=-]*");

    private final File terser;
    private final Path work;
    private final Consumer<String> warnings;

    /**
     * @param terser Terser's command-line tool, as given by the bundle's {@code <terser>}
     * @param work a directory of the build's own, for the copies Terser reads and writes
     * @param warnings gets what Terser printed for a file, if anything
     */
    JsMinifier(File terser, Path work, Consumer<String> warnings) throws MojoFailureException {
        ExternalTool.requireFile(terser, "terser", "Terser's command-line tool; after npm ci: node_modules/.bin/terser");
        this.terser = terser;
        this.work = work;
        this.warnings = warnings;
    }

    /**
     * Minifies {@code directory/fileName}; with {@code sourceMap}, writes or replaces
     * {@code fileName.map} beside it.
     *
     * @return the names of the files written
     */
    List<String> minify(Path directory, String fileName, boolean sourceMap) throws MojoFailureException {
        Path file = directory.resolve(fileName);
        Path map = directory.resolve(fileName + ".map");
        // Terser names a source by its path as given: "src/teaflow.js" for an entry's own text.
        Path source = work.resolve("src").resolve(fileName);
        Path minified = work.resolve(fileName);
        String text;
        boolean chainsMap;
        try {
            Files.createDirectories(source.getParent());
            text = Files.readString(file, StandardCharsets.UTF_8);
            // Only a map the file names is its own: one left beside it by an earlier build is not.
            chainsMap = text.contains("\n//# sourceMappingURL=" + fileName + ".map") && Files.exists(map);
            Files.writeString(source, text, StandardCharsets.UTF_8);
            Files.deleteIfExists(source.resolveSibling(fileName + ".map"));
            if (chainsMap) {
                Files.copy(map, source.resolveSibling(fileName + ".map"));
            }
            Files.deleteIfExists(minified);
            Files.deleteIfExists(minified.resolveSibling(fileName + ".map"));
        } catch (IOException e) {
            throw new MojoFailureException("Teaflow bundle: cannot prepare " + file + " for Terser in " + work + ": " + e, e);
        }
        List<String> command = new ArrayList<>(List.of(terser.getAbsolutePath(), "src/" + fileName));
        if (fileName.endsWith(".mjs")) {
            command.add("--module");
        }
        command.addAll(FLAGS);
        String hint = leadingHint(text);
        if (hint != null) {
            command.addAll(List.of("--format", "preamble='" + hint + "'"));
        }
        if (sourceMap) {
            // With the input's map, Terser's leads through it to the same sources (their texts kept
            // inline, as they were); else to the input itself.
            command.addAll(List.of("--source-map", (chainsMap ? "content='src/" + fileName + ".map'," : "")
                    + "url='" + fileName + ".map',includeSources"));
        }
        command.addAll(List.of("--output", fileName));
        String output = ExternalTool.run("terser", command, work.toFile());
        if (!output.isEmpty()) {
            warnings.accept("Terser on " + fileName + ":\n" + output);
        }
        List<String> written = new ArrayList<>();
        try {
            if (!Files.isRegularFile(minified) || Files.size(minified) == 0) {
                throw ExternalTool.failure("terser", 0, command, output.isEmpty() ? "it wrote no " + minified : output);
            }
            if (sourceMap) {
                Files.move(minified.resolveSibling(fileName + ".map"), map, StandardCopyOption.REPLACE_EXISTING);
                written.add(fileName + ".map");
            }
            Files.move(minified, file, StandardCopyOption.REPLACE_EXISTING);
            written.add(fileName);
            if (!sourceMap) {
                // Left from an earlier build, it would describe other code.
                Files.deleteIfExists(map);
            }
        } catch (IOException e) {
            throw new MojoFailureException("Teaflow bundle: cannot replace " + file + " by Terser's output: " + e, e);
        }
        return written;
    }

    /** A first line such as {@code //# allFunctionsCalledOnLoad}, which must stay first; null if there is none. */
    static String leadingHint(String text) {
        int end = text.indexOf('\n');
        String line = (end < 0 ? text : text.substring(0, end)).strip();
        return HINT.matcher(line).matches() && !line.startsWith("//# sourceMappingURL=") ? line : null;
    }
}
