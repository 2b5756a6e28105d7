package io.teaflow.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Component libraries found by ServiceLoader, and what happens when two name the same component. */
class ComponentLibrariesTest {
    static final class First implements ComponentLibrary {
        @Override
        public Map<String, ActorFactory> components() {
            return Map.of("shared/Thing", TestActors.actor(List.of("in"), List.of(), ctx -> { }));
        }
    }

    static final class Second implements ComponentLibrary {
        @Override
        public Map<String, ActorFactory> components() {
            return Map.of("shared/Thing", TestActors.actor(List.of("in"), List.of(), ctx -> { }));
        }
    }

    @Test
    void theBuiltInsAreALibraryFoundOnTheClassPath() {
        assertEquals(List.of("core/Repeat", "core/Drop", "core/Counter", "core/Collect", "core/Accumulate"),
                new Network().builtInComponents());
    }

    @Test
    void aComponentNamedByTwoLibrariesIsAnErrorNamingItAndBoth() {
        TeaflowException e = assertThrows(TeaflowException.class,
                () -> ComponentLibraries.merge(List.of(new First(), new Second())));
        assertTrue(e.getMessage().contains("'shared/Thing'") && e.getMessage().contains(First.class.getName())
                && e.getMessage().contains(Second.class.getName()), e.getMessage());
    }

    @Test
    void librariesMergeInOrder() {
        assertEquals(List.of("shared/Thing"), List.copyOf(ComponentLibraries.merge(List.of(new First())).keySet()));
    }

    static final class ClaimsCore implements ComponentLibrary {
        @Override
        public Map<String, ActorFactory> components() {
            return Map.of("core/Mine", TestActors.actor(List.of("in"), List.of(), ctx -> { }));
        }
    }

    static final class ReturnsNull implements ComponentLibrary {
        @Override
        public Map<String, ActorFactory> components() {
            return null;
        }
    }

    @Test
    void aLibraryOtherThanTheBuiltInsCannotNameCoreComponents() {
        TeaflowException e = assertThrows(TeaflowException.class,
                () -> ComponentLibraries.merge(List.of(new ClaimsCore())));
        assertTrue(e.getMessage().contains("'core/Mine'") && e.getMessage().contains(ClaimsCore.class.getName()),
                e.getMessage());
    }

    @Test
    void aLibraryWhoseComponentsAreNullIsAnErrorNamingIt() {
        TeaflowException e = assertThrows(TeaflowException.class,
                () -> ComponentLibraries.merge(List.of(new ReturnsNull())));
        assertTrue(e.getMessage().contains(ReturnsNull.class.getName()), e.getMessage());
    }

    @Test
    void registeringAnActorUnderALibrarysComponentNameThrowsNamingIt() {
        Network network = new Network(new DirectHost(), ComponentLibraries.merge(List.of(new First())));
        TeaflowException e = assertThrows(TeaflowException.class, () -> network.registerActor("shared/Thing",
                TestActors.actor(List.of("in"), List.of(), ctx -> { })));
        assertTrue(e.getMessage().contains("'shared/Thing'"), e.getMessage());
        assertEquals(List.of("shared/Thing"), network.builtInComponents());
    }
}
