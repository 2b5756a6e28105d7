package io.teaflow.reliability;

import io.teaflow.graph.Graph;
import io.teaflow.graph.GraphConnection;
import io.teaflow.graph.GraphEndpoint;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/** Shared generators for the fuzzing properties: JSON text, JSON values, graph-shaped maps, graphs. */
final class Gen {
    private Gen() {
    }

    /** Characters JSON text is made of, with the letters of its words, and some that break it. */
    static final String JSON_CHARS = "{}[]\",:0123456789-+.eE \t\n\r\\/ubfnrtalsux";

    /** Text that is mostly JSON-ish characters, sometimes any character at all. */
    static Arbitrary<String> jsonishText() {
        Arbitrary<Character> c = Arbitraries.frequencyOf(
                Tuple.of(8, Arbitraries.of(chars(JSON_CHARS))),
                Tuple.of(1, Arbitraries.chars()),
                Tuple.of(1, Arbitraries.of('\u0000', '\u001f', '\u007f', '\u00a0', '\u2028', '\ufeff', '\ud800',
                        '\udc00', '\uff10', '\'', 'N', 'I')));
        return c.list().ofMaxSize(60).map(Gen::string);
    }

    // ---- JSON values ----

    /** A JSON value as a JSON library parses them (doubles; no -0.0: JSON writes it as 0). */
    static Arbitrary<Object> jsonValue(int depth) {
        Arbitrary<Object> leaf = Arbitraries.oneOf(
                Arbitraries.just(null),
                Arbitraries.of(Boolean.TRUE, Boolean.FALSE),
                Arbitraries.doubles().filter(d -> !Double.isNaN(d) && !Double.isInfinite(d))
                        .map(d -> d == 0 ? 0.0 : d),
                Arbitraries.integers().between(-1000, 1000).map(i -> (Object) (double) i),
                Arbitraries.strings().ofMaxLength(8).map(s -> (Object) s),
                Arbitraries.of("", "a", "in", "\u0000", "\ud83d\ude00", "\ud800", "\"\\", "__proto__"));
        if (depth <= 0) {
            return leaf;
        }
        Arbitrary<Object> nested = Arbitraries.lazy(() -> jsonValue(depth - 1));
        return Arbitraries.frequencyOf(
                Tuple.of(4, leaf),
                Tuple.of(1, nested.list().ofMaxSize(4).map(l -> (Object) new ArrayList<>(l))),
                Tuple.of(1, Arbitraries.maps(Arbitraries.strings().ofMaxLength(4), nested).ofMaxSize(4)
                        .map(m -> (Object) new LinkedHashMap<>(m))));
    }

    // ---- anything a Java caller might pass ----

    /** Values that are not JSON at all, or JSON of the wrong kind for wherever they are put. */
    static Arbitrary<Object> junk() {
        return Arbitraries.oneOf(
                Arbitraries.just(null),
                Arbitraries.of(Boolean.TRUE, Boolean.FALSE),
                Arbitraries.of(0.0, -1.0, 1.5, 1e300, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
                        Double.MIN_VALUE),
                Arbitraries.of(0, -1, 7, Integer.MAX_VALUE, Long.MAX_VALUE, Float.NaN, (short) 2, (byte) -3),
                Arbitraries.of("", " ", "a", "b", "A", "in", "IN", "out", "core/Repeat", "x".repeat(50)),
                Arbitraries.just(0).map(x -> (Object) new BigInteger("123456789012345678901234567890")),
                Arbitraries.just(0).map(x -> (Object) new BigDecimal("-2.5")),
                Arbitraries.just(0).map(x -> (Object) new Object()),
                Arbitraries.just(0).map(x -> (Object) 'c'),
                Arbitraries.just(0).map(x -> (Object) new int[] {1, 2}),
                Arbitraries.just(0).map(x -> (Object) Optional.empty()),
                Arbitraries.just(0).map(x -> (Object) new ArrayList<>(Arrays.asList(1.0, null, "a"))),
                Arbitraries.just(0).map(x -> (Object) new LinkedHashMap<String, Object>()),
                Arbitraries.just(0).map(x -> selfContaining()),
                jsonValue(2));
    }

    /** A list that contains itself: JSON cannot carry it. */
    static Object selfContaining() {
        List<Object> list = new SelfList();
        list.add(list);
        return list;
    }

    /**
     * A list that may contain itself, with identity equality and hash: jqwik hashes generated values
     * (and a self-containing {@code ArrayList} overflows the stack doing so).
     */
    static final class SelfList extends ArrayList<Object> {
        @Override
        public boolean equals(Object o) {
            return this == o;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(this);
        }

