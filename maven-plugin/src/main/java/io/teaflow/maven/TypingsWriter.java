package io.teaflow.maven;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The two typings files from the one hand-written {@code teaflow.d.ts} (an ES module's types):
 * {@code teaflow.d.mts} for {@code teaflow.mjs}, and {@code teaflow.d.ts} for {@code teaflow.js}, a
 * CommonJS module whose {@code module.exports} is the object {@code {init, version}}.
 */
final class TypingsWriter {
    private static final Pattern ESM_ONLY = Pattern.compile("\n// @esm-only-start\n[\\s\\S]*?\n// @esm-only-end\n");
    private static final Pattern ESM_MARKER = Pattern.compile("\n// @esm-only-(start|end)\n");
    private static final Pattern EXPORT_DECLARE = Pattern.compile("^export declare ", Pattern.MULTILINE);
    private static final String GLOBAL = "\nexport as namespace Teaflow;\n";

    private TypingsWriter() {
    }

    /**
     * For CommonJS: the ES-module types become one namespace behind {@code export =}, without the
     * default export only {@code teaflow.mjs} has; {@code export as namespace} gives script-tag users
     * the global {@code Teaflow}.
     */
    static String commonJs(String types) {
        Matcher esmOnly = ESM_ONLY.matcher(types);
        if (!esmOnly.find() || !types.contains(GLOBAL)) {
            throw new IllegalStateException("teaflow.d.ts lost its @esm-only markers or its `export as namespace Teaflow`");
        }
        String body = EXPORT_DECLARE.matcher(esmOnly.replaceFirst("\n").replace(GLOBAL, "\n")).replaceAll("export ");
        int at = body.indexOf("\n\n");
        return body.substring(0, at) + "\n//\n"
                + "// This file types dist/teaflow.js, a CommonJS module (module.exports = { init, version }) and a\n"
                + "// classic script (the global Teaflow); dist/teaflow.d.mts types the ES module.\n\n"
                + "declare namespace Teaflow {\n" + body.substring(at + 2) + "}\n\nexport = Teaflow;\nexport as namespace Teaflow;\n";
    }

    /** For the ES module: the source, minus the script-tag global and the markers. */
    static String esModule(String types) {
        return ESM_MARKER.matcher(types.replace(GLOBAL, "\n")).replaceAll("\n");
    }
}
