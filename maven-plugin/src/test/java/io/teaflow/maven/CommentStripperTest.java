package io.teaflow.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** What the entry loses on its way into a bundle: whole-line comments, indentation, blank lines. */
class CommentStripperTest {
    @Test
    void wholeLineCommentsIndentationAndBlankLinesGo() {
        String script = "/*! keep: licence */\n// a line comment\n/**\n * A doc comment, `quoted`.\n */\n"
                + "function f(a) {\n  /* one line */\n\n  return a // after code: kept\n    + '// a string, kept';\n}\n";
        assertEquals("/*! keep: licence */\nfunction f(a) {\nreturn a // after code: kept\n+ '// a string, kept';\n}\n",
                CommentStripper.strip(script, "f.js"));
    }

    @Test
    void everyLineBreakBetweenCodeStays() {
        // No semicolons: automatic semicolon insertion must still see a line break after each statement.
        assertEquals("let a = 1\nlet b = a\n", CommentStripper.strip("let a = 1\n// b:\nlet b = a\n", "asi.js"));
    }

    @Test
    void whatCannotBeJudgedLineByLineIsAnError() {
        IllegalStateException template = assertThrows(IllegalStateException.class,
                () -> CommentStripper.strip("const t = `one\n  // two\n`;\n", "t.js"));
        assertTrue(template.getMessage().startsWith("t.js:1: "), template.getMessage());
        assertThrows(IllegalStateException.class, () -> CommentStripper.strip("const s = 'one\\\n  two';\n", "s.js"));
        assertThrows(IllegalStateException.class, () -> CommentStripper.strip("/* c */ f();\n", "c.js"));
        assertThrows(IllegalStateException.class, () -> CommentStripper.strip("/**\n * never closed\n", "u.js"));
    }
}
