package io.teaflow.e2e;

import java.util.Arrays;
import java.util.List;

/**
 * The backends every browser test runs on. Adding a backend to the library means adding its name
 * to {@link #SUPPORTED}; every page test then runs on it too, unchanged.
 */
final class Backends {
    /** What {@code Teaflow.init({backend})} can load today. */
    static final List<String> SUPPORTED = List.of("js", "wasm");

    private Backends() {
    }

    /**
     * The backends to test: {@link #SUPPORTED}, or the comma-separated list in system property
     * {@code teaflow.backends} (e.g. {@code mvn -B -pl test-harness test -Dteaflow.backends=js}).
     */
    static List<String> all() {
        String selected = System.getProperty("teaflow.backends", "").trim();
        if (selected.isEmpty()) {
            return SUPPORTED;
        }
        return Arrays.stream(selected.split(",")).map(String::trim).filter(name -> !name.isEmpty()).toList();
    }
}
