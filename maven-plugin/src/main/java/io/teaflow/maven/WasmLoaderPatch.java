package io.teaflow.maven;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * TeaVM's WebAssembly loader with its dynamic imports hidden from bundlers. The Node-only
 * {@code import("node:fs/promises")} (used only when told to read the module from disk) fails a
 * webpack 5 web build and makes Vite warn, and imports of computed URLs make webpack warn "Critical
 * dependency". A non-literal specifier with the bundlers' ignore comments is left alone by all of
 * them; the code is otherwise TeaVM's.
 */
final class WasmLoaderPatch {
    private static final String NODE_IMPORT = "import(\"node:fs/promises\")";
    private static final Pattern COMPUTED_IMPORT = Pattern.compile("\\bimport\\((?=[A-Za-z_$\\[])");
    private static final Pattern UNMARKED_IMPORT = Pattern.compile("\\bimport\\((?!/\\* webpackIgnore)");

    private WasmLoaderPatch() {
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
