package com.example.flow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.teaflow.runtime.Network;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** text/Tokenize on the JVM: a Network, packets sent, state read. */
class TokenizeTest {
    private Network net;
    private Probe words;
    private Probe counts;
    private List<String> errors;

    @BeforeEach
    void network() {
        net = new Network();
        words = Probe.in(net, "test/Words");
        counts = Probe.in(net, "test/Counts");
        net.addNode("tok", "text/Tokenize", null)
                .addNode("words", "test/Words", null)
                .addNode("counts", "test/Counts", null)
                .addConnection("tok", "out", "words", "in")
                .addConnection("tok", "count", "counts", "in");
        errors = Probe.errors(net);
        net.start();
    }

    @Test
    void splitsTextIntoWordsAndCountsThemInState() {
        net.send("tok", "in", "The well-known cat didn't sit, 2 times!");
        net.send("tok", "in", "");
        assertEquals(List.of("the", "well-known", "cat", "didn't", "sit", "2", "times"), words.packets);
        assertEquals(List.of(7.0, 0.0), counts.packets, "one count per text, an empty text too");
        assertEquals(2.0, net.state("tok").get("texts"));
        assertEquals(7.0, net.state("tok").get("tokens"));
        assertEquals("well-known", net.state("tok").get("longest"));
        assertEquals(List.of(), errors);
    }

    @Test
    void wordsAreRunsOfLettersAndDigitsInAnyScript() {
        assertEquals(List.of("Grüße", "aus", "Köln", "東京", "x2"), Tokenize.words("Grüße aus Köln -- 東京; x2"));
        assertEquals(List.of("a", "b"), Tokenize.words("'a- -b'"), "a joiner counts only between two letters");
        assertEquals(List.of("rock’n’roll"), Tokenize.words("rock’n’roll"));
        assertEquals(List.of("𝔘nicode"), Tokenize.words(" 𝔘nicode "), "letters beyond the BMP");
        assertEquals(List.of(), Tokenize.words(" \t\n!?"));
    }

    @Test
    void thePageMayTurnLowercasingOff() {
        net.state("tok").set("lowercase", false);
        net.send("tok", "in", "Hello World");
        assertEquals(List.of("Hello", "World"), words.packets);
        net.state("tok").set("lowercase", "no");
        net.send("tok", "in", "Refused");
        assertEquals(1, errors.size(), errors.toString());
        assertTrue(errors.get(0).startsWith("tok: ") && errors.get(0).contains("'lowercase'"), errors.get(0));
        assertEquals(List.of("Hello", "World"), words.packets, "a state value of the wrong type stops the run before it sends");
    }

    @Test
    void aPacketThatIsNotTextIsAnErrorOfTheNodeAndTheNextOneWorks() {
        net.send("tok", "in", 42.0);
        net.send("tok", "in", null);
        net.send("tok", "in", "still here");
        assertEquals(List.of("tok: text/Tokenize: port 'in' takes text (a string), got the number 42",
                "tok: text/Tokenize: port 'in' takes text (a string), got null"), errors);
        assertEquals(List.of("still", "here"), words.packets);
        assertEquals(1.0, net.state("tok").get("texts"), "a refused packet counts for nothing");
        assertTrue(net.isIdle());
    }
}
