package io.teaflow.bridge;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@link JavaDoubleText#layout} against the JDK's own {@code Double.toString}: the JDK's digits,
 * rewritten the way JavaScript's {@code toExponential()} writes them, must come back as the JDK's
 * text. (The digits themselves are the browser's; the browser suite covers the whole.)
 */
class JavaDoubleTextTest {
    @Test
    void laysOutAsJavaDoes() {
        double[] values = {1, -1, 0.001, 0.00099, 1e7, 9999999.5, 1e-4, 123.456, -0.5, 1e21, 1e-7, 1.5e300,
            Double.MIN_VALUE, Double.MAX_VALUE, 100, 1234567, 0.1 + 0.2, 12345678, 2e-3, 5e-324};
        for (double value : values) {
            assertEquals(Double.toString(value), JavaDoubleText.layout(asJavaScriptWritesIt(value)), "value " + value);
        }
        SplittableRandom random = new SplittableRandom(13);
        for (int i = 0; i < 200_000; i++) {
            double value = Double.longBitsToDouble(random.nextLong());
            if (Double.isNaN(value) || Double.isInfinite(value) || value == 0) {
                continue;
            }
            assertEquals(Double.toString(value), JavaDoubleText.layout(asJavaScriptWritesIt(value)), "value " + value);
            double decimal = Math.round(random.nextDouble() * 1e9) / Math.pow(10, random.nextInt(12));
            if (decimal != 0) {
                assertEquals(Double.toString(decimal), JavaDoubleText.layout(asJavaScriptWritesIt(decimal)), "value " + decimal);
            }
        }
    }

    @Test
    void twoDigitFormsLoseTheirTrailingZero() {
        assertEquals("4.9E-324", JavaDoubleText.layout("4.9e-324"));
        assertEquals("3.0", JavaDoubleText.layout("3.0e+0"));
        assertEquals("0.001", JavaDoubleText.layout("1.0e-3"));
        assertEquals("1.0E7", JavaDoubleText.layout("1.0e+7"));
        assertEquals("-1.0E-4", JavaDoubleText.layout("-1.0e-4"));
        assertEquals("1000000.0", JavaDoubleText.layout("1.0e+6"));
    }

    @Test
    void specialValuesNeedNoScript() {
        assertEquals("NaN", JavaDoubleText.toString(Double.NaN));
        assertEquals("Infinity", JavaDoubleText.toString(Double.POSITIVE_INFINITY));
        assertEquals("-Infinity", JavaDoubleText.toString(Double.NEGATIVE_INFINITY));
        assertEquals("0.0", JavaDoubleText.toString(0.0));
        assertEquals("-0.0", JavaDoubleText.toString(-0.0));
    }

    /** The JDK's digits of value in toExponential()'s form: d[.ddd]e(+|-)x. */
    private static String asJavaScriptWritesIt(double value) {
        String java = Double.toString(Math.abs(value));
        String digits;
        int exponent;
        int e = java.indexOf('E');
        String mantissa = e < 0 ? java : java.substring(0, e);
        int point = mantissa.indexOf('.');
        String all = mantissa.substring(0, point) + mantissa.substring(point + 1);
        int leadingZeros = 0;
        while (leadingZeros < all.length() - 1 && all.charAt(leadingZeros) == '0') {
            leadingZeros++;
        }
        digits = all.substring(leadingZeros).replaceAll("0+$", "");
        if (digits.isEmpty()) {
            digits = "0";
        }
        exponent = point - 1 - leadingZeros + (e < 0 ? 0 : Integer.parseInt(java.substring(e + 1)));
        String text = digits.charAt(0) + (digits.length() > 1 ? "." + digits.substring(1) : "");
        return (value < 0 ? "-" : "") + text + "e" + (exponent < 0 ? "-" : "+") + Math.abs(exponent);
    }
}
