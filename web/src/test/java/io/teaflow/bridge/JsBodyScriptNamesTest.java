package io.teaflow.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * TeaVM's minifier renames a {@code @JSBody}'s parameters to one- or two-letter names but leaves
 * the names the script declares alone; so {@code catch (e)} in a script whose parameter became
 * {@code e} silently shadows it (this happened: a thrown error was stored on itself). Every name a
 * script declares must therefore be long enough never to be a minified name.
 */
class JsBodyScriptNamesTest {
    private static final int SHORTEST = 4;
    private static final Pattern DECLARATION = Pattern.compile(
            "\\b(?:var|let|const)\\s+([^;]*)|catch\\s*\\(\\s*([A-Za-z_$][\\w$]*)\\s*\\)"
            + "|function\\s*[\\w$]*\\s*\\(([^)]*)\\)");

    @Test
    void scriptsDeclareNoNameAMinifiedParameterCouldTake() throws IOException {
        List<String> offenders = new ArrayList<>();
        int scripts = 0;
        Path bridge = Path.of("src/main/java/io/teaflow/bridge");
        try (Stream<Path> files = Files.list(bridge)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String source = Files.readString(file);
                Matcher strings = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"").matcher(source);
                while (strings.find()) {
                    String literal = strings.group(1);
                    Matcher declared = DECLARATION.matcher(literal);
                    while (declared.find()) {
                        scripts++;
                        for (int g = 1; g <= 3; g++) {
                            if (declared.group(g) == null) {
                                continue;
                            }
                            for (String part : topLevelParts(declared.group(g))) {
                                String name = part.trim().replaceAll("^([A-Za-z_$][\\w$]*).*$", "$1");
                                if (!name.isEmpty() && name.length() < SHORTEST) {
                                    offenders.add(file.getFileName() + ": '" + name + "' in " + literal.trim());
                                }
                            }
                        }
                    }
                }
            }
        }
        assertTrue(scripts > 5, "the scan found the scripts (" + scripts + ")");
        assertEquals(List.of(), offenders);
    }

    /** {@code a = f(x, y), b = [1, 2], c} → the three declarations (commas inside brackets do not split). */
    private static List<String> topLevelParts(String list) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < list.length(); i++) {
            char c = list.charAt(i);
            if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if (c == ')' || c == ']' || c == '}') {
                depth--;
            } else if (c == ',' && depth == 0) {
                parts.add(list.substring(start, i));
                start = i + 1;
            }
        }
        parts.add(list.substring(start));
        return parts;
    }
}
