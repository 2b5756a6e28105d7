package io.teaflow.maven;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The hand-written files every bundle is assembled from, read from the class path: the teaflow-web
 * jar carries the JS entry and typings under {@code io/teaflow/web/} and the Java sources of the
 * runtime and the bridge under {@code io/teaflow/web/sources/}.
 */
final class WebResources {
    private static final String ROOT = "io/teaflow/web/";

    private final ClassLoader loader;

    WebResources(ClassLoader loader) {
        this.loader = loader;
    }

    /** A file of the JS entry ({@code teaflow-entry.js}, {@code teaflow.d.ts}, ...); missing is a broken install. */
    String text(String name) {
        String text = read(ROOT + name);
        if (text == null) {
            throw new IllegalStateException(ROOT + name + " is not on the plugin's class path (is teaflow-web complete?)");
        }
        return text;
    }

    /** The Java source of the runtime or the bridge at {@code path} (e.g. {@code io/teaflow/runtime/Network.java}), or null. */
    String teaflowSource(String path) {
        return read(ROOT + "sources/" + path);
    }

    /** TeaVM's WebAssembly GC loader as an ES module, minified or not (what copy-webassembly-gc-runtime copies). */
    String wasmRuntime(boolean minified) {
        String name = "org/teavm/backend/wasm/wasm-gc-module-runtime" + (minified ? ".min" : "") + ".js";
        String text = read(name);
        if (text == null) {
            throw new IllegalStateException(name + " is not on the plugin's class path (is teavm-core complete?)");
        }
        return text;
    }

    private String read(String name) {
        try (InputStream in = loader.getResourceAsStream(name)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + name, e);
        }
    }
}
