package io.teaflow.maven;

/**
 * The JavaScript files of a bundle around TeaVM's output: the two entries ({@code teaflow.js}, a
 * classic script and CommonJS module; {@code teaflow.mjs}, an ES module), which hold {@code init()}
 * and find the backends without containing either, and the JavaScript backend in both module forms.
 * TeaVM's output starts a line of its own, so its source map only shifts by lines.
 */
final class EntryScripts {
    /** Where the version goes in {@code teaflow-entry.js}. */
    static final String VERSION_MARKER = "@VERSION@";

    private final String banner;
    private final String entryBody;
    private final String classicBackends;
    private final String esmBackends;

    /**
     * @param version the bundle's version, written into the banner and {@code version}
     * @param sources the hand-written JS fragments, from the teaflow-web jar
     */
    EntryScripts(String version, WebResources sources) {
        String entry = sources.text("teaflow-entry.js");
        if (!entry.contains(VERSION_MARKER)) {
            throw new IllegalStateException("teaflow-entry.js lost its " + VERSION_MARKER + " marker");
        }
        this.banner = "/*! Teaflow " + version + " | Apache-2.0 */\n";
        // The bridge's scripts go in with the entry, which hands them to each backend it loads.
        // A page downloads these without their comments (CommentStripper): the sources keep them.
        this.entryBody = script(sources, "bridge-scripts.js") + script(sources, "teaflow-entry.js").replace(VERSION_MARKER, version);
        this.classicBackends = script(sources, "classic-backends.js");
        this.esmBackends = script(sources, "esm-backends.js");
    }

    private static String script(WebResources sources, String name) {
        return CommentStripper.strip(sources.text(name), name);
    }

    /** {@code teaflow.js}: a global {@code Teaflow} in a page, {@code module.exports} under CommonJS. */
    String classicEntry() {
        return banner + """
                (function (root, factory) {
                  if (typeof module === 'object' && module && typeof module.exports === 'object') {
                    module.exports = factory(undefined, undefined, function () { return require('./teaflow-js-backend.js'); });
                    // Never runs: names the exports for Node's CommonJS lexer, so `import { init } from '.../teaflow.js'` works.
                    0 && (module.exports = { init, version });
                  } else {
                    // Where this script was loaded from: the backends are fetched from beside it.
                    var script = typeof document !== 'undefined' ? document.currentScript : null;
                    root.Teaflow = factory(script && script.src || undefined, script && script.nonce || undefined, undefined);
                  }
                }(typeof globalThis !== 'undefined' ? globalThis : this, function (scriptUrl, scriptNonce, requireJsBackend) {
                'use strict';
                """ + classicBackends + "\n" + entryBody + "\n" + """
                return Object.freeze({ init, version });
                }));
                """;
    }

    /** {@code teaflow.mjs}: the same members as named and default exports. */
    String moduleEntry() {
        return banner + esmBackends + "\n" + entryBody + "\n" + """
                export { init, version };
                export default Object.freeze({ init, version });
                """;
    }

    /**
     * V8's explicit compile hint (Chromium 136+; other engines read a comment): compile every function
     * of the file eagerly. The backend's code sits inside {@code create()}, which V8 would otherwise
     * only pre-parse while the file streams in and compile on the main thread when {@code init()}
     * calls it; with the hint the whole file is compiled on the streaming thread during the download.
     */
    static final String COMPILE_EAGERLY = "//# allFunctionsCalledOnLoad\n";

    /** {@code teaflow-js-backend.mjs}: {@code create()} evaluates TeaVM's output once per call. */
    String moduleBackend(String core) {
        return COMPILE_EAGERLY + banner + """
                // Teaflow's JavaScript backend (TeaVM's output), imported by teaflow.mjs when init() picks it.
                export function create() {
                  const exports = {};
                  (function (exports) {
                """ + core + """

                  })(exports);
                  return exports;
                }
                """;
    }

    /**
     * {@code teaflow-js-backend.js}: {@code require()}d under CommonJS, else added as a script
     * element that leaves {@code create()} in a symbol slot.
     */
    String classicBackend(String core) {
        return COMPILE_EAGERLY + banner + """
                // Teaflow's JavaScript backend (TeaVM's output), loaded by teaflow.js when init() picks it:
                // require()d under CommonJS, else added as a script element that leaves create() in a symbol slot.
                (function (register) {
                  register(function create() {
                    'use strict';
                    var exports = {};
                    (function (exports) {
                """ + core + """

                    })(exports);
                    return exports;
                  });
                }(typeof module === 'object' && module && typeof module.exports === 'object'
                  ? function (create) { module.exports = { create: create }; }
                  : function (create) { globalThis[Symbol.for('teaflow.jsBackend')] = create; }));
                """;
    }
}
