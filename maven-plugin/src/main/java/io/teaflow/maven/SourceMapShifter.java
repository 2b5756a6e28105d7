package io.teaflow.maven;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * TeaVM's source map, for a file that embeds TeaVM's output after a prefix: the mappings move down
 * by the prefix's lines. Sources found by {@code sourceText} (Teaflow's runtime and bridge, the
 * user's own source roots) are inlined, so stack traces map to Java without a server; TeaVM's class
 * library is named only.
 */
final class SourceMapShifter {
    /** Where Teaflow's own sources appear in devtools. */
    static final String TEAFLOW_SCHEME = "teaflow:///";
    /** Where the user's sources appear. */
    static final String APP_SCHEME = "app:///";
    /** Where the rest (TeaVM's class library) appears, without content. */
    static final String TEAVM_SCHEME = "teavm:///";

    private final List<String> sources = new ArrayList<>();
    private final JsonArray names;
    private final String mappings;
    private final Function<String, SourceFile> sourceText;

    /** A source's text and whether it is Teaflow's own (else the user's). */
    record SourceFile(String text, boolean teaflow) {
    }

    /**
     * @param teavmMap   TeaVM's source map (JSON)
     * @param sourceText the source file for a path such as {@code io/teaflow/runtime/Network.java}, or null
     */
    SourceMapShifter(String teavmMap, Function<String, SourceFile> sourceText) {
        JsonObject map = JsonParser.parseString(teavmMap).getAsJsonObject();
        for (JsonElement source : map.getAsJsonArray("sources")) {
            sources.add(source.getAsString());
        }
        this.names = map.has("names") ? map.getAsJsonArray("names") : new JsonArray();
        this.mappings = map.get("mappings").getAsString();
        this.sourceText = sourceText;
    }

    /** The map of {@code fileName}, whose text holds {@code core} (TeaVM's output) at the start of a line. */
    String mapFor(String fileName, String text, String core) {
        int at = text.indexOf(core);
        if (at < 0 || (at > 0 && text.charAt(at - 1) != '\n')) {
            throw new IllegalStateException(fileName + ": TeaVM's output must start a line for the source map to hold");
        }
        int linesBefore = 0;
        for (int i = 0; i < at; i++) {
            if (text.charAt(i) == '\n') {
                linesBefore++;
            }
        }
        StringWriter out = new StringWriter();
        try (JsonWriter json = new JsonWriter(out)) {
            json.setHtmlSafe(false);
            json.beginObject();
            json.name("version").value(3);
            json.name("file").value(fileName);
            List<SourceFile> files = sources.stream().map(sourceText).toList();
            json.name("sources").beginArray();
            for (int i = 0; i < sources.size(); i++) {
                SourceFile file = files.get(i);
                String scheme = file == null ? TEAVM_SCHEME : file.teaflow() ? TEAFLOW_SCHEME : APP_SCHEME;
                json.value(scheme + sources.get(i));
            }
            json.endArray();
            json.name("sourcesContent").beginArray();
            for (SourceFile file : files) {
                if (file == null) {
                    json.nullValue();
                } else {
                    json.value(file.text());
                }
            }
            json.endArray();
            json.name("names").beginArray();
            for (JsonElement name : names) {
                json.value(name.getAsString());
            }
            json.endArray();
            json.name("mappings").value(";".repeat(linesBefore) + mappings);
            json.endObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
