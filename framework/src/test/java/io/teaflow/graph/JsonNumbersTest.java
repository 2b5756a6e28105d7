package io.teaflow.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

class JsonNumbersTest {
    @Test
    void writesAndReadsExactlyAsJavaScriptDoes() throws IOException {
        int checked = 0;
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                JsonNumbersTest.class.getResourceAsStream("/json/numbers.txt"), StandardCharsets.UTF_8))) {
            for (String line; (line = in.readLine()) != null; ) {
                if (line.startsWith("#") || line.isEmpty()) {
                    continue;
                }
                int space = line.indexOf(' ');
                long bits = new BigInteger(line.substring(0, space), 16).longValue();
                String js = line.substring(space + 1);
                double value = Double.longBitsToDouble(bits);
                assertEquals(js, JsonNumbers.format(value), "writing " + Double.toString(value));
                assertEquals(bits, Double.doubleToRawLongBits(JsonNumbers.parse(js)), "reading " + js);
                checked++;
            }
        }
        assertTrue(checked > 6000, "checked " + checked);
    }

    @Test
    void readsLikeTheJvm() {
        // Double.parseDouble is correctly rounded on the JVM: compare on many literals of every shape
        Random random = new Random(7);
        for (int i = 0; i < 50_000; i++) {
            StringBuilder literal = new StringBuilder();
            if (random.nextInt(4) == 0) {
                literal.append('-');
            }
            int digits = 1 + random.nextInt(i % 10 == 0 ? 40 : 19);
            literal.append((char) ('1' + random.nextInt(9)));
            int point = random.nextInt(digits + 1);
            for (int d = 1; d < digits; d++) {
                if (d == point) {
                    literal.append('.');
                }
                literal.append((char) ('0' + random.nextInt(10)));
            }
            if (random.nextBoolean()) {
                literal.append(random.nextBoolean() ? 'e' : 'E').append(random.nextInt(3) == 0 ? "-" : "+")
                        .append(random.nextInt(i % 3 == 0 ? 330 : 30));
            }
            String text = literal.toString();
            double expected = Double.parseDouble(text);
            assertEquals(Double.doubleToRawLongBits(expected), Double.doubleToRawLongBits(JsonNumbers.parse(text)), text);
            if (!Double.isInfinite(expected) && expected != 0) {
                assertEquals(expected, JsonNumbers.parse(JsonNumbers.format(expected)), 0.0, text);
            }
        }
    }

    @Test
    void edgeLiterals() {
        assertEquals(0.0, JsonNumbers.parse("0"));
        assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits(JsonNumbers.parse("-0")));
        assertEquals(0.0, JsonNumbers.parse("0.000e999999999999"));
        assertEquals(0.0, JsonNumbers.parse("1e-400"));
        assertEquals(Double.MIN_VALUE, JsonNumbers.parse("2.4703282292062328e-324")); // just above half: rounds up
        assertEquals(0.0, JsonNumbers.parse("2.4703282292062327e-324")); // just below half
        assertEquals(Double.MAX_VALUE, JsonNumbers.parse("1.7976931348623158e308"));
        assertEquals(Double.POSITIVE_INFINITY, JsonNumbers.parse("1.7976931348623159e308"));
        assertEquals(Double.POSITIVE_INFINITY, JsonNumbers.parse("1e99999999999"));
        assertEquals(1.0, JsonNumbers.parse("1.00000000000000000000000000000000000000000001"));
        assertEquals(123.0, JsonNumbers.parse("0.0000000000000000000000000000123e31"));
        assertEquals(9007199254740992.0, JsonNumbers.parse("9007199254740993")); // a tie: to even
        assertEquals(9007199254740996.0, JsonNumbers.parse("9007199254740995"));
        assertEquals("5e-324", JsonNumbers.format(Double.MIN_VALUE));
        assertEquals("1.7976931348623157e+308", JsonNumbers.format(Double.MAX_VALUE));
        assertEquals("-9007199254740991", JsonNumbers.format(-9007199254740991.0));
        assertEquals("1e+21", JsonNumbers.format(1e21));
        assertEquals("999999999999999900000", JsonNumbers.format(999999999999999900000.0));
    }
}
