package io.teaflow.maven;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Writes a bundle from TeaVM's output and the hand-written entry (the files of Teaflow's
 * {@code dist/}):
 * <ul>
 * <li>{@code teaflow.js}: the entry as a classic script (global {@code Teaflow}), also loadable with {@code require()}</li>
 * <li>{@code teaflow.mjs}: the entry as an ES module with the same members</li>
 * <li>{@code teaflow-js-backend.js} / {@code .mjs}: TeaVM's JavaScript build, loaded by the entries on demand,
 * with source maps back to the Java sources</li>
 * <li>{@code teaflow.wasm}: the WebAssembly GC build without its name section; {@code teaflow.debug.wasm} with it</li>
 * <li>{@code teaflow-wasm-runtime.mjs}: TeaVM's loader for it, its dynamic imports hidden from bundlers</li>
 * <li>{@code teaflow.d.ts} / {@code teaflow.d.mts}: the types of {@code teaflow.js} and {@code teaflow.mjs}</li>
 * </ul>
 */
final class DistAssembler {
    /** TeaVM ends its output with a sourceMappingURL comment for its own file; ours replaces it. */
    private static final Pattern TEAVM_MAP_COMMENT = Pattern.compile("\n//# sourceMappingURL=.*\\s*$");

    private final Path outputDirectory;
    private final EntryScripts entries;
    private final WebResources resources;
    private final Function<String, SourceMapShifter.SourceFile> sources;
    private final List<String> written = new ArrayList<>();

    DistAssembler(Path outputDirectory, String version, WebResources resources,
            Function<String, SourceMapShifter.SourceFile> sources) {
        this.outputDirectory = outputDirectory;
        this.entries = new EntryScripts(version, resources);
        this.resources = resources;
        this.sources = sources;
    }

    /** The entries and typings, which every bundle has whichever backends it holds. */
    void writeEntries() throws IOException {
        Files.createDirectories(outputDirectory);
        write("teaflow.js", entries.classicEntry());
        write("teaflow.mjs", entries.moduleEntry());
        String types = resources.text("teaflow.d.ts");
        write("teaflow.d.ts", TypingsWriter.commonJs(types));
        write("teaflow.d.mts", TypingsWriter.esModule(types));
    }

    /** The JavaScript backend from TeaVM's {@code coreFile}, with source maps if TeaVM wrote one beside it. */
    void writeJsBackend(Path coreFile) throws IOException {
        String core = JsArrayCreationPatch.withLoopFilledArrays(
                TEAVM_MAP_COMMENT.matcher(Files.readString(coreFile)).replaceFirst("\n"));
        Path teavmMap = coreFile.resolveSibling(coreFile.getFileName() + ".map");
        SourceMapShifter maps = Files.exists(teavmMap) ? new SourceMapShifter(Files.readString(teavmMap), sources) : null;
        writeWithMap("teaflow-js-backend.js", entries.classicBackend(core), core, maps);
        writeWithMap("teaflow-js-backend.mjs", entries.moduleBackend(core), core, maps);
    }

    /** The WebAssembly GC module (with its name section, as TeaVM wrote it) and its loader. */
    void writeWasmBackend(Path wasmFile, boolean minifiedLoader) throws IOException {
        byte[] module = Files.readAllBytes(wasmFile);
        write("teaflow.wasm", WasmSections.withoutCustomSection(module, "name"));
        write("teaflow.debug.wasm", module);
        write("teaflow-wasm-runtime.mjs", WasmLoaderPatch.forTeaflow(resources.wasmRuntime(minifiedLoader)));
    }

    /** Records files written beside the assembler's (by a tool run over them afterwards). */
    void addWritten(List<String> names) {
        for (String name : names) {
            if (!written.contains(name)) {
                written.add(name);
            }
        }
    }

    /** The files written so far, by name. */
    List<String> written() {
        return List.copyOf(written);
    }

    private void writeWithMap(String fileName, String text, String core, SourceMapShifter maps) throws IOException {
        Path map = outputDirectory.resolve(fileName + ".map");
        if (maps == null) {
            Files.deleteIfExists(map);
            write(fileName, text);
            return;
        }
        write(fileName + ".map", maps.mapFor(fileName, text, core));
        write(fileName, text + "//# sourceMappingURL=" + fileName + ".map\n");
    }

    private void write(String fileName, String text) throws IOException {
        write(fileName, text.getBytes(StandardCharsets.UTF_8));
    }

    private void write(String fileName, byte[] bytes) throws IOException {
        Files.write(outputDirectory.resolve(fileName), bytes);
        written.add(fileName);
    }
}
