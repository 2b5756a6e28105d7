package io.teaflow.maven;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * TeaVM's WebAssembly loader with its dynamic imports hidden from bundlers. The Node-only
 * {@code import("node:fs/promises")} (used only when told to read the module from disk) fails a
 * webpack 5 web build and makes Vite warn, and imports of computed URLs make webpack warn "Critical
 * dependency". A non-literal specifier with the bundlers' ignore comments is left alone by all of
 * them. And its {@code load} also takes a {@code WebAssembly.Module} already compiled, so that
 * {@code init()} can start downloading and compiling {@code teaflow.wasm} while the loader itself is
 * still being fetched (the module says so by exporting {@link #ACCEPTS_MODULE}); the code is
 * otherwise TeaVM's.
 */
final class WasmLoaderPatch {
    private static final String NODE_IMPORT = "import(\"node:fs/promises\")";
    private static final Pattern COMPUTED_IMPORT = Pattern.compile("\\bimport\\((?=[A-Za-z_$\\[])");
    private static final Pattern UNMARKED_IMPORT = Pattern.compile("\\bimport\\((?!/\\* webpackIgnore)");

    /** The export by which the patched loader says that {@code load} takes a compiled module. */
    static final String ACCEPTS_MODULE = "teaflowAcceptsCompiledModule";
    /**
     * TeaVM's {@code compileModule(src, isNodeJs)} (minified or not): bytes go to
     * {@code WebAssembly.compile}, a string is a path to fetch and compile.
     */
    private static final Pattern COMPILE_MODULE = Pattern.compile(
            "(async function [\\w$]+\\(([\\w$]+),\\s*[\\w$]+\\)\\s*\\{\\s*)(if\\s*\\(typeof \\2\\s*!==\\s*\"string\"\\)\\s*\\{\\s*"
            + "return await WebAssembly\\.compile\\()");

    private WasmLoaderPatch() {
    }

    /** {@link #forBundlers} and {@link #acceptingCompiledModules}: what the bundle ships. */
    static String forTeaflow(String loader) {
        return acceptingCompiledModules(forBundlers(loader));
    }

    /** The loader whose {@code load(source)} returns a {@code WebAssembly.Module} source as it is. */
    static String acceptingCompiledModules(String loader) {
        Matcher compile = COMPILE_MODULE.matcher(loader);
        if (!compile.find()) {
            throw new IllegalStateException("teaflow-wasm-runtime.mjs: its compileModule(src, isNodeJs) was not found"
                    + " (TeaVM changed its loader?)");
        }
        int at = compile.start(3);
        String source = compile.group(2);
        if (compile.find()) {
            throw new IllegalStateException("teaflow-wasm-runtime.mjs: more than one compileModule(src, isNodeJs)"
                    + " (TeaVM changed its loader?)");
        }
        return loader.substring(0, at) + "if (" + source + " instanceof WebAssembly.Module) { return " + source + "; }"
                + loader.substring(at) + "\nexport const " + ACCEPTS_MODULE + " = true;\n";
    }

    static String forBundlers(String loader) {
        int first = loader.indexOf(NODE_IMPORT);
        if (first < 0 || loader.indexOf(NODE_IMPORT, first + 1) >= 0) {
            throw new IllegalStateException("teaflow-wasm-runtime.mjs: expected exactly one " + NODE_IMPORT
                    + " to hide from bundlers (TeaVM changed its loader?)");
        }
        String hidden = loader.replace(NODE_IMPORT, "import([\"node:fs\", \"promises\"].join(\"/\"))");
        String patched = COMPUTED_IMPORT.matcher(hidden)
                .replaceAll(Matcher.quoteReplacement("import(/* webpackIgnore: true */ /* @vite-ignore */ "));
        if (UNMARKED_IMPORT.matcher(patched).find()) {
            throw new IllegalStateException("teaflow-wasm-runtime.mjs: a dynamic import() was left for bundlers to resolve"
                    + " (TeaVM changed its loader?)");
        }
        return patched;
    }
}
