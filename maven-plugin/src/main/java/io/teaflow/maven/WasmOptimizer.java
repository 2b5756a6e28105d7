package io.teaflow.maven;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.MojoFailureException;

/**
 * Binaryen's {@code wasm-opt} over TeaVM's WebAssembly GC module, for size ({@code -Oz}): TeaVM
 * leaves dead code, unused imports and unshortened control flow that wasm-opt removes (the stock
 * module: 11 % smaller gzipped). {@code -g} keeps the name section, so {@code teaflow.debug.wasm}
 * still names the Java methods of the same code that {@code teaflow.wasm} runs. Optional: only when
 * the bundle names a wasm-opt (the npm package {@code binaryen} has one).
 */
final class WasmOptimizer {
    /**
     * The features TeaVM's module uses and Chromium ships, named one by one: with
     * {@code --all-features} wasm-opt writes types of proposals no browser ships (exact heap types),
     * and the browser refuses the module.
     */
    static final List<String> FLAGS = List.of("-Oz", "--debuginfo", "--mvp-features", "--enable-gc",
            "--enable-reference-types", "--enable-exception-handling", "--enable-bulk-memory", "--enable-bulk-memory-opt",
            "--enable-nontrapping-float-to-int", "--enable-sign-ext", "--enable-mutable-globals", "--enable-multivalue");

    private WasmOptimizer() {
    }

    /** Optimises {@code module} in place with the {@code wasmOpt} executable. */
    static void optimize(File wasmOpt, Path module) throws MojoFailureException {
        ExternalTool.requireFile(wasmOpt, "wasmOpt", "Binaryen's wasm-opt; after npm ci: node_modules/binaryen/bin/wasm-opt");
        Path optimized = module.resolveSibling(module.getFileName() + ".opt");
        List<String> command = new ArrayList<>();
        command.add(wasmOpt.getAbsolutePath());
        command.addAll(FLAGS);
        command.addAll(List.of(module.toString(), "-o", optimized.toString()));
        try {
            Files.deleteIfExists(optimized);
        } catch (IOException e) {
            throw new MojoFailureException("Teaflow bundle: cannot remove " + optimized + ": " + e, e);
        }
        String output = ExternalTool.run("wasm-opt", command, module.toAbsolutePath().getParent().toFile());
        try {
            if (!Files.isRegularFile(optimized) || Files.size(optimized) == 0) {
                throw ExternalTool.failure("wasm-opt", 0, command, output);
            }
            Files.move(optimized, module, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new MojoFailureException("Teaflow bundle: cannot replace " + module + " by wasm-opt's output: " + e, e);
        }
    }
}
