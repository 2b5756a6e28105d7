package io.teaflow.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The inbox against a plain FIFO: every packet comes out once, in order, with its connection and
 * exactly as it went in (boxed or unboxed), however adds and takes interleave with its growth and
 * its wrap-around.
 */
class InboxTest {
    private static final Connection[] CONNECTIONS = {entry("a"), entry("b"), entry("c")};

    private static Connection entry(String port) {
        return new InPort(null, port, 0, 0, false).entry;
    }

    /** What went in: the value, whether it was added as a number, and its connection. */
    private record Sent(Object value, boolean unboxed, Connection via) {
    }

    @Test
    void aBurstComesOutInOrderThroughEveryGrowth() {
        Inbox inbox = new Inbox();
        for (int i = 0; i < 100_000; i++) {
            if (i % 3 == 0) {
                inbox.addNumber(CONNECTIONS[i % 3], i);
            } else {
                inbox.add(CONNECTIONS[i % 3], "p" + i);
            }
        }
        assertEquals(100_000, inbox.size());
        for (int i = 0; i < 100_000; i++) {
            assertSame(CONNECTIONS[i % 3], inbox.peekConnection());
            if (i % 3 == 0) {
                assertTrue(inbox.peekIsUnboxed(), "packet " + i);
                assertEquals(i, inbox.takeNumber());
            } else {
                assertEquals(false, inbox.peekIsUnboxed(), "packet " + i);
                assertEquals("p" + i, inbox.takeValue());
            }
        }
        assertTrue(inbox.isEmpty());
        inbox.add(CONNECTIONS[0], null);
        assertEquals(null, inbox.takeValue());
        assertTrue(inbox.isEmpty());
    }

    @Test
    void randomInterleavingsMatchAPlainQueue() {
        for (long seed = 1; seed <= 200; seed++) {
            Random random = new Random(seed);
            Inbox inbox = new Inbox();
            ArrayDeque<Sent> model = new ArrayDeque<>();
            // Phases that grow the backlog and phases that drain it, so the ring grows while it has
            // wrapped around, and unboxed numbers move with it.
            for (int step = 0; step < 3_000; step++) {
                boolean growing = (step / (50 + random.nextInt(700))) % 2 == 0;
                int action = random.nextInt(10);
                if (action < (growing ? 7 : 3)) {
                    Connection via = CONNECTIONS[random.nextInt(CONNECTIONS.length)];
                    if (random.nextBoolean()) {
                        double number = random.nextInt(1000) - 500 + (random.nextBoolean() ? 0.5 : 0);
                        inbox.addNumber(via, number);
                        model.add(new Sent(number, true, via));
                    } else {
                        Object value = random.nextInt(4) == 0 ? null : (Object) ("v" + step);
                        inbox.add(via, value);
                        model.add(new Sent(value, false, via));
                    }
                } else if (action == 9 && random.nextInt(20) == 0) {
                    List<Object> expected = new ArrayList<>();
                    for (Sent sent : model) {
                        expected.add(sent.value());
                    }
                    model.clear();
                    assertEquals(expected, inbox.removeAll(), "seed " + seed + " step " + step);
                } else if (!model.isEmpty()) {
                    Sent sent = model.poll();
                    assertSame(sent.via(), inbox.peekConnection(), "seed " + seed + " step " + step);
                    assertEquals(sent.unboxed(), inbox.peekIsUnboxed(), "seed " + seed + " step " + step);
                    Object taken = sent.unboxed() && random.nextBoolean() ? (Object) inbox.takeNumber() : inbox.takeValue();
                    assertEquals(sent.value(), taken, "seed " + seed + " step " + step);
                }
                assertEquals(model.size(), inbox.size(), "seed " + seed + " step " + step);
                assertEquals(model.isEmpty(), inbox.isEmpty(), "seed " + seed + " step " + step);
            }
        }
    }
}
