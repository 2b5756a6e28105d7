package com.example.flow;

import io.teaflow.runtime.AbstractActor;
import io.teaflow.runtime.ActorContext;
import io.teaflow.runtime.ActorState;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code text/Tokenize}: splits each text on inport {@code in} into words and sends every word on
 * {@code out}, then the number of words of that text on {@code count}. A word is a run of letters
 * and digits, with an apostrophe or hyphen allowed between two of them ({@code don't},
 * {@code well-known}).
 *
 * <p>State: {@code texts} (texts seen), {@code tokens} (words sent), {@code longest} (the longest
 * word so far), and {@code lowercase} (read on every text, default true: the page may turn it off).
 * A packet that is not a string is an error of the node; the next one is handled as usual.
 */
public final class Tokenize extends AbstractActor {
    static final String NAME = "text/Tokenize";

    public Tokenize() {
        super(List.of("in"), List.of("out", "count"));
    }

    @Override
    public void created(ActorState state) {
        state.setNumber("texts", 0);
        state.setNumber("tokens", 0);
        state.set("longest", "");
        state.set("lowercase", Boolean.TRUE);
    }

    @Override
    public void run(ActorContext context) {
        if (!(context.packet() instanceof String text)) {
            throw new IllegalArgumentException(NAME + ": port 'in' takes text (a string), got " + PacketChecks.describe(context.packet()));
        }
        ActorState state = context.state();
        // Typed reads: a value of another type that the page stored is an error naming the key.
        List<String> words = words(state.getBoolean("lowercase", true) ? text.toLowerCase(Locale.ROOT) : text);
        String longest = state.getString("longest", "");
        for (String word : words) {
            if (word.length() > longest.length()) {
                longest = word;
            }
        }
        state.setNumber("texts", state.getNumber("texts", 0) + 1);
        state.setNumber("tokens", state.getNumber("tokens", 0) + words.size());
        state.set("longest", longest);
        for (String word : words) {
            context.send("out", word);
        }
        context.send("count", (double) words.size());
    }

    /** The words of {@code text}, in order. */
    static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            int c = text.codePointAt(i);
            int next = i + Character.charCount(c);
            if (Character.isLetterOrDigit(c) || (word.length() > 0 && isJoiner(c) && next < text.length()
                    && Character.isLetterOrDigit(text.codePointAt(next)))) {
                word.appendCodePoint(c);
            } else if (word.length() > 0) {
                words.add(word.toString());
                word.setLength(0);
            }
            i = next;
        }
        if (word.length() > 0) {
            words.add(word.toString());
        }
        return words;
    }

    private static boolean isJoiner(int c) {
        return c == '\'' || c == '\u2019' || c == '-';
    }
}
