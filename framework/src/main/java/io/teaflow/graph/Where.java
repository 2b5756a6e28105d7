package io.teaflow.graph;

/**
 * A place in a graph being read ({@code graph: connection 12 src}), for error messages: its parts
 * are joined only when a message needs it, not for every field of every process and connection.
 */
final class Where {
    private final Object[] parts;

    Where(Object... parts) {
        this.parts = parts;
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        for (Object part : parts) {
            text.append(part);
        }
        return text.toString();
    }
}
