package io.teaflow.components;

import java.util.List;

/** Port lists shared by the built-in components. */
final class Ports {
    static final List<String> IN = List.of("in");
    static final List<String> OUT = List.of("out");
    static final List<String> NONE = List.of();

    private Ports() {
    }
}
