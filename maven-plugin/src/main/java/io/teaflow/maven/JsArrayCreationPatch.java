package io.teaflow.maven;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * TeaVM's JavaScript output with a cheaper way to make a Java object array. TeaVM's runtime makes
 * every {@code new Object[n]} as {@code new Array(sz)} followed by {@code data.fill(null)}; in
 * Chromium 156 that {@code fill} costs 40–200 ns on an array of a few elements, where a loop
 * writing the nulls costs 4–13 ns, and building a network makes several small arrays per node.
 * The call is replaced by a call of a helper with a name of the same length, so every column of
 * that line, and with it TeaVM's source map, stays as it was; the helper is a line of its own after
 * TeaVM's code (function declarations are hoisted).
 */
final class JsArrayCreationPatch {
    /** TeaVM's {@code $rt_createArray} (minified or not): a new {@code Array(sz)}, then the fill. */
    private static final Pattern FILL = Pattern.compile("new\\s+(?:[\\w$]+\\.)?Array\\(\\s*sz\\s*\\);\\s*(data\\.fill\\(null\\);)");
    static final String HELPER = "Tf$nul";
    private static final String CALL = HELPER + "(data,sz);";
    private static final String DECLARATION = "function " + HELPER + "(a,n){for(let i=0;i<n;i++)a[i]=null;}\n";

    private JsArrayCreationPatch() {
    }

    /** {@code core} (TeaVM's output) with its object arrays filled by a loop. */
    static String withLoopFilledArrays(String core) {
        Matcher fill = FILL.matcher(core);
        if (!fill.find()) {
            throw new IllegalStateException("teaflow-js-backend.js: TeaVM's array creation (new Array(sz); data.fill(null);)"
                    + " was not found (TeaVM changed its runtime?)");
        }
        int start = fill.start(1);
        int end = fill.end(1);
        if (fill.find()) {
            throw new IllegalStateException("teaflow-js-backend.js: more than one TeaVM array creation"
                    + " (new Array(sz); data.fill(null);) (TeaVM changed its runtime?)");
        }
        if (core.contains(HELPER)) {
            throw new IllegalStateException("teaflow-js-backend.js: TeaVM's output already uses the name " + HELPER);
        }
        String patched = core.substring(0, start) + CALL + core.substring(end);
        return patched + (patched.endsWith("\n") ? "" : "\n") + DECLARATION;
    }
}
