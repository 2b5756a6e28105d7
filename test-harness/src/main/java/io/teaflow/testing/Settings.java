package io.teaflow.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Where a test class's pages are served from, which Chromium drives them and which backends they
 * run on. The machine's settings (system property, environment) win for the browser, which is a
 * fact of the machine; the test class's {@link TeaflowPages} wins for the folder, a fact of the project.
 */
record Settings(Path root, Path chromium, List<String> backends) {
    static final String ROOT_PROPERTY = "teaflow.pages.root";
    static final String CHROMIUM_PROPERTY = "teaflow.chromium";
    static final String CHROMIUM_ENV = "TEAFLOW_CHROMIUM";
    static final String BACKENDS_PROPERTY = "teaflow.backends";
    static final String DEFAULT_ROOT = "target/teaflow";
    static final String DEFAULT_CHROMIUM = "/usr/bin/chromium";
    /** What {@code Teaflow.init({backend})} loads; a new backend added here runs every page test on it too. */
    static final List<String> KNOWN_BACKENDS = List.of("js", "wasm");

    /** The settings for a test class annotated with {@code pages} (null if it is not). */
    static Settings of(TeaflowPages pages, Map<String, String> properties, Map<String, String> environment) {
        String root = firstNonBlank(pages == null ? null : pages.root(), properties.get(ROOT_PROPERTY), DEFAULT_ROOT);
        String chromium = firstNonBlank(properties.get(CHROMIUM_PROPERTY), environment.get(CHROMIUM_ENV),
                pages == null ? null : pages.chromium(), DEFAULT_CHROMIUM);
        String selected = properties.get(BACKENDS_PROPERTY);
        List<String> backends;
        String where;
        if (selected != null && !selected.isBlank()) {
            backends = Arrays.stream(selected.split(",")).map(String::trim).filter(name -> !name.isEmpty()).toList();
            where = "-D" + BACKENDS_PROPERTY + "=" + selected;
        } else if (pages != null && pages.backends().length > 0) {
            backends = List.of(pages.backends());
            where = "@TeaflowPages(backends)";
        } else {
            backends = KNOWN_BACKENDS;
            where = "the defaults";
        }
        return new Settings(Paths.get(root).toAbsolutePath().normalize(), Paths.get(chromium), checkBackends(backends, where));
    }

    static Settings fromSystem(TeaflowPages pages) {
        Map<String, String> properties = new java.util.HashMap<>();
        System.getProperties().stringPropertyNames().forEach(name -> properties.put(name, System.getProperty(name)));
        return of(pages, properties, System.getenv());
    }

    /** Fails, naming the folder and how to fill it, unless the root is a directory. */
    Path requireRoot() {
        if (!Files.isDirectory(root)) {
            throw new IllegalStateException("Teaflow page tests serve " + root + ", which is not a directory. Build the"
                    + " bundle first (teaflow-maven-plugin's goal bundle writes " + DEFAULT_ROOT + " in phase package:"
                    + " run page tests with Failsafe, in mvn verify), or name the folder by @TeaflowPages(root = \"...\")"
                    + " or -D" + ROOT_PROPERTY + "=...");
        }
        return root;
    }

    private static List<String> checkBackends(List<String> backends, String where) {
        List<String> unknown = new ArrayList<>(backends);
        unknown.removeAll(KNOWN_BACKENDS);
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("unknown backend(s) " + unknown + " in " + where + " (known: "
                    + String.join(", ", KNOWN_BACKENDS) + ")");
        }
        if (backends.isEmpty()) {
            throw new IllegalArgumentException("no backend selected by " + where + " (known: " + String.join(", ", KNOWN_BACKENDS) + ")");
        }
        return List.copyOf(new java.util.LinkedHashSet<>(backends));
    }

    private static String firstNonBlank(String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return value.trim();
            }
        }
        throw new IllegalStateException("no value");
    }
}
