package io.teaflow.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.teaflow.graph.Graph;
import io.teaflow.graph.GraphException;
import io.teaflow.graph.GraphJson;
import io.teaflow.graph.JsonText;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;

/**
 * Fuzzing the text and value boundaries of {@code io.teaflow.graph}: {@link JsonText#parse},
 * {@link GraphJson#read} and {@link GraphJson#fromMap}. Whatever comes in, the only failure is a
 * {@link GraphException} (a {@code TeaflowException}) with the documented message shape; never
 * another exception type, never a hang, never a graph that does not validate or round-trip.
 */
class GraphInputFuzzTest {
    /** "Errors give the line and column (1-based, in UTF-16 units)." */
    static final Pattern JSON_ERROR = Pattern.compile("invalid JSON at line (\\d+), column (\\d+): \\S.*", Pattern.DOTALL);
    /** RFC 8259's number grammar. */
    static final Pattern JSON_NUMBER = Pattern.compile("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?");

    // ---- JsonText.parse ----

    @Property(tries = 3000)
    void parsingAnyTextGivesAValueOrAPositionedError(@ForAll("jsonishTexts") String text) {
        Object value;
        try {
            value = JsonText.parse(text);
        } catch (GraphException e) {
            checkJsonError(text, e);
            Statistics.collect("error");
            return;
        } catch (Throwable t) {
            throw new AssertionError("JsonText.parse threw " + t + " for " + JsonText.quote(text), t);
        }
        Statistics.collect("value");
        String written = JsonText.write(value);
        assertEquals(written, JsonText.write(JsonText.parse(written)), "a parsed value writes and parses back the same");
    }

    @Property(tries = 1000)
    void validJsonRoundTripsAndItsMutationsFailOnlyWithPositionedErrors(@ForAll("jsonValues") Object value,
            @ForAll("indents") int indent, @ForAll("mutations") List<Gen.Mutation> mutations) {
        String text = JsonText.write(value, indent);
        assertEquals(value, JsonText.parse(text), "parse(write(v)) == v for " + text);
        String mutated = Gen.apply(text, mutations);
        try {
            JsonText.parse(mutated);
            Statistics.collect("mutant parsed");
        } catch (GraphException e) {
            checkJsonError(mutated, e);
            Statistics.collect("mutant refused");
        } catch (Throwable t) {
            throw new AssertionError("JsonText.parse threw " + t + " for " + JsonText.quote(mutated), t);
        }
    }

    /** Differential against RFC 8259's grammar and Java's correctly rounded {@code Double.parseDouble}. */
    @Property(tries = 3000)
    void numbersFollowTheJsonGrammarAndRoundCorrectly(@ForAll("numberLike") String text) {
        String literal = text.strip(); // the pieces put only spaces around it, which JSON skips
        boolean grammatical = JSON_NUMBER.matcher(literal).matches();
        Object value;
        try {
            value = JsonText.parse(text);
        } catch (GraphException e) {
            checkJsonError(text, e);
            boolean tooLarge = grammatical && Double.isInfinite(Double.parseDouble(literal));
            assertTrue(!grammatical || tooLarge, "a JSON number refused: " + literal + " (" + e.getMessage() + ")");
            Statistics.collect(tooLarge ? "too large" : "not a number");
            return;
        }
        assertTrue(grammatical, "not a JSON number, yet parsed: " + literal + " -> " + value);
        assertEquals(Double.parseDouble(literal), value, "the value of " + literal);
        Statistics.collect("number");
    }

    /** JSON's whitespace is exactly space, tab, line feed and carriage return (RFC 8259 §2). */
    @Property(tries = 500)
    void onlyJsonWhitespaceIsSkipped(@ForAll("whitespace") String before, @ForAll("whitespace") String after) {
        String text = before + "[1]" + after;
        boolean allowed = (before + after).chars().allMatch(c -> c == ' ' || c == '\t' || c == '\n' || c == '\r');
        try {
            JsonText.parse(text);
            assertTrue(allowed, "parsed despite non-JSON whitespace: " + JsonText.quote(text));
        } catch (GraphException e) {
            checkJsonError(text, e);
            assertFalse(allowed, "refused JSON whitespace: " + JsonText.quote(text) + ": " + e.getMessage());
        }
    }

