package io.teaflow.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTextTest {
    static void malformed(String text, String message) {
        GraphException e = assertThrows(GraphException.class, () -> JsonText.parse(text));
        assertEquals(message, e.getMessage());
        // and the same error when it is read as a graph: nothing is returned
        GraphException asGraph = assertThrows(GraphException.class, () -> GraphJson.read(text));
        assertEquals(message, asGraph.getMessage());
    }

    // ---- reading ----

    @Test
    void readsPlainJavaValues() {
        Object value = JsonText.parse(" {\"b\": [1, -2.5e3, true, false, null, \"s\"], \"a\": {}, \"c\": []}\n");
        assertTrue(value instanceof LinkedHashMap);
        Map<?, ?> map = (Map<?, ?>) value;
        assertEquals(Arrays.asList("b", "a", "c"), new ArrayList<>(map.keySet()));
        List<?> list = (List<?>) map.get("b");
        assertTrue(list instanceof ArrayList);
        assertEquals(Arrays.asList(1.0, -2500.0, Boolean.TRUE, Boolean.FALSE, null, "s"), list);
        assertTrue(list.get(0) instanceof Double);
        assertEquals(new LinkedHashMap<>(), map.get("a"));
        assertEquals(0.0, JsonText.parse("0"));
        assertEquals(-0.0, JsonText.parse("-0"));
        assertEquals(1e-7, JsonText.parse("1E-7"));
        assertEquals(12.5, JsonText.parse("1.25e+1"));
        assertNull(JsonText.parse("null"));
        assertEquals("", JsonText.parse("\"\""));
    }

    @Test
    void readsEscapes() {
        assertEquals("\"\\/\b\f\n\r\t\u0000\u00e9\uD83D\uDE00", JsonText.parse(
                "\"\\\"\\\\\\/\\b\\f\\n\\r\\t\\u0000\\u00E9\\ud83d\\ude00\""));
        // lone surrogates are kept, as JSON.parse keeps them
        assertEquals("\uD800x", JsonText.parse("\"\\uD800x\""));
        assertEquals("é😀 \u2028", JsonText.parse("\"é😀 \u2028\""));
    }

    @Test
    void protoIsAPlainKey() {
        Map<?, ?> map = (Map<?, ?>) JsonText.parse("{\"__proto__\": {\"x\": 1}, \"constructor\": 2}");
        assertEquals(2, map.size());
        assertEquals(1.0, ((Map<?, ?>) map.get("__proto__")).get("x"));
    }

    @Test
    void emptyText() {
        malformed("", "invalid JSON at line 1, column 1: expected a value, found the end of the text");
        malformed("  \n ", "invalid JSON at line 2, column 2: expected a value, found the end of the text");
    }

    @Test
    void trailingCommas() {
        malformed("{\"a\": 1,}", "invalid JSON at line 1, column 9: expected a string key, found '}' (a trailing comma?)");
        malformed("[1, 2,]", "invalid JSON at line 1, column 7: expected a value, found ']' (a trailing comma?)");
    }

    @Test
    void positionsCountLinesAndColumns() {
        malformed("{\n  \"a\": 1,\n  \"b\" 2\n}",
                "invalid JSON at line 3, column 7: expected ':' after the key \"b\", found '2'");
        malformed("{\"a\": 1\n \"b\": 2}",
                "invalid JSON at line 2, column 2: expected ',' or '}' after a value in an object, found '\"'");
        malformed("[1 2]", "invalid JSON at line 1, column 4: expected ',' or ']' after a value in an array, found '2'");
    }

    @Test
    void keysMustBeDoubleQuotedStrings() {
        malformed("{a: 1}", "invalid JSON at line 1, column 2: expected a string key, found 'a'");
        malformed("{'a': 1}", "invalid JSON at line 1, column 2: expected a string key, found \"'\" (strings need double quotes)");
        malformed("['a']", "invalid JSON at line 1, column 2: expected a value, found \"'\" (strings need double quotes)");
    }

    @Test
    void unclosedContainersAndStrings() {
        malformed("{\"a\": [1, 2", "invalid JSON at line 1, column 7: the array is not closed (no ']' before the end of the text)");
        malformed("{\"a\": 1", "invalid JSON at line 1, column 1: the object is not closed (no '}' before the end of the text)");
        malformed("{\"a", "invalid JSON at line 1, column 2: the string is not closed (no '\"' before the end of the text)");
        malformed("[\"a\\", "invalid JSON at line 1, column 2: the string is not closed (no '\"' before the end of the text)");
    }

    @Test
    void badStrings() {
        malformed("\"a\nb\"", "invalid JSON at line 1, column 3: a string may not contain the control character U+000A"
                + " (write it as an escape, e.g. \\n or \\u000a)");
        malformed("\"a\\x\"", "invalid JSON at line 1, column 3: invalid escape '\\x' in a string"
                + " (valid: \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)");
        malformed("\"\\u12G4\"", "invalid JSON at line 1, column 2: \\u in a string must be followed by 4 hex digits");
        malformed("\"\\u12\"", "invalid JSON at line 1, column 2: \\u in a string must be followed by 4 hex digits");
    }

    @Test
    void badNumbers() {
        malformed("01", "invalid JSON at line 1, column 1: invalid number '01': a number may not have a leading zero");
        malformed("[-]", "invalid JSON at line 1, column 2: invalid number '-': '-' must be followed by a digit");
        malformed("1.", "invalid JSON at line 1, column 1: invalid number '1.': '.' must be followed by a digit");
        malformed("1e+", "invalid JSON at line 1, column 1: invalid number '1e+': the exponent must have a digit");
        malformed("-Infinity", "invalid JSON at line 1, column 1: invalid number '-': '-' must be followed by a digit");
        malformed("+1", "invalid JSON at line 1, column 1: expected a value, found '+'");
        malformed(".5", "invalid JSON at line 1, column 1: expected a value, found '.'");
        malformed("1e400", "invalid JSON at line 1, column 1: the number 1e400 is too large for a double");
    }

    @Test
    void unknownWords() {
        malformed("True", "invalid JSON at line 1, column 1: unknown word 'True' (JSON has true, false and null;"
                + " strings need double quotes)");
        malformed("{\"a\": undefined}", "invalid JSON at line 1, column 7: unknown word 'undefined' (JSON has true,"
                + " false and null; strings need double quotes)");
        malformed("nulls", "invalid JSON at line 1, column 1: unknown word 'nulls' (JSON has true, false and null;"
                + " strings need double quotes)");
        malformed("NaN", "invalid JSON at line 1, column 1: unknown word 'NaN' (JSON has true, false and null;"
                + " strings need double quotes)");
    }

    @Test
    void textAfterTheValue() {
        malformed("{} x", "invalid JSON at line 1, column 4: expected the end of the text after the value, found 'x'");
        malformed("{}{}", "invalid JSON at line 1, column 3: expected the end of the text after the value, found '{'");
    }

    @Test
    void duplicateKeys() {
        malformed("{\"a\": 1, \"b\": {\"c\": 1, \"c\": 2}}",
                "invalid JSON at line 1, column 24: the key \"c\" appears twice in the same object");
    }

    @Test
    void byteOrderMarkAndOddWhitespace() {
        malformed("\uFEFF{}", "invalid JSON at line 1, column 1: expected a value, found U+FEFF (a byte order mark,"
                + " which JSON does not allow)");
        malformed("[1,\u00A02]", "invalid JSON at line 1, column 4: expected a value, found U+00A0");
    }

    @Test
    void comments() {
        malformed("{} // note", "invalid JSON at line 1, column 4: expected the end of the text after the value, found '/'");
    }

    @Test
    void tooDeep() {
        StringBuilder deep = new StringBuilder();
        for (int i = 0; i < 600; i++) {
            deep.append('[');
        }
        malformed(deep.toString(), "invalid JSON at line 1, column 513: objects and arrays are nested deeper than 512 levels");
        StringBuilder fine = new StringBuilder();
        for (int i = 0; i < 500; i++) {
            fine.append('[');
        }
        for (int i = 0; i < 500; i++) {
            fine.append(']');
        }
        assertEquals(fine.toString(), JsonText.write(JsonText.parse(fine.toString())));
    }

    // ---- writing ----

    @Test
    void writesNumbersAsJavaScriptDoes() {
        // expected values printed by node: JSON.stringify(x)
        Object[][] cases = {
            {0.0, "0"}, {-0.0, "0"}, {1.0, "1"}, {-1.0, "-1"}, {0.1, "0.1"}, {-0.5, "-0.5"}, {1e21, "1e+21"},
            {1e-7, "1e-7"}, {1e-6, "0.000001"}, {123456789012345680000.0, "123456789012345680000"},
            {1.5e300, "1.5e+300"}, {9007199254740992.0, "9007199254740992"}, {9007199254740994.0, "9007199254740994"},
            {100.0, "100"}, {1e20, "100000000000000000000"}, {1.7976931348623157e308, "1.7976931348623157e+308"},
            {4.35, "4.35"}, {0.1 + 0.2, "0.30000000000000004"}, {1.0 / 3, "0.3333333333333333"}, {2e-3, "0.002"},
            {123.456, "123.456"}, {-1.5e-10, "-1.5e-10"}, {1e22, "1e+22"},
            {2.2250738585072014e-308, "2.2250738585072014e-308"}, {108.5, "108.5"},
            {42, "42"}, {-7L, "-7"}, {(short) 3, "3"}, {1.5f, "1.5"},
        };
        for (Object[] c : cases) {
            assertEquals(c[1], JsonText.write(c[0]), "for " + c[0]);
            if (c[0] instanceof Double) {
                assertEquals(((Double) c[0]).doubleValue(), (Double) JsonText.parse((String) c[1]), 0.0);
            }
        }
    }

    @Test
    void writesStringsAsJavaScriptDoes() {
        // expected printed by node: JSON.stringify("a\"b\\c\b\f\n\r\t\u0000\u001f\u007f\u2028\u2029é😀\ud800x\udc00/")
        String text = "a\"b\\c\b\f\n\r\t\u0000\u001f\u007f\u2028\u2029é\uD83D\uDE00\uD800x\uDC00/";
        assertEquals("\"a\\\"b\\\\c\\b\\f\\n\\r\\t\\u0000\\u001f\u007f\u2028\u2029é\uD83D\uDE00\\ud800x\\udc00/\"",
                JsonText.write(text));
        assertEquals(text, JsonText.parse(JsonText.write(text)));
    }

    @Test
    void writesIndentedLikeStringify() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("a", new ArrayList<>(Arrays.asList(1, new LinkedHashMap<>(), new ArrayList<>())));
        map.put("b", null);
        assertEquals("{\"a\":[1,{},[]],\"b\":null}", JsonText.write(map));
        assertEquals("{\n  \"a\": [\n    1,\n    {},\n    []\n  ],\n  \"b\": null\n}", JsonText.write(map, 2));
        assertEquals("{}", JsonText.write(new HashMap<>(), 4));
    }

    @Test
    void refusesWhatJsonCannotCarryNamingWhere() {
        Map<String, Object> map = new LinkedHashMap<>();
        List<Object> list = new ArrayList<>();
        map.put("list", list);
        list.add(1);
        list.add(Double.NaN);
        GraphException e = assertThrows(GraphException.class, () -> JsonText.write(map));
        assertEquals("JSON: cannot write list[1]: it is NaN, which JSON cannot carry", e.getMessage());
        list.set(1, Double.NEGATIVE_INFINITY);
        e = assertThrows(GraphException.class, () -> JsonText.write(map));
        assertEquals("JSON: cannot write list[1]: it is -Infinity, which JSON cannot carry", e.getMessage());
        list.set(1, new Object[0]);
        e = assertThrows(GraphException.class, () -> JsonText.write(map));
        assertTrue(e.getMessage().startsWith("JSON: cannot write list[1]: it is a [Ljava.lang.Object;"), e.getMessage());
        list.set(1, list);
        e = assertThrows(GraphException.class, () -> JsonText.write(map));
        assertEquals("JSON: cannot write list[1]: it contains itself (a cycle), which JSON cannot carry", e.getMessage());
        Map<Object, Object> odd = new LinkedHashMap<>();
        odd.put(1, "one");
        list.set(1, Map.of("a b", odd));
        e = assertThrows(GraphException.class, () -> JsonText.write(map));
        assertEquals("JSON: cannot write list[1][\"a b\"]: it has a key that is not a string: a java.lang.Integer 1",
                e.getMessage());
        e = assertThrows(GraphException.class, () -> JsonText.write('c'));
        assertEquals("JSON: cannot write the value: it is a java.lang.Character (only maps with string keys, lists,"
                + " strings, numbers, booleans and null can be written)", e.getMessage());
        // the same value twice (not inside itself) is fine
        List<Object> shared = new ArrayList<>(Arrays.asList(1));
        assertEquals("[[1],[1]]", JsonText.write(Arrays.asList(shared, shared)));
    }
}
