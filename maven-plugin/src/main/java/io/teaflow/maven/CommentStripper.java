package io.teaflow.maven;

import java.util.ArrayList;
import java.util.List;

/**
 * The hand-written entry scripts without what a page need not download: whole-line comments,
 * indentation and blank lines (about a third of {@code teaflow.js} gzipped). Line by line, never
 * inside a line: every line break stays where it was (so automatic semicolon insertion reads the
 * same code), comments after code and every string are left alone. A line that cannot be judged
 * that way (a template literal or a string running on to the next line) is an error, not a guess.
 */
final class CommentStripper {
    private CommentStripper() {
    }

    static String strip(String script, String name) {
        List<String> kept = new ArrayList<>();
        boolean inBlockComment = false;
        String[] lines = script.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (inBlockComment) {
                inBlockComment = !closesAtItsEnd(line, 0);
                continue;
            }
            if (line.isEmpty() || line.startsWith("//")) {
                continue;
            }
            if (line.startsWith("/*") && !line.startsWith("/*!")) {
                inBlockComment = !closesAtItsEnd(line, 2);
                continue;
            }
            if (line.endsWith("\\") || count(line, '`') % 2 != 0) {
                throw new IllegalStateException(name + ":" + (i + 1) + ": a string or template literal runs on to the"
                        + " next line; the entry's comments cannot be stripped line by line");
            }
            kept.add(line);
        }
        if (inBlockComment) {
            throw new IllegalStateException(name + ": a /* comment is never closed");
        }
        return String.join("\n", kept) + "\n";
    }

    /** Whether a comment ends on this line (from {@code from}); code after its end is an error. */
    private static boolean closesAtItsEnd(String line, int from) {
        int end = line.indexOf("*/", from);
        if (end >= 0 && end + 2 != line.length()) {
            throw new IllegalStateException("code after the end of a comment on one line (kept whole-line comments"
                    + " only): " + line);
        }
        return end >= 0;
    }

    private static int count(String line, char c) {
        int n = 0;
        for (int i = 0; i < line.length(); i++) {
            if (line.charAt(i) == c) {
                n++;
            }
        }
        return n;
    }
}
