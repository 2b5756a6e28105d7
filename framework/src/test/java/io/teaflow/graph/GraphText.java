package io.teaflow.graph;

import com.google.gson.FormattingStyle;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * FBP graphs as JSON text, for tests: Gson's reader and writer handle the text, {@link GraphJson}
 * the graph (main code holds no JSON parser). Read values are maps in key order, lists, strings,
 * doubles, booleans and null; a key given twice in one object is an error (JSON.parse would keep
 * the last). Written text is what fbp-graph's {@code save()} ({@code JSON.stringify(json, null, 4)})
 * writes, numbers included, so a file fbp-graph wrote comes back byte for byte.
 */
public final class GraphText {
    /** The indentation fbp-graph's {@code save()} uses. */
    public static final int INDENT = 4;

    /** Gson escapes U+2028 and U+2029 (for script embedding); JSON.stringify writes them as they are. */
    private static final Pattern LINE_SEPARATOR_ESCAPE = Pattern.compile("(?<!\\\\)((?:\\\\\\\\)*)\\\\u(2028|2029)");

    private GraphText() {
    }

    /** Reads a JSON text into a validated graph. */
    @SuppressWarnings("unchecked")
    public static Graph read(String text) {
        Object json = parse(text);
        if (!(json instanceof Map)) {
            throw new GraphException("graph: the graph must be a JSON object (got " + GraphValidator.describe(json) + ")");
        }
        return GraphJson.fromMap((Map<String, Object>) json);
    }

    /** Writes a graph as JSON text indented by 4 spaces, as fbp-graph's {@code save()} does. */
    public static String write(Graph graph) {
        return write(graph, INDENT);
    }

    /** Writes a graph as JSON text indented by {@code indent} spaces (0: on one line). */
    public static String write(Graph graph, int indent) {
        return write(GraphJson.toMap(graph), indent);
    }

    /** Parses one JSON value (strict); errors are a {@link GraphException} starting "invalid JSON". */
    public static Object parse(String text) {
        try (JsonReader reader = new JsonReader(new StringReader(text))) {
            reader.setStrictness(Strictness.STRICT);
            reader.setNestingLimit(Integer.MAX_VALUE);
            Object value = value(reader);
            if (reader.peek() != JsonToken.END_DOCUMENT) {
                throw new GraphException("invalid JSON" + where(reader) + ": text after the JSON value");
            }
            return value;
        } catch (IOException | IllegalStateException | NumberFormatException e) {
            throw new GraphException("invalid JSON: " + e.getMessage());
        }
    }

    /** Writes plain Java values on one line, as {@code JSON.stringify(value)} does. */
    public static String write(Object value) {
        return write(value, 0);
    }

    /** Writes plain Java values as {@code JSON.stringify(value, null, indent)} does. */
    public static String write(Object value, int indent) {
        StringWriter out = new StringWriter();
        try (JsonWriter writer = new JsonWriter(out)) {
            writer.setFormattingStyle(indent == 0 ? FormattingStyle.COMPACT
                    : FormattingStyle.PRETTY.withIndent(" ".repeat(indent)));
            writer.setHtmlSafe(false);
            write(writer, value, "");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        Matcher escapes = LINE_SEPARATOR_ESCAPE.matcher(out.toString());
        StringBuilder text = new StringBuilder();
        while (escapes.find()) {
            escapes.appendReplacement(text, Matcher.quoteReplacement(escapes.group(1)
                    + (char) Integer.parseInt(escapes.group(2), 16)));
        }
        return escapes.appendTail(text).toString();
    }

    private static Object value(JsonReader reader) throws IOException {
        switch (reader.peek()) {
            case BEGIN_OBJECT: {
                Map<String, Object> object = new LinkedHashMap<>();
                reader.beginObject();
                while (reader.hasNext()) {
                    String key = reader.nextName();
                    if (object.containsKey(key)) {
                        throw new GraphException("invalid JSON" + where(reader) + ": the key \"" + key
                                + "\" appears twice in the same object");
                    }
                    object.put(key, value(reader));
                }
                reader.endObject();
                return object;
            }
            case BEGIN_ARRAY: {
                List<Object> array = new ArrayList<>();
                reader.beginArray();
                while (reader.hasNext()) {
                    array.add(value(reader));
                }
                reader.endArray();
                return array;
            }
            case STRING:
                return reader.nextString();
            case NUMBER:
                return Double.valueOf(reader.nextDouble());
            case BOOLEAN:
                return Boolean.valueOf(reader.nextBoolean());
            case NULL:
                reader.nextNull();
                return null;
            default:
                throw new GraphException("invalid JSON" + where(reader) + ": expected a value");
        }
    }

    /** {@code " at line L column C"}, from Gson's own description of the reader's position. */
    private static String where(JsonReader reader) {
        String described = reader.toString();
        int at = described.indexOf(" at line ");
        int path = described.indexOf(" path ");
        return at < 0 ? "" : described.substring(at, path < 0 ? described.length() : path);
    }

    private static void write(JsonWriter out, Object value, String path) throws IOException {
        if (value == null) {
            out.nullValue();
        } else if (value instanceof String) {
            out.value((String) value);
        } else if (value instanceof Boolean) {
            out.value(((Boolean) value).booleanValue());
        } else if (value instanceof Number) {
            double number = ((Number) value).doubleValue();
            if (Double.isNaN(number) || Double.isInfinite(number)) {
                throw cannotWrite(path, "the number " + number);
            }
            out.jsonValue(jsNumber(number));
        } else if (value instanceof Map) {
            out.beginObject();
            for (Map.Entry<?, ?> entry : ((Map<?, ?>) value).entrySet()) {
                if (!(entry.getKey() instanceof String)) {
                    throw cannotWrite(path, "a map with the key " + entry.getKey());
                }
                String key = (String) entry.getKey();
                out.name(key);
                write(out, entry.getValue(), path.isEmpty() ? key : path + "." + key);
            }
            out.endObject();
        } else if (value instanceof List) {
            out.beginArray();
            List<?> list = (List<?>) value;
            for (int i = 0; i < list.size(); i++) {
                write(out, list.get(i), path + "[" + i + "]");
            }
            out.endArray();
        } else {
            throw cannotWrite(path, "a " + value.getClass().getName());
        }
    }

    private static GraphException cannotWrite(String path, String what) {
        return new GraphException("graph: cannot write " + (path.isEmpty() ? "the value" : path) + ": it is " + what
                + " (only maps with string keys, lists, strings, numbers, booleans and null can be written)");
    }

    /** A number as JavaScript prints it ({@code 100}, {@code 0.1}, {@code 1e+21}, {@code 1e-7}): ECMAScript's
     * Number::toString over the digits of {@link Double#toString}. */
    static String jsNumber(double value) {
        if (value == 0) {
            return "0";
        }
        BigDecimal decimal = new BigDecimal(Double.toString(Math.abs(value))).stripTrailingZeros();
        String digits = decimal.unscaledValue().toString();
        int k = digits.length();
        int n = k - decimal.scale(); // value = 0.digits × 10^n
        String text;
        if (k <= n && n <= 21) {
            text = digits + "0".repeat(n - k);
        } else if (0 < n && n <= 21) {
            text = digits.substring(0, n) + "." + digits.substring(n);
        } else if (-6 < n && n <= 0) {
            text = "0." + "0".repeat(-n) + digits;
        } else {
            int exponent = n - 1;
            text = (k == 1 ? digits : digits.charAt(0) + "." + digits.substring(1))
                    + "e" + (exponent >= 0 ? "+" : "-") + Math.abs(exponent);
        }
        return value < 0 ? "-" + text : text;
    }
}
