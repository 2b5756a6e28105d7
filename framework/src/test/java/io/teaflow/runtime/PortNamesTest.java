package io.teaflow.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Port-name lists are shared between actors declaring equal names, and never changed by their callers. */
class PortNamesTest {
    @Test
    void equalNamesShareOneImmutableList() {
        List<String> first = PortNames.of(new ArrayList<>(List.of("in", "config")));
        List<String> second = PortNames.of(new ArrayList<>(List.of("in", "config")));
        assertSame(first, second);
        assertNotSame(first, PortNames.of(List.of("config", "in")), "order matters");
        assertThrows(UnsupportedOperationException.class, () -> first.add("x"));
    }

    @Test
    void aCallersListChangedLaterChangesNothing() {
        List<String> mine = new ArrayList<>(List.of("a", "b"));
        List<String> kept = PortNames.of(mine);
        mine.set(0, "z");
        assertEquals(List.of("a", "b"), kept);
        assertEquals(List.of("z", "b"), PortNames.of(mine));
    }

    @Test
    void nullsAreRefusedAsListCopyOfDoes() {
        PortNames.of(List.of("a"));
        assertThrows(NullPointerException.class, () -> PortNames.of(null));
        assertThrows(NullPointerException.class, () -> PortNames.of(Arrays.asList("a", null)));
        assertThrows(NullPointerException.class, () -> PortNames.of(Arrays.asList((String) null)));
    }
}
