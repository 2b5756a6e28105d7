package io.teaflow.maven;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
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
    private static final long TIMEOUT_MINUTES = 10;

    private WasmOptimizer() {
    }

    /** Optimises {@code module} in place with the {@code wasmOpt} executable. */
    static void optimize(File wasmOpt, Path module) throws MojoFailureException {
        if (!wasmOpt.isFile()) {
            throw new MojoFailureException("Teaflow bundle: <wasmOpt> " + wasmOpt + " is not a file (Binaryen's wasm-opt;"
                    + " after npm ci: node_modules/binaryen/bin/wasm-opt)");
        }
        Path optimized = module.resolveSibling(module.getFileName() + ".opt");
        List<String> command = new java.util.ArrayList<>();
        command.add(wasmOpt.getAbsolutePath());
        command.addAll(FLAGS);
        command.addAll(List.of(module.toString(), "-o", optimized.toString()));
        String output;
        int exit;
        try {
            Files.deleteIfExists(optimized);
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getOutputStream().close();
            ByteArrayOutputStream printed = new ByteArrayOutputStream();
            Thread reader = new Thread(() -> copy(process.getInputStream(), printed), "wasm-opt output");
            reader.start();
            if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new MojoFailureException("Teaflow bundle: wasm-opt did not finish in " + TIMEOUT_MINUTES + " minutes: "
                        + String.join(" ", command));
            }
            reader.join();
            exit = process.exitValue();
            output = printed.toString(StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new MojoFailureException("Teaflow bundle: cannot run wasm-opt (" + String.join(" ", command) + "): " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MojoFailureException("Teaflow bundle: interrupted while wasm-opt ran", e);
        }
        try {
            if (exit != 0 || !Files.isRegularFile(optimized) || Files.size(optimized) == 0) {
                throw new MojoFailureException("Teaflow bundle: wasm-opt failed (exit " + exit + "): " + String.join(" ", command)
                        + (output.isEmpty() ? "" : "\n" + output));
            }
            Files.move(optimized, module, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new MojoFailureException("Teaflow bundle: cannot replace " + module + " by wasm-opt's output: " + e, e);
        }
    }

    private static void copy(InputStream in, ByteArrayOutputStream out) {
        try (in) {
            in.transferTo(out);
        } catch (IOException e) {
            // The exit code says what went wrong; the output is only its detail.
        }
    }
}