    /**
     * {@code \\u} takes exactly four HEXDIGs, which RFC 8259 defines as ASCII {@code 0-9 a-f A-F}
     * ({@code JSON.parse} likewise). Characters that {@code Character.digit(c, 16)} also accepts
     * (fullwidth and other Unicode digits and letters) are not hex digits.
     */
    @Property(tries = 500)
    void unicodeEscapesTakeOnlyAsciiHexDigits(@ForAll("hexish") List<Character> digits) {
        StringBuilder hex = new StringBuilder();
        digits.forEach(hex::append);
        String text = "\"\\u" + hex + "\"";
        boolean ascii = hex.chars().allMatch(c -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'));
        try {
            Object value = JsonText.parse(text);
            assertTrue(ascii, "parsed an escape without 4 ASCII hex digits: " + text + " -> " + JsonText.quote((String) value));
            assertEquals(String.valueOf((char) Integer.parseInt(hex.toString(), 16)), value);
        } catch (GraphException e) {
            checkJsonError(text, e);
            assertFalse(ascii, "refused " + text + ": " + e.getMessage());
        }
    }

    // ---- GraphJson.read ----

    @Property(tries = 2000)
    void readingAnyTextGivesAGraphOrAGraphError(@ForAll("jsonishTexts") String text) {
        readOrDocumentedError(text);
    }

    @Property(tries = 1000)
    void mutatedGraphFilesGiveAGraphOrAGraphError(@ForAll("graphTexts") String text,
            @ForAll("mutations") List<Gen.Mutation> mutations) {
        Graph original = GraphJson.read(text);
        assertEquals(GraphJson.toMap(original), GraphJson.toMap(GraphJson.read(GraphJson.write(original))),
                "a graph written and read back is the same graph");
        String mutated = Gen.apply(text, mutations);
        Graph graph = readOrDocumentedError(mutated);
        Statistics.collect(graph == null ? "mutant refused" : "mutant read");
        if (graph != null) {
            String written = GraphJson.write(graph);
            assertEquals(written, GraphJson.write(GraphJson.read(written)), "a read mutant writes and reads back the same");
        }
    }

    // ---- GraphJson.fromMap ----

    @Property(tries = 1500)
    void graphShapedMapsGiveAGraphOrAGraphError(@ForAll("graphMaps") Map<String, Object> json) {
        Graph graph;
        try {
            graph = GraphJson.fromMap(json);
        } catch (GraphException e) {
            assertNotNull(e.getMessage());
            assertTrue(e.getMessage().startsWith("graph: ") && e.getMessage().length() > "graph: ".length(),
                    "message: " + e.getMessage());
            Statistics.collect("refused");
            return;
        } catch (Throwable t) {
            throw new AssertionError("GraphJson.fromMap threw " + t + " for " + json, t);
        }
        Statistics.collect("graph");
        graph.validate();
        Map<String, Object> back = GraphJson.toMap(graph);
        assertEquals(back, GraphJson.toMap(GraphJson.fromMap(back)), "toMap(fromMap(m)) is a fixed point");
    }

    /**
     * {@code fromMap} takes {@code Map<String, Object>}, but a Java caller can hand it a map with other
     * keys (an unchecked cast, a map built by a JSON library). That must be a {@code GraphException}
     * naming the culprit, not a {@code ClassCastException}.
     */
    @Property(tries = 300)
    @SuppressWarnings({"unchecked", "rawtypes"})
    void nonStringKeysAreAGraphError(@ForAll("graphMaps") Map<String, Object> json, @ForAll("fields") String field,
            @ForAll("foreignKeys") Object key) {
        Map<Object, Object> inner = new LinkedHashMap<>();
        inner.put(key, new LinkedHashMap<>(Map.of("component", "core/Repeat", "process", "a", "port", "in")));
        Map<String, Object> copy = new LinkedHashMap<>(json);
        copy.put(field, inner);
        try {
            GraphJson.fromMap(copy);
            fail("a graph with key " + key + " in " + field + " was accepted");
        } catch (GraphException e) {
            assertTrue(e.getMessage().startsWith("graph: "), e.getMessage());
        } catch (Throwable t) {
            throw new AssertionError("GraphJson.fromMap threw " + t + " for " + copy, t);
        }
    }

    // ---- helpers ----

    static Graph readOrDocumentedError(String text) {
        try {
            Graph graph = GraphJson.read(text);
            graph.validate();
            return graph;
        } catch (GraphException e) {
            String message = e.getMessage();
            assertNotNull(message, "error without message for " + JsonText.quote(text));
            if (message.startsWith("invalid JSON")) {
                checkJsonError(text, e);
            } else {
                assertTrue(message.startsWith("graph: ") && message.length() > "graph: ".length(),
                        "a graph error is 'graph: ...': " + message);
            }
            return null;
        } catch (Throwable t) {
            throw new AssertionError("GraphJson.read threw " + t + " for " + JsonText.quote(text), t);
        }
    }

    /** The message is "invalid JSON at line L, column C: what", and L, C lie inside the text (or just past it). */
    static void checkJsonError(String text, GraphException e) {
        String message = e.getMessage();
        Matcher m = JSON_ERROR.matcher(message == null ? "" : message);
        assertTrue(m.matches(), "JSON error message shape: " + message);
        int line = Integer.parseInt(m.group(1));
        int column = Integer.parseInt(m.group(2));
        String[] lines = text.split("\n", -1);
        assertTrue(line >= 1 && line <= lines.length, "line " + line + " of " + lines.length + ": " + message);
        assertTrue(column >= 1 && column <= lines[line - 1].length() + 1,
                "column " + column + " of a line of " + lines[line - 1].length() + ": " + message);
    }

    @Provide
    Arbitrary<String> jsonishTexts() {
        return Arbitraries.oneOf(Gen.jsonishText(),
                Gen.jsonValue(3).map(JsonText::write),
                Combinators.combine(Gen.jsonValue(3).map(JsonText::write), Gen.mutation().list().ofMaxSize(3))
                        .as(Gen::apply),
                Arbitraries.integers().between(0, 600).map(n -> "[".repeat(n) + "]".repeat(n)),
                Arbitraries.integers().between(500, 520).map(n -> "{\"a\":".repeat(n) + "1" + "}".repeat(n)));
    }

    @Provide
    Arbitrary<Object> jsonValues() {
        return Gen.jsonValue(4);
    }

    @Provide
    Arbitrary<Integer> indents() {
        return Arbitraries.of(0, 2, 4);
    }

    @Provide
    Arbitrary<List<Gen.Mutation>> mutations() {
        return Gen.mutation().list().ofMinSize(1).ofMaxSize(4);
    }

    @Provide
    Arbitrary<String> numberLike() {
        Arbitrary<String> piece = Arbitraries.of("-", "+", "0", "00", "1", "9", "12345678901234567890", ".", "e",
                "E", "e+", "e-", "308", "309", "324", "-400", "999999999999", "0.5", "1e", "x", " ", "Infinity", "NaN",
                "2.2250738585072011e-308", "4.9e-324", "1.7976931348623157e308", "7", "5", "0000000000000000001");
        Arbitrary<String> digits = Arbitraries.strings().withCharRange('0', '9').ofMinLength(1).ofMaxLength(25);
        return Arbitraries.oneOf(piece.list().ofMinSize(1).ofMaxSize(5).map(l -> String.join("", l)),
                Combinators.combine(Arbitraries.of("", "-"), digits, Arbitraries.of("", "."), digits,
                        Arbitraries.of("", "e", "E", "e-", "e+", "E-"), Arbitraries.integers().between(0, 400))
                        .as((sign, a, dot, b, e, x) -> sign + a + (dot.isEmpty() ? "" : dot + b) + (e.isEmpty() ? "" : e + x)),
                Arbitraries.doubles().map(d -> Double.toString(d).replace("Infinity", "1e400")));
    }

    @Provide
    Arbitrary<String> whitespace() {
        return Arbitraries.of(' ', '\t', '\n', '\r', ' ', '\n', '\f', '\u000b', '\u00a0', '\u2028', '\ufeff', '\u3000',
                '\u0085').list().ofMaxSize(3).map(l -> {
                    StringBuilder s = new StringBuilder();
                    l.forEach(s::append);
                    return s.toString();
                });
    }

    @Provide
    Arbitrary<List<Character>> hexish() {
        return Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.of('0', '9', 'a', 'f', 'A', 'F', '4', '1')),
                Tuple.of(1, Arbitraries.of('g', 'G', 'x', ' ', '"', '-')),
                // fullwidth digits and letters, Arabic-Indic and Devanagari digits: Character.digit knows them
                Tuple.of(2, Arbitraries.of('\uff10', '\uff11', '\uff14', '\uff21', '\uff46', '\u0660', '\u0661',
                        '\u0966', '\u096f')))
                .list().ofSize(4);
    }

    @Provide
    Arbitrary<String> graphTexts() {
        List<String> files = new ArrayList<>();
        for (String name : List.of("case-sensitive.json", "counting-pipeline.json", "from-fbp-language.json")) {
            files.add(resource("/graphs/" + name));
        }
        return Arbitraries.oneOf(Arbitraries.of(files), Gen.validGraph().map(GraphJson::write),
                Gen.validGraph().map(g -> GraphJson.write(g, 0)));
    }

    @Provide
    Arbitrary<Map<String, Object>> graphMaps() {
        return Arbitraries.oneOf(Gen.graphMap(), Gen.mutatedGraphMap());
    }

    @Provide
    Arbitrary<String> fields() {
        return Arbitraries.of("processes", "inports", "outports");
    }

    @Provide
    Arbitrary<Object> foreignKeys() {
        return Arbitraries.of(1, 2.5, true, 'k', List.of("a"));
    }

    static String resource(String path) {
        try (InputStream in = GraphInputFuzzTest.class.getResourceAsStream(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("test resource " + path, e);
        }
    }
}
