package io.teaflow.bridge;

import org.teavm.jso.JSBody;

/**
 * {@code Double.toString(double)} of a Teaflow bundle: the teaflow-maven-plugin's TeaVM build points
 * {@code java.lang.Double.toString(double)} here (io.teaflow.maven.LeanDoubleToString). The digits
 * are JavaScript's (the shortest that read back as the same double, as Java's own since JDK 19;
 * TeaVM's {@code DoubleAnalyzer} gave more digits for one double in ~300), laid out as Java lays them out: {@code 1.0}, {@code 0.001},
 * {@code 1.0E7}, {@code 1.0E-4}. TeaVM's class library would bring that analyser with its tables
 * (22 KB of the JS backend, 11 KB gzipped; 9 KB gzipped of the wasm module) into every bundle, because any
 * {@code String.valueOf(Object)} of an error message may meet a {@code Double}.
 */
public final class JavaDoubleText {
    private JavaDoubleText() {
    }

    /** What {@link Double#toString(double)} returns for {@code value}. */
    public static String toString(double value) {
        if (value != value) {
            return "NaN";
        }
        if (value == Double.POSITIVE_INFINITY) {
            return "Infinity";
        }
        if (value == Double.NEGATIVE_INFINITY) {
            return "-Infinity";
        }
        if (value == 0) {
            return 1 / value < 0 ? "-0.0" : "0.0";
        }
        return layout(exponential(value));
    }

    /**
     * The shortest digits that read back as value; when that is one digit, the closest two (Java's
     * rule since JDK 19: {@code 4.9E-324}, not {@code 5.0E-324}; the same as one digit and a zero
     * but for the smallest subnormals).
     */
    @JSBody(params = "value", script = "var shortest = value.toExponential();"
            + " return shortest.indexOf('.') < 0 ? value.toExponential(1) : shortest;")
    private static native String exponential(double value);

    /**
     * Java's layout of a finite, non-zero number given as JavaScript's {@code toExponential()}
     * writes it ({@code -1.25e+7}: sign, digits with a point after the first, exponent; trailing
     * zeros of the digits are dropped): plain
     * decimals from 10^-3 up to 10^7, else one digit, a point, the rest (at least one digit) and
     * {@code E} with the exponent.
     */
    static String layout(String exponential) {
        int e = exponential.indexOf('e');
        boolean negative = exponential.charAt(0) == '-';
        StringBuilder digits = new StringBuilder(e);
        for (int i = negative ? 1 : 0; i < e; i++) {
            char c = exponential.charAt(i);
            if (c != '.') {
                digits.append(c);
            }
        }
        int significant = digits.length();
        while (significant > 1 && digits.charAt(significant - 1) == '0') {
            significant--;
        }
        digits.setLength(significant);
        int exponent = 0;
        boolean negativeExponent = exponential.charAt(e + 1) == '-';
        for (int i = e + 2; i < exponential.length(); i++) {
            exponent = exponent * 10 + (exponential.charAt(i) - '0');
        }
        if (negativeExponent) {
            exponent = -exponent;
        }
        StringBuilder out = new StringBuilder(digits.length() + 8);
        if (negative) {
            out.append('-');
        }
        if (exponent >= -3 && exponent < 7) {
            if (exponent < 0) {
                out.append("0.");
                for (int i = -1; i > exponent; i--) {
                    out.append('0');
                }
                out.append(digits);
            } else {
                for (int i = 0; i <= exponent; i++) {
                    out.append(i < digits.length() ? digits.charAt(i) : '0');
                }
                out.append('.');
                if (digits.length() > exponent + 1) {
                    out.append(digits, exponent + 1, digits.length());
                } else {
                    out.append('0');
                }
            }
        } else {
            out.append(digits.charAt(0)).append('.');
            if (digits.length() > 1) {
                out.append(digits, 1, digits.length());
            } else {
                out.append('0');
            }
            out.append('E').append(exponent);
        }
        return out.toString();
    }
}
