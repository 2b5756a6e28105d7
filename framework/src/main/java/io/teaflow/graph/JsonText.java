package io.teaflow.graph;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small, strict JSON reader and writer over plain Java values, written for TeaVM (no reflection,
 * no regular expressions, no {@code String.format}).
 *
 * <p>Reading (RFC 8259, like {@code JSON.parse}, but stricter in two ways: a key given twice in one
 * object is an error rather than "last wins", and a number too large for a double is an error
 * rather than {@code Infinity}): objects become {@link LinkedHashMap}{@code <String, Object>} in
 * text order, arrays {@link ArrayList}{@code <Object>}, numbers {@link Double}, strings, booleans,
 * {@code null}. Every key is a plain key ({@code "__proto__"} included). Errors give the line and
 * column (1-based, in UTF-16 units).
 *
 * <p>Writing produces what {@code JSON.stringify(value, null, indent)} writes for the same value:
 * the same escapes (only {@code "}, {@code \}, control characters and lone surrogates; everything
 * else as is), the same numbers (the shortest digits that read back as the same double, laid out
 * as {@code 1}, {@code 0.5}, {@code 1e+21}, {@code 1e-7}), {@code {}} and {@code []} for empty
 * containers. Numbers are read and written by {@link JsonNumbers}, exactly as JavaScript does, on
 * the JVM and under TeaVM alike. It accepts {@link Map}s with string
 * keys, {@link List}s, strings, numbers (finite), booleans and null; anything else, a NaN or
 * infinite number, a non-string key or a container inside itself is an error naming its path.
 */
public final class JsonText {
    /** Objects and arrays nested deeper than this are refused (reading and writing). */
    public static final int MAX_DEPTH = 512;

    private JsonText() {
    }

    /** Parses a JSON text into plain Java values; a {@link GraphException} gives the position of an error. */
    public static Object parse(String text) {
        if (text == null) {
            throw new GraphException("invalid JSON: the text is null");
        }
        return new Reader(text).document();
    }

    /** Writes plain Java values as compact JSON, like {@code JSON.stringify(value)}. */
    public static String write(Object value) {
        return write(value, 0);
    }

    /** Writes plain Java values as JSON indented by {@code indent} spaces (0: compact). */
    public static String write(Object value, int indent) {
        return write(value, indent, "JSON: ");
    }

    static String write(Object value, int indent, String messagePrefix) {
        Writer writer = new Writer(indent < 0 ? 0 : Math.min(indent, 10), messagePrefix);
        writer.value(value, 0);
        return writer.out.toString();
    }

    /** A string as a JSON string literal, escaped as {@code JSON.stringify} escapes it. */
    public static String quote(String text) {
        StringBuilder out = new StringBuilder(text.length() + 2);
        appendQuoted(out, text);
        return out.toString();
    }

    /** A number as {@code JSON.stringify} writes it; NaN and infinities are an error. */
    public static String formatNumber(Number number) {
        if (number instanceof Integer || number instanceof Long || number instanceof Short
                || number instanceof Byte) {
            return Long.toString(number.longValue());
        }
        double value = number.doubleValue();
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            throw new GraphException("JSON: " + value + " cannot be written as JSON");
        }
        return JsonNumbers.format(value);
    }

    // ---- writing ----

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    static void appendQuoted(StringBuilder out, String text) {
        out.append('"');
        int length = text.length();
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"':
                    out.append("\\\"");
                    break;
                case '\\':
                    out.append("\\\\");
                    break;
                case '\b':
                    out.append("\\b");
                    break;
                case '\f':
                    out.append("\\f");
                    break;
                case '\n':
                    out.append("\\n");
                    break;
                case '\r':
                    out.append("\\r");
                    break;
                case '\t':
                    out.append("\\t");
                    break;
                default:
                    if (c < 0x20) {
                        appendUnicodeEscape(out, c);
                    } else if (Character.isHighSurrogate(c)) {
                        if (i + 1 < length && Character.isLowSurrogate(text.charAt(i + 1))) {
                            out.append(c).append(text.charAt(i + 1));
                            i++;
                        } else {
                            appendUnicodeEscape(out, c);
                        }
                    } else if (Character.isLowSurrogate(c)) {
                        appendUnicodeEscape(out, c);
                    } else {
                        out.append(c);
                    }
            }
        }
        out.append('"');
    }

    private static void appendUnicodeEscape(StringBuilder out, char c) {
        out.append("\\u").append(HEX[(c >> 12) & 15]).append(HEX[(c >> 8) & 15]).append(HEX[(c >> 4) & 15])
                .append(HEX[c & 15]);
    }

    private static final class Writer {
        final StringBuilder out = new StringBuilder(256);
        final int indent;
        final String messagePrefix;
        final List<Object> containers = new ArrayList<>();
        final List<Object> path = new ArrayList<>();

        Writer(int indent, String messagePrefix) {
            this.indent = indent;
            this.messagePrefix = messagePrefix;
        }

        void value(Object value, int level) {
            if (value == null) {
                out.append("null");
            } else if (value instanceof String) {
                appendQuoted(out, (String) value);
            } else if (value instanceof Boolean) {
                out.append(((Boolean) value).booleanValue() ? "true" : "false");
            } else if (value instanceof Number) {
                Number number = (Number) value;
                double d = number.doubleValue();
                if (Double.isNaN(d) || Double.isInfinite(d)) {
                    throw fail("is " + d + ", which JSON cannot carry");
                }
                out.append(formatNumber(number));
            } else if (value instanceof Map) {
                object((Map<?, ?>) value, level);
            } else if (value instanceof List) {
                array((List<?>) value, level);
            } else {
                throw fail("is a " + value.getClass().getName()
                        + " (only maps with string keys, lists, strings, numbers, booleans and null can be written)");
            }
        }

        private void object(Map<?, ?> map, int level) {
            enter(map);
            if (map.isEmpty()) {
                out.append("{}");
            } else {
                out.append('{');
                boolean first = true;
                for (Map.Entry<?, ?> entry : map.entrySet()) {
                    Object key = entry.getKey();
                    if (!(key instanceof String)) {
                        throw fail("has a key that is not a string: "
                                + (key == null ? "null" : "a " + key.getClass().getName() + " " + key));
                    }
                    if (!first) {
                        out.append(',');
                    }
                    first = false;
                    newline(level + 1);
                    appendQuoted(out, (String) key);
                    out.append(indent > 0 ? ": " : ":");
                    path.add(key);
                    value(entry.getValue(), level + 1);
                    path.remove(path.size() - 1);
                }
                newline(level);
                out.append('}');
            }
            containers.remove(containers.size() - 1);
        }

        private void array(List<?> list, int level) {
            enter(list);
            if (list.isEmpty()) {
                out.append("[]");
            } else {
                out.append('[');
                int size = list.size();
                for (int i = 0; i < size; i++) {
                    if (i > 0) {
                        out.append(',');
                    }
                    newline(level + 1);
                    path.add(Integer.valueOf(i));
                    value(list.get(i), level + 1);
                    path.remove(path.size() - 1);
                }
                newline(level);
                out.append(']');
            }
            containers.remove(containers.size() - 1);
        }

        private void enter(Object container) {
            for (Object outer : containers) {
                if (outer == container) {
                    throw fail("contains itself (a cycle), which JSON cannot carry");
                }
            }
            if (containers.size() >= MAX_DEPTH) {
                throw fail("is nested deeper than " + MAX_DEPTH + " levels");
            }
            containers.add(container);
        }

        private void newline(int level) {
            if (indent == 0) {
                return;
            }
            out.append('\n');
            for (int i = level * indent; i > 0; i--) {
                out.append(' ');
            }
        }

        private GraphException fail(String what) {
            return new GraphException(messagePrefix + "cannot write " + pathText() + ": it " + what);
        }

        private String pathText() {
            if (path.isEmpty()) {
                return "the value";
            }
            StringBuilder text = new StringBuilder();
            for (Object step : path) {
                if (step instanceof Integer) {
                    text.append('[').append(step).append(']');
                } else if (isIdentifier((String) step)) {
                    if (text.length() > 0) {
                        text.append('.');
                    }
                    text.append(step);
                } else {
                    text.append('[');
                    appendQuoted(text, (String) step);
                    text.append(']');
                }
            }
            return text.toString();
        }

        private static boolean isIdentifier(String key) {
            if (key.isEmpty()) {
                return false;
            }
            for (int i = 0; i < key.length(); i++) {
                char c = key.charAt(i);
                boolean letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == '$';
                if (!letter && !(i > 0 && c >= '0' && c <= '9')) {
                    return false;
                }
            }
            return true;
        }
    }

    // ---- reading ----

    private static final class Reader {
        final String text;
        final int length;
        int pos;
        int depth;

        Reader(String text) {
            this.text = text;
            this.length = text.length();
        }

        Object document() {
            skipWhitespace();
            Object value = value();
            skipWhitespace();
            if (pos < length) {
                throw fail(pos, "expected the end of the text after the value, found " + found(pos));
            }
            return value;
        }

        private Object value() {
            if (pos >= length) {
                throw fail(pos, "expected a value, found the end of the text");
            }
            char c = text.charAt(pos);
            switch (c) {
                case '{':
                    return object();
                case '[':
                    return array();
                case '"':
                    return string();
                case 't':
                    return literal("true", Boolean.TRUE);
                case 'f':
                    return literal("false", Boolean.FALSE);
                case 'n':
                    return literal("null", null);
                default:
                    if (c == '-' || (c >= '0' && c <= '9')) {
                        return number();
                    }
                    if (isWordChar(c)) {
                        throw unknownWord(pos);
                    }
                    throw fail(pos, "expected a value, found " + found(pos));
            }
        }

        private Map<String, Object> object() {
            int start = pos;
            enter(start);
            pos++; // '{'
            Map<String, Object> map = new LinkedHashMap<>();
            skipWhitespace();
            if (pos < length && text.charAt(pos) == '}') {
                pos++;
                depth--;
                return map;
            }
            while (true) {
                if (pos >= length) {
                    throw fail(start, "the object is not closed (no '}' before the end of the text)");
                }
                if (text.charAt(pos) != '"') {
                    throw fail(pos, "expected a string key, found " + found(pos)
                            + (text.charAt(pos) == '}' ? " (a trailing comma?)" : ""));
                }
                int keyStart = pos;
                String key = string();
                if (map.containsKey(key)) {
                    throw fail(keyStart, "the key " + quote(key) + " appears twice in the same object");
                }
                skipWhitespace();
                if (pos >= length || text.charAt(pos) != ':') {
                    throw fail(pos, "expected ':' after the key " + quote(key) + ", found " + found(pos));
                }
                pos++;
                skipWhitespace();
                map.put(key, value());
                skipWhitespace();
                if (pos >= length) {
                    throw fail(start, "the object is not closed (no '}' before the end of the text)");
                }
                char c = text.charAt(pos);
                if (c == ',') {
                    pos++;
                    skipWhitespace();
                } else if (c == '}') {
                    pos++;
                    depth--;
                    return map;
                } else {
                    throw fail(pos, "expected ',' or '}' after a value in an object, found " + found(pos));
                }
            }
        }

        private List<Object> array() {
            int start = pos;
            enter(start);
            pos++; // '['
            List<Object> list = new ArrayList<>();
            skipWhitespace();
            if (pos < length && text.charAt(pos) == ']') {
                pos++;
                depth--;
                return list;
            }
            while (true) {
                if (pos >= length) {
                    throw fail(start, "the array is not closed (no ']' before the end of the text)");
                }
                if (text.charAt(pos) == ']') {
                    throw fail(pos, "expected a value, found ']' (a trailing comma?)");
                }
                list.add(value());
                skipWhitespace();
                if (pos >= length) {
                    throw fail(start, "the array is not closed (no ']' before the end of the text)");
                }
                char c = text.charAt(pos);
                if (c == ',') {
                    pos++;
                    skipWhitespace();
                } else if (c == ']') {
                    pos++;
                    depth--;
                    return list;
                } else {
                    throw fail(pos, "expected ',' or ']' after a value in an array, found " + found(pos));
                }
            }
        }

        private String string() {
            int start = pos;
            pos++; // opening quote
            StringBuilder out = null;
            int runStart = pos;
            while (true) {
                if (pos >= length) {
                    throw fail(start, "the string is not closed (no '\"' before the end of the text)");
                }
                char c = text.charAt(pos);
                if (c == '"') {
                    String result;
                    if (out == null) {
                        result = text.substring(runStart, pos);
                    } else {
                        out.append(text, runStart, pos);
                        result = out.toString();
                    }
                    pos++;
                    return result;
                }
                if (c < 0x20) {
                    throw fail(pos, "a string may not contain the control character " + codePoint(c)
                            + " (write it as an escape, e.g. \\n or \\u000a)");
                }
                if (c != '\\') {
                    pos++;
                    continue;
                }
                if (out == null) {
                    out = new StringBuilder();
                }
                out.append(text, runStart, pos);
                int escape = pos;
                pos++;
                if (pos >= length) {
                    throw fail(start, "the string is not closed (no '\"' before the end of the text)");
                }
                char e = text.charAt(pos);
                switch (e) {
                    case '"':
                        out.append('"');
                        break;
                    case '\\':
                        out.append('\\');
                        break;
                    case '/':
                        out.append('/');
                        break;
                    case 'b':
                        out.append('\b');
                        break;
                    case 'f':
                        out.append('\f');
                        break;
                    case 'n':
                        out.append('\n');
                        break;
                    case 'r':
                        out.append('\r');
                        break;
                    case 't':
                        out.append('\t');
                        break;
                    case 'u': {
                        int code = 0;
                        for (int i = 1; i <= 4; i++) {
                            int digit = pos + i < length ? hexDigit(text.charAt(pos + i)) : -1;
                            if (digit < 0) {
                                throw fail(escape, "\\u in a string must be followed by 4 hex digits");
                            }
                            code = code * 16 + digit;
                        }
                        out.append((char) code);
                        pos += 4;
                        break;
                    }
                    default:
                        throw fail(escape, "invalid escape '\\" + printable(e)
                                + "' in a string (valid: \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)");
                }
                pos++;
                runStart = pos;
            }
        }

        private Double number() {
            int start = pos;
            if (text.charAt(pos) == '-') {
                pos++;
            }
            if (pos < length && text.charAt(pos) == '0') {
                pos++;
                if (pos < length && isDigit(text.charAt(pos))) {
                    throw badNumber(start, "a number may not have a leading zero");
                }
            } else if (!digits()) {
                throw badNumber(start, "'-' must be followed by a digit");
            }
            if (pos < length && text.charAt(pos) == '.') {
                pos++;
                if (!digits()) {
                    throw badNumber(start, "'.' must be followed by a digit");
                }
            }
            if (pos < length && (text.charAt(pos) == 'e' || text.charAt(pos) == 'E')) {
                pos++;
                if (pos < length && (text.charAt(pos) == '+' || text.charAt(pos) == '-')) {
                    pos++;
                }
                if (!digits()) {
                    throw badNumber(start, "the exponent must have a digit");
                }
            }
            String literal = text.substring(start, pos);
            double value = JsonNumbers.parse(literal);
            if (Double.isInfinite(value)) {
                throw fail(start, "the number " + literal + " is too large for a double");
            }
            return Double.valueOf(value);
        }

        private boolean digits() {
            int start = pos;
            while (pos < length && isDigit(text.charAt(pos))) {
                pos++;
            }
            return pos > start;
        }

        private GraphException badNumber(int start, String why) {
            int end = start + 1;
            while (end < length && end - start < 40) {
                char c = text.charAt(end);
                if (!(isDigit(c) || c == '.' || c == 'e' || c == 'E' || c == '+' || c == '-')) {
                    break;
                }
                end++;
            }
            return fail(start, "invalid number '" + text.substring(start, end) + "': " + why);
        }

        private Object literal(String word, Object value) {
            if (text.startsWith(word, pos) && (pos + word.length() >= length || !isWordChar(text.charAt(pos + word.length())))) {
                pos += word.length();
                return value;
            }
            throw unknownWord(pos);
        }

        private GraphException unknownWord(int start) {
            int end = start;
            while (end < length && end - start < 40 && isWordChar(text.charAt(end))) {
                end++;
            }
            return fail(start, "unknown word '" + text.substring(start, end)
                    + "' (JSON has true, false and null; strings need double quotes)");
        }

        private void enter(int at) {
            depth++;
            if (depth > MAX_DEPTH) {
                throw fail(at, "objects and arrays are nested deeper than " + MAX_DEPTH + " levels");
            }
        }

        private void skipWhitespace() {
            while (pos < length) {
                char c = text.charAt(pos);
                if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                    return;
                }
                pos++;
            }
        }

        private String found(int at) {
            if (at >= length) {
                return "the end of the text";
            }
            char c = text.charAt(at);
            if (c == '\uFEFF') {
                return "U+FEFF (a byte order mark, which JSON does not allow)";
            }
            if (c == '\'') {
                return "\"'\" (strings need double quotes)";
            }
            if (c > 0x20 && c < 0x7f) {
                return "'" + c + "'";
            }
            return codePoint(c);
        }

        private static String printable(char c) {
            return c > 0x20 && c < 0x7f ? String.valueOf(c) : codePoint(c);
        }

        private static String codePoint(char c) {
            String hex = Integer.toHexString(c).toUpperCase();
            while (hex.length() < 4) {
                hex = "0" + hex;
            }
            return "U+" + hex;
        }

        private static boolean isDigit(char c) {
            return c >= '0' && c <= '9';
        }

        private static boolean isWordChar(char c) {
            return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_'
                    || c == '$';
        }

        private GraphException fail(int at, String what) {
            int line = 1;
            int lineStart = 0;
            for (int i = 0; i < at && i < length; i++) {
                if (text.charAt(i) == '\n') {
                    line++;
                    lineStart = i + 1;
                }
            }
            return new GraphException("invalid JSON at line " + line + ", column " + (at - lineStart + 1) + ": "
                    + what);
        }
    }

    /** The value of an ASCII hex digit, or -1: JSON's \\u escapes take no other digits. */
    private static int hexDigit(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }
}
