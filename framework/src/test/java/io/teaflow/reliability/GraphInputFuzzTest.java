package io.teaflow.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.teaflow.graph.Graph;
import io.teaflow.graph.GraphException;
import io.teaflow.graph.GraphJson;
import io.teaflow.graph.GraphText;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * Fuzzing the value boundary of {@code io.teaflow.graph}, {@link GraphJson#fromMap}: random and
 * broken graph maps, and random and mutated JSON text and graph files parsed by Gson (test code,
 * {@link GraphText}). Whatever comes in, the only failure is a {@link GraphException} (a
 * {@code TeaflowException}) with the documented message shape; never another exception type,
 * never a hang, never a graph that does not validate or round-trip.
 */
class GraphInputFuzzTest {
    // ---- text: Gson reads it (GraphText), GraphJson.fromMap the graph ----

    @Property(tries = 2000)
    void readingAnyTextGivesAGraphOrAGraphError(@ForAll("jsonishTexts") String text) {
        readOrDocumentedError(text);
    }

    @Property(tries = 1000)
    void mutatedGraphFilesGiveAGraphOrAGraphError(@ForAll("graphTexts") String text,
            @ForAll("mutations") List<Gen.Mutation> mutations) {
        Graph original = GraphText.read(text);
        assertEquals(GraphJson.toMap(original), GraphJson.toMap(GraphText.read(GraphText.write(original))),
                "a graph written and read back is the same graph");
        String mutated = Gen.apply(text, mutations);
        Graph graph = readOrDocumentedError(mutated);
        Statistics.collect(graph == null ? "mutant refused" : "mutant read");
        if (graph != null) {
            String written = GraphText.write(graph);
            assertEquals(written, GraphText.write(GraphText.read(written)), "a read mutant writes and reads back the same");
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
            Graph graph = GraphText.read(text);
            graph.validate();
            return graph;
        } catch (GraphException e) {
            String message = e.getMessage();
            assertNotNull(message, "error without message for " + text);
            if (message.startsWith("invalid JSON")) {
                Statistics.collect("not JSON");
            } else {
                assertTrue(message.startsWith("graph: ") && message.length() > "graph: ".length(),
                        "a graph error is 'graph: ...': " + message);
            }
            return null;
        } catch (Throwable t) {
            throw new AssertionError("reading threw " + t + " for " + text, t);
        }
    }

    @Provide
    Arbitrary<String> jsonishTexts() {
        return Arbitraries.oneOf(Gen.jsonishText(),
                Gen.jsonValue(3).map(GraphText::write),
                Combinators.combine(Gen.jsonValue(3).map(GraphText::write), Gen.mutation().list().ofMaxSize(3))
                        .as(Gen::apply),
                Arbitraries.integers().between(0, 600).map(n -> "[".repeat(n) + "]".repeat(n)),
                Arbitraries.integers().between(500, 520).map(n -> "{\"a\":".repeat(n) + "1" + "}".repeat(n)));
    }

    @Provide
    Arbitrary<List<Gen.Mutation>> mutations() {
        return Gen.mutation().list().ofMinSize(1).ofMaxSize(4);
    }

    @Provide
    Arbitrary<String> graphTexts() {
        List<String> files = new ArrayList<>();
        for (String name : List.of("case-sensitive.json", "counting-pipeline.json", "from-fbp-language.json")) {
            files.add(resource("/graphs/" + name));
        }
        return Arbitraries.oneOf(Arbitraries.of(files), Gen.validGraph().map(GraphText::write),
                Gen.validGraph().map(g -> GraphText.write(g, 0)));
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