        @Override
        public String toString() {
            return "[<a list containing itself>]";
        }
    }

    static <T> Arbitrary<Object> or(Arbitrary<T> good, int goodWeight) {
        return Arbitraries.frequencyOf(Tuple.of(goodWeight, good.map(v -> (Object) v)), Tuple.of(1, junk()));
    }

    // ---- graph-shaped maps (GraphJson.fromMap) ----

    static final List<String> IDS = List.of("a", "b", "c", "A", "sub/x");
    static final List<String> PORTS = List.of("in", "out", "IN", "Out", "a", "b", "nope");

    static Arbitrary<Object> name(List<String> vocabulary) {
        return or(Arbitraries.of(vocabulary), 6);
    }

    static Arbitrary<Object> metadata() {
        return Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.just(null)),
                Tuple.of(3, Arbitraries.maps(Arbitraries.of("x", "y", "label"), jsonValue(1)).ofMaxSize(2)
                        .map(m -> (Object) new LinkedHashMap<>(m))),
                Tuple.of(1, junk()));
    }

    /** Marks a field left out of an object (as opposed to one present with the value null). */
    enum Field { ABSENT }

    /** An object with each of {@code fields} present (sometimes as null) or left out. */
    @SafeVarargs
    static Arbitrary<Map<String, Object>> object(Tuple.Tuple2<String, Arbitrary<Object>>... fields) {
        List<Arbitrary<Object>> parts = new ArrayList<>();
        for (Tuple.Tuple2<String, Arbitrary<Object>> field : fields) {
            parts.add(Arbitraries.frequencyOf(Tuple.of(8, field.get2()),
                    Tuple.of(1, Arbitraries.just(Field.ABSENT)), Tuple.of(1, Arbitraries.just(null))));
        }
        return Combinators.combine(parts).as(values -> {
            Map<String, Object> map = new LinkedHashMap<>();
            for (int i = 0; i < fields.length; i++) {
                if (values.get(i) != Field.ABSENT) {
                    map.put(fields[i].get1(), values.get(i));
                }
            }
            return map;
        });
    }

    static Arbitrary<Object> endpoint() {
        Arbitrary<Object> index = Arbitraries.frequencyOf(Tuple.of(4, Arbitraries.just(null)),
                Tuple.of(3, Arbitraries.integers().between(-1, 3).map(i -> (Object) (double) i)),
                Tuple.of(1, Arbitraries.of(0.5, 3e9, -0.0, Double.NaN, 2147483647.0, 2147483648.0).map(d -> (Object) d)),
                Tuple.of(1, junk()));
        return or(object(Tuple.of("process", name(IDS)), Tuple.of("port", name(PORTS)), Tuple.of("index", index)), 6);
    }

    static Arbitrary<Map<String, Object>> graphMap() {
        Arbitrary<Object> process = or(object(Tuple.of("component", name(List.of("core/Repeat", "t/Hop", "X"))),
                Tuple.of("metadata", metadata())), 6);
        Arbitrary<Object> processes = or(Arbitraries.maps(Arbitraries.of("a", "b", "c", "A", ""), process).ofMaxSize(4)
                .map(m -> new LinkedHashMap<>(m)), 6);
        Arbitrary<Object> edge = object(Tuple.of("src", endpoint()), Tuple.of("tgt", endpoint()),
                Tuple.of("metadata", metadata())).map(m -> m);
        Arbitrary<Object> initial = object(Tuple.of("data", jsonValue(1)), Tuple.of("tgt", endpoint()),
                Tuple.of("metadata", metadata())).map(m -> m);
        Arbitrary<Object> mixed = object(Tuple.of("src", endpoint()), Tuple.of("tgt", endpoint()),
                Tuple.of("data", jsonValue(1)), Tuple.of("metadata", metadata())).map(m -> m);
        Arbitrary<Object> connection = or(Arbitraries.frequencyOf(Tuple.of(4, edge), Tuple.of(2, initial),
                Tuple.of(1, mixed)), 8);
        Arbitrary<Object> connections = or(connection.list().ofMaxSize(5).map(l -> new ArrayList<>(l)), 6);
        Arbitrary<Object> exported = or(object(Tuple.of("process", name(IDS)), Tuple.of("port", name(PORTS)),
                Tuple.of("metadata", metadata())), 6);
        Arbitrary<Object> exportedMap = or(Arbitraries.maps(Arbitraries.of("in", "IN", "out", "x", ""), exported)
                .ofMaxSize(3).map(m -> new LinkedHashMap<>(m)), 6);
        Arbitrary<Object> group = or(object(Tuple.of("name", name(List.of("g", "h"))),
                Tuple.of("nodes", or(name(IDS).list().ofMaxSize(3).map(l -> new ArrayList<>(l)), 6)),
                Tuple.of("metadata", metadata())), 6);
        Arbitrary<Object> groups = or(group.list().ofMaxSize(3).map(l -> new ArrayList<>(l)), 6);
        return object(Tuple.of("caseSensitive", or(Arbitraries.of(true, false), 4)),
                Tuple.of("properties", metadata()), Tuple.of("processes", processes),
                Tuple.of("connections", connections), Tuple.of("inports", exportedMap),
                Tuple.of("outports", exportedMap), Tuple.of("groups", groups));
    }

    // ---- valid graphs as maps, then broken in a few places ----

    /** One edit of a JSON-like tree at the {@code slot}-th place: 0 junk, 1 remove, 2 add a key or item, 3 null. */
    record MapMutation(int slot, int action, String key, Object junk) {
    }

    static Arbitrary<MapMutation> mapMutation() {
        return Combinators.combine(Arbitraries.integers().between(0, 500), Arbitraries.integers().between(0, 3),
                Arbitraries.of("src", "tgt", "data", "index", "process", "port", "component", "metadata", "x"), junk())
                .as(MapMutation::new);
    }

    /** The map of a valid graph ({@code GraphJson.toMap}), deep-copied, with 1–3 places broken. */
    static Arbitrary<Map<String, Object>> mutatedGraphMap() {
        return Combinators.combine(validGraph(), mapMutation().list().ofMinSize(1).ofMaxSize(3)).as((graph, edits) -> {
            @SuppressWarnings("unchecked")
            Map<String, Object> map = (Map<String, Object>) deepCopy(io.teaflow.graph.GraphJson.toMap(graph));
            for (MapMutation edit : edits) {
                apply(map, edit);
            }
            return map;
        });
    }

    static Object deepCopy(Object value) {
        if (value instanceof Map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            ((Map<?, ?>) value).forEach((k, v) -> copy.put((String) k, deepCopy(v)));
            return copy;
        }
        if (value instanceof List && !(value instanceof SelfList)) {
            List<Object> copy = new ArrayList<>();
            ((List<?>) value).forEach(v -> copy.add(deepCopy(v)));
            return copy;
        }
        return value;
    }

    /**
     * Applies one edit. The junk is copied in: jqwik may hand the same junk object to two edits,
     * and putting one list inside itself made an ArrayList whose hashCode overflows the stack.
     */
    @SuppressWarnings("unchecked")
    static void apply(Map<String, Object> root, MapMutation edit) {
        List<Object[]> slots = new ArrayList<>(); // {container, key or index}
        collect(root, slots, java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>()));
        Object[] slot = slots.get(edit.slot() % slots.size());
        if (slot[0] instanceof Map) {
            Map<String, Object> map = (Map<String, Object>) slot[0];
            String key = (String) slot[1];
            switch (edit.action()) {
                case 0 -> map.put(key, deepCopy(edit.junk()));
                case 1 -> map.remove(key);
                case 2 -> map.put(edit.key(), deepCopy(edit.junk()));
                default -> map.put(key, null);
            }
        } else {
            List<Object> list = (List<Object>) slot[0];
            int index = (Integer) slot[1];
            switch (edit.action()) {
                case 0 -> list.set(index, deepCopy(edit.junk()));
                case 1 -> list.remove(index);
                case 2 -> list.add(index, deepCopy(edit.junk()));
                default -> list.set(index, null);
            }
        }
    }

    private static void collect(Object value, List<Object[]> slots, Set<Object> seen) {
        if (!(value instanceof Map || value instanceof List) || value instanceof SelfList || !seen.add(value)) {
            return;
        }
        if (value instanceof Map) {
            for (Map.Entry<?, ?> e : ((Map<?, ?>) value).entrySet()) {
                slots.add(new Object[] {value, e.getKey()});
                collect(e.getValue(), slots, seen);
            }
        } else {
            List<?> list = (List<?>) value;
            for (int i = 0; i < list.size(); i++) {
                slots.add(new Object[] {value, i});
                collect(list.get(i), slots, seen);
            }
        }
    }

    // ---- valid graphs (to write, then mutate) ----

    /** A valid graph over {@link #IDS}: processes, edges (no repeats), initial packets, exports, groups. */
    static Arbitrary<Graph> validGraph() {
        Arbitrary<List<Integer>> picks = Arbitraries.integers().between(0, 999).list().ofMaxSize(40);
        return Combinators.combine(Arbitraries.of(true, false), picks, jsonValue(2).list().ofMaxSize(3),
                metadata()).as(Gen::buildGraph);
    }

    private static Graph buildGraph(boolean caseSensitive, List<Integer> picks, List<Object> packets, Object meta) {
        int[] at = {0};
        java.util.function.IntUnaryOperator next = bound -> picks.isEmpty() ? 0 : picks.get(at[0]++ % picks.size()) % bound;
        Graph graph = new Graph(caseSensitive);
        if (meta instanceof Map) {
            graph.setProperties(meta);
        }
        int processes = 1 + next.applyAsInt(IDS.size());
        List<String> ids = IDS.subList(0, processes);
        for (String id : ids) {
            graph.addProcess(id, next.applyAsInt(2) == 0 ? "core/Repeat" : "t/Hop",
                    next.applyAsInt(3) == 0 ? new LinkedHashMap<>(Map.of("x", 1.0)) : null);
        }
        Set<String> edges = new HashSet<>();
        int count = next.applyAsInt(6);
        for (int i = 0; i < count; i++) {
            GraphEndpoint src = new GraphEndpoint(ids.get(next.applyAsInt(processes)),
                    PORTS.get(next.applyAsInt(PORTS.size())), next.applyAsInt(3) == 0 ? next.applyAsInt(3) : null);
            GraphEndpoint tgt = new GraphEndpoint(ids.get(next.applyAsInt(processes)),
                    PORTS.get(next.applyAsInt(PORTS.size())), null);
            if (edges.add(src.process() + "|" + graph.portKey(src.port()) + "|" + src.index() + "|" + tgt.process()
                    + "|" + graph.portKey(tgt.port()))) {
                graph.addConnection(GraphConnection.edge(src, tgt, null));
            }
        }
        for (Object packet : packets) {
            graph.addInitial(packet, ids.get(next.applyAsInt(processes)), PORTS.get(next.applyAsInt(PORTS.size())));
        }
        if (next.applyAsInt(2) == 0) {
            graph.addInport("start", ids.get(0), "in", null);
            graph.addOutport("result", ids.get(processes - 1), "out", new LinkedHashMap<>(Map.of("y", 2.0)));
        }
        if (next.applyAsInt(2) == 0) {
            graph.addGroup("g", new ArrayList<>(ids.subList(0, 1 + next.applyAsInt(processes))), null);
        }
        return graph.validate();
    }

    // ---- text mutations ----

    /** One edit of a text: 0 delete, 1 insert, 2 replace, 3 duplicate a slice, 4 swap two chars. */
    record Mutation(int kind, int position, int length, String insert) {
        String apply(String text) {
            int n = text.length();
            int at = n == 0 ? 0 : position % (n + 1);
            int end = Math.min(n, at + length);
            switch (kind) {
                case 0:
                    return text.substring(0, at) + text.substring(end);
                case 1:
                    return text.substring(0, at) + insert + text.substring(at);
                case 2:
                    return text.substring(0, at) + insert + text.substring(end);
                case 3:
                    return text.substring(0, end) + text.substring(at, end) + text.substring(end);
                default:
                    if (n < 2) {
                        return text;
                    }
                    int a = position % n;
                    int b = (position + length) % n;
                    char[] chars = text.toCharArray();
                    char t = chars[a];
                    chars[a] = chars[b];
                    chars[b] = t;
                    return new String(chars);
            }
        }
    }

    static Arbitrary<Mutation> mutation() {
        Arbitrary<String> insert = Arbitraries.oneOf(
                Arbitraries.of("{", "}", "[", "]", "\"", ",", ":", "\\", "\\u", "\\u00", "-", "0", "1e999", "e",
                        ".", "null", "true", "tru", "\"\"", "{}", "[]", "\n", "\ufeff", "\u0000", "'", "NaN",
                        "\"processes\"", "\"connections\"", "\"src\"", "\"data\"", "\"tgt\"", "\"index\"", "-1",
                        "\"caseSensitive\"", "\"metadata\"", "1.5", "\ud800"),
                Arbitraries.strings().ofMaxLength(3));
        return Combinators.combine(Arbitraries.integers().between(0, 4), Arbitraries.integers().between(0, 100_000),
                Arbitraries.integers().between(0, 12), insert).as(Mutation::new);
    }

    static String apply(String text, List<Mutation> mutations) {
        for (Mutation m : mutations) {
            text = m.apply(text);
        }
        return text;
    }

    private static Character[] chars(String s) {
        Character[] chars = new Character[s.length()];
        for (int i = 0; i < s.length(); i++) {
            chars[i] = s.charAt(i);
        }
        return chars;
    }

    private static String string(List<Character> chars) {
        StringBuilder s = new StringBuilder(chars.size());
        for (char c : chars) {
            s.append(c);
        }
        return s.toString();
    }
}
