package io.teaflow.runtime;

import java.util.List;

/**
 * Immutable port-name lists, shared between actors that declare the same names: every node of a
 * large network used to hold its own copies (two lists, each with its array, per actor and again
 * per node). The last few lists made are kept and handed out again when equal.
 */
final class PortNames {
    private static final int KEPT = 8;
    // Racy by design on the JVM: every slot holds an immutable list (safely published through its
    // final fields), so a reader sees some list made here or null; a lost write only costs a copy.
    private static final Object[] RECENT = new Object[KEPT];
    private static int next;

    private PortNames() {
    }

    /**
     * An immutable list of {@code names}, possibly one handed out before.
     *
     * @throws NullPointerException when {@code names} or one of its names is null (as {@link List#copyOf})
     */
    @SuppressWarnings("unchecked")
    static List<String> of(List<String> names) {
        int size = names.size();
        for (Object kept : RECENT) {
            if (kept != null && same((List<String>) kept, names, size)) {
                return (List<String>) kept;
            }
        }
        List<String> copy = List.copyOf(names);
        RECENT[next] = copy;
        next = (next + 1) % KEPT;
        return copy;
    }

    /** Equal lists, compared by index (a List.equals would make two iterators per comparison). */
    private static boolean same(List<String> kept, List<String> names, int size) {
        if (kept.size() != size) {
            return false;
        }
        for (int i = 0; i < size; i++) {
            if (!kept.get(i).equals(names.get(i))) {
                return false;
            }
        }
        return true;
    }
}
