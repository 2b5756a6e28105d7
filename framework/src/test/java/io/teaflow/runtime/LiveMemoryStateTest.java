package io.teaflow.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.teaflow.runtime.spi.LiveMemoryState;
import io.teaflow.runtime.spi.StateStorage;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LiveMemoryStateTest {
    private final List<String> reported = new ArrayList<>();
    private final LiveMemoryState state = new LiveMemoryState("n", new MapStateStorage(),
            (node, message, error) -> reported.add(node + ": " + message));

    @Test
    void keepsValuesByReferenceInInsertionOrder() {
        Object value = new java.util.HashMap<String, Object>();
        state.set("b", value);
        state.set("a", 1.0);
        state.set("__proto__", "plain key");
        assertSame(value, state.get("b"));
        assertEquals(List.of("b", "a", "__proto__"), state.keys());
        assertEquals(3, state.size());
        assertTrue(state.has("__proto__"));
        assertTrue(state.remove("a"));
        assertFalse(state.remove("a"));
        assertNull(state.get("a"));
        state.clear();
        assertEquals(0, state.size());
    }

    @Test
    void tellsSubscribersOfEveryChangeWithOldAndNewValues() {
        List<String> changes = new ArrayList<>();
        Subscription subscription = state.subscribe((k, n, o) -> changes.add(k + "=" + n + " was " + o));
        state.setNumber("count", 1);
        state.set("count", 2.0);
        state.append("items", "x");
        state.remove("count");
        subscription.cancel();
        state.set("count", 3.0);
        assertEquals(List.of("count=1.0 was null", "count=2.0 was 1.0", "items=[x] was [x]", "count=null was 2.0"),
                changes);
    }

    @Test
    void aThrowingSubscriberIsReportedAndTheOthersAreStillTold() {
        List<String> told = new ArrayList<>();
        state.subscribe((k, n, o) -> {
            throw new IllegalStateException("boom");
        });
        state.subscribe((k, n, o) -> told.add(k));
        state.set("k", 1.0);
        assertEquals(List.of("k"), told);
        assertEquals(1.0, state.get("k"));
        assertEquals(1, reported.size());
        assertTrue(reported.get(0).contains("boom") && reported.get(0).contains("'k'"), reported.get(0));
    }

    @Test
    void aSubscriberMayUnsubscribeWhileBeingNotified() {
        List<String> told = new ArrayList<>();
        Subscription[] self = new Subscription[1];
        self[0] = state.subscribe((k, n, o) -> {
            told.add("first " + k);
            self[0].cancel();
        });
        state.subscribe((k, n, o) -> told.add("second " + k));
        state.set("a", 1.0);
        state.set("b", 2.0);
        assertEquals(List.of("first a", "second a", "second b"), told);
    }

    @Test
    void numbersAreCheckedWithAClearError() {
        assertEquals(5.0, state.getNumber("missing", 5));
        state.set("step", "two");
        TeaflowTypeException e = assertThrows(TeaflowTypeException.class, () -> state.getNumber("step", 1));
        assertEquals("state 'step' of node 'n' holds a string, not a number", e.getMessage());
    }

    @Test
    void appendKeepsTheSameListAndRejectsNonLists() {
        List<Object> mine = new ArrayList<>();
        state.set("items", mine);
        state.append("items", 1);
        state.append("items", 2);
        assertSame(mine, state.get("items"));
        assertEquals(List.of(1, 2), mine);
        state.set("items", 3.0);
        TeaflowTypeException e = assertThrows(TeaflowTypeException.class, () -> state.append("items", 4));
        assertTrue(e.getMessage().contains("'items'") && e.getMessage().contains("number"), e.getMessage());
        assertEquals(3.0, state.get("items"), "a rejected append changes nothing");
    }

    @Test
    void nullKeysAreRejected() {
        assertThrows(TeaflowTypeException.class, () -> state.set(null, 1));
        assertThrows(TeaflowTypeException.class, () -> state.subscribe(null));
    }

    @Test
    void cancellingASubscriptionTwiceRemovesOnlyItsOwnRegistration() {
        List<String> told = new ArrayList<>();
        StateListener listener = (k, n, o) -> told.add(k);
        Subscription first = state.subscribe(listener);
        state.subscribe(listener);
        first.cancel();
        first.cancel();
        state.set("k", 1.0);
        assertEquals(List.of("k"), told, "the second registration still hears changes");
    }

    @Test
    void tellsTheStorageWhenTheFirstSubscriberCameAndTheLastOneLeft() {
        List<Boolean> observed = new ArrayList<>();
        MapStateStorage map = new MapStateStorage();
        // The map storage, with observed(...) recorded.
        StateStorage storage = (StateStorage) java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {StateStorage.class}, (proxy, method, args) -> {
                    if (method.getName().equals("observed")) {
                        observed.add((Boolean) args[0]);
                        return null;
                    }
                    return method.invoke(map, args);
                });
        LiveMemoryState watched = new LiveMemoryState("w", storage, (node, message, error) -> { });
        Subscription first = watched.subscribe((k, n, o) -> { });
        Subscription second = watched.subscribe((k, n, o) -> { });
        assertEquals(List.of(true), observed, "told once, at the first subscriber");
        first.cancel();
        assertEquals(List.of(true), observed, "one subscriber left");
        second.cancel();
        second.cancel();
        first.cancel();
        assertEquals(List.of(true, false), observed, "told once the last left; repeated cancels change nothing");
        watched.subscribe((k, n, o) -> { });
        assertEquals(List.of(true, false, true), observed);
    }
}
