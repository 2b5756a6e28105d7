package io.teaflow.graph;

import java.math.BigInteger;

/**
 * Decimal text to double and back, exactly as JavaScript does ({@code JSON.parse} and
 * {@code Number.prototype.toString}), on the JVM and under TeaVM alike: parsing rounds correctly
 * (to nearest, ties to even), formatting gives the shortest digits that read back as the same
 * double (the closest such, ties to even), in ECMAScript's layout. {@code Double.parseDouble}
 * and {@code Double.toString} are not used: JDK 17 sometimes prints more digits than needed, and
 * TeaVM's versions are off by one unit in the last place for some 17-digit values.
 *
 * <p>Both have a fast path in plain double arithmetic for the common case (integers below 2^53;
 * at most 15 significant digits with a small exponent) and otherwise work exactly in
 * {@link BigInteger}s (Clinger's method for reading, Burger and Dybvig's free-format algorithm
 * for writing).
 */
final class JsonNumbers {
    private static final double[] POWERS_OF_TEN = {
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18,
        1e19, 1e20, 1e21, 1e22,
    };
    private static final long TWO_TO_53 = 1L << 53;
    private static final long HIDDEN_BIT = 1L << 52;
    private static final long MANTISSA_MASK = HIDDEN_BIT - 1;

    private JsonNumbers() {
    }

    // ---- reading ----

    /**
     * The double nearest to a JSON number literal ({@code -?digits[.digits][e[+-]digits]},
     * already checked); infinite when it is too large.
     */
    static double parse(String literal) {
        int i = 0;
        int length = literal.length();
        boolean negative = literal.charAt(0) == '-';
        if (negative) {
            i++;
        }
        StringBuilder digits = new StringBuilder(24);
        int pointShift = 0; // digits after the decimal point
        boolean afterPoint = false;
        for (; i < length; i++) {
            char c = literal.charAt(i);
            if (c == '.') {
                afterPoint = true;
            } else if (c == 'e' || c == 'E') {
                break;
            } else {
                if (digits.length() > 0 || c != '0') {
                    digits.append(c);
                }
                if (afterPoint) {
                    pointShift++;
                }
            }
        }
        long exponent = 0;
        if (i < length) {
            i++;
            boolean negativeExponent = false;
            if (literal.charAt(i) == '+' || literal.charAt(i) == '-') {
                negativeExponent = literal.charAt(i) == '-';
                i++;
            }
            for (; i < length; i++) {
                if (exponent < 100_000_000L) {
                    exponent = exponent * 10 + (literal.charAt(i) - '0');
                }
            }
            if (negativeExponent) {
                exponent = -exponent;
            }
        }
        // drop trailing zeros of the digits into the exponent
        int end = digits.length();
        while (end > 0 && digits.charAt(end - 1) == '0') {
            end--;
        }
        long e10 = exponent - pointShift + (digits.length() - end);
        double value = end == 0 ? 0 : magnitude(digits.substring(0, end), e10);
        return negative ? -value : value;
    }

    /** The double nearest to digits × 10^e10 (digits non-empty, no leading or trailing zeros). */
    private static double magnitude(String digits, long e10) {
        int count = digits.length();
        if (count + e10 > 310) {
            return Double.POSITIVE_INFINITY;
        }
        if (count + e10 < -326) {
            return 0;
        }
        if (count <= 15) {
            long d = Long.parseLong(digits);
            if (e10 >= 0 && e10 <= 22 + 15 - count) {
                // d * 10^(extra) stays below 10^15 < 2^53, so both steps are exact but the last
                int extra = e10 > 22 ? (int) e10 - 22 : 0;
                double exact = d * POWERS_OF_TEN[extra];
                return exact * POWERS_OF_TEN[(int) e10 - extra];
            }
            if (e10 < 0 && e10 >= -22) {
                return d / POWERS_OF_TEN[(int) -e10];
            }
        }
        BigInteger numerator = new BigInteger(digits);
        BigInteger denominator = BigInteger.ONE;
        if (e10 >= 0) {
            numerator = numerator.multiply(BigInteger.TEN.pow((int) e10));
        } else {
            denominator = BigInteger.TEN.pow((int) -e10);
        }
        // find q = numerator / denominator scaled by 2^-shift with exactly 54 bits
        int shift = numerator.bitLength() - denominator.bitLength() - 54;
        BigInteger[] division;
        while (true) {
            BigInteger n = shift < 0 ? numerator.shiftLeft(-shift) : numerator;
            BigInteger d = shift > 0 ? denominator.shiftLeft(shift) : denominator;
            division = n.divideAndRemainder(d);
            int bits = division[0].bitLength();
            if (bits == 54) {
                break;
            }
            shift += bits - 54;
        }
        long q = division[0].longValue(); // value = (q + fraction) * 2^shift, 2^53 <= q < 2^54
        boolean inexact = division[1].signum() != 0;
        int lsbExponent = Math.max(shift + 1, -1074);
        int drop = lsbExponent - shift; // >= 1
        if (drop > 60) {
            return 0;
        }
        long mantissa = q >>> drop;
        boolean half = ((q >>> (drop - 1)) & 1) != 0;
        boolean below = inexact || (q & ((1L << (drop - 1)) - 1)) != 0;
        if (half && (below || (mantissa & 1) != 0)) {
            mantissa++;
        }
        if (mantissa == TWO_TO_53) {
            mantissa >>>= 1;
            lsbExponent++;
        }
        if (mantissa < HIDDEN_BIT) {
            return Double.longBitsToDouble(mantissa); // subnormal (lsbExponent is -1074)
        }
        long biased = lsbExponent + 1075L;
        if (biased >= 2047) {
            return Double.POSITIVE_INFINITY;
        }
        return Double.longBitsToDouble((biased << 52) | (mantissa & MANTISSA_MASK));
    }

    // ---- writing ----

    /** ECMAScript's Number::toString for a finite double. */
    static String format(double value) {
        if (value == 0) {
            return "0";
        }
        boolean negative = value < 0;
        double magnitude = Math.abs(value);
        StringBuilder out = new StringBuilder(26);
        if (negative) {
            out.append('-');
        }
        if (magnitude < TWO_TO_53 && magnitude == Math.floor(magnitude)) {
            return out.append((long) magnitude).toString();
        }
        int[] point = new int[1];
        String d = shortestDigits(magnitude, point);
        int n = point[0]; // value = 0.d * 10^n
        int k = d.length();
        if (k <= n && n <= 21) {
            out.append(d);
            for (int z = k; z < n; z++) {
                out.append('0');
            }
        } else if (0 < n && n <= 21) {
            out.append(d, 0, n).append('.').append(d, n, k);
        } else if (-6 < n && n <= 0) {
            out.append("0.");
            for (int z = 0; z < -n; z++) {
                out.append('0');
            }
            out.append(d);
        } else {
            int e = n - 1;
            out.append(d.charAt(0));
            if (k > 1) {
                out.append('.').append(d, 1, k);
            }
            out.append('e').append(e < 0 ? '-' : '+').append(Math.abs(e));
        }
        return out.toString();
    }

    /**
     * The shortest digits that read back as {@code v} (positive, finite), closest to it; sets
     * {@code point[0]} to n with v ≈ 0.digits × 10^n. Burger and Dybvig's free-format algorithm.
     */
    private static String shortestDigits(double v, int[] point) {
        long bits = Double.doubleToRawLongBits(v);
        int biased = (int) ((bits >>> 52) & 0x7ff);
        long f = bits & MANTISSA_MASK;
        int e;
        if (biased == 0) {
            e = -1074;
        } else {
            f |= HIDDEN_BIT;
            e = biased - 1075;
        }
        boolean even = (f & 1) == 0; // round-half-even reading: the bounds themselves read back as v
        boolean unequalGaps = f == HIDDEN_BIT && biased > 1; // the gap below is half the gap above
        BigInteger r;
        BigInteger s;
        BigInteger mPlus;
        BigInteger mMinus;
        BigInteger big = BigInteger.valueOf(f);
        if (e >= 0) {
            BigInteger be = BigInteger.ONE.shiftLeft(e);
            if (!unequalGaps) {
                r = big.multiply(be).shiftLeft(1);
                s = BigInteger.valueOf(2);
                mPlus = be;
                mMinus = be;
            } else {
                r = big.multiply(be).shiftLeft(2);
                s = BigInteger.valueOf(4);
                mPlus = be.shiftLeft(1);
                mMinus = be;
            }
        } else {
            if (!unequalGaps) {
                r = big.shiftLeft(1);
                s = BigInteger.ONE.shiftLeft(1 - e);
                mPlus = BigInteger.ONE;
                mMinus = BigInteger.ONE;
            } else {
                r = big.shiftLeft(2);
                s = BigInteger.ONE.shiftLeft(2 - e);
                mPlus = BigInteger.valueOf(2);
                mMinus = BigInteger.ONE;
            }
        }
        int k = (int) Math.ceil(Math.log10(v) - 1e-10);
        if (k >= 0) {
            s = s.multiply(BigInteger.TEN.pow(k));
        } else {
            BigInteger scale = BigInteger.TEN.pow(-k);
            r = r.multiply(scale);
            mPlus = mPlus.multiply(scale);
            mMinus = mMinus.multiply(scale);
        }
        // fix the estimate so that (r + m+) / s is in [0.1, 1) (with the bound's inclusivity)
        while (above(r.add(mPlus), s, even)) {
            s = s.multiply(BigInteger.TEN);
            k++;
        }
        while (!above(r.add(mPlus).multiply(BigInteger.TEN), s, even)) {
            r = r.multiply(BigInteger.TEN);
            mPlus = mPlus.multiply(BigInteger.TEN);
            mMinus = mMinus.multiply(BigInteger.TEN);
            k--;
        }
        point[0] = k;
        StringBuilder digits = new StringBuilder(20);
        while (true) {
            r = r.multiply(BigInteger.TEN);
            mPlus = mPlus.multiply(BigInteger.TEN);
            mMinus = mMinus.multiply(BigInteger.TEN);
            BigInteger[] division = r.divideAndRemainder(s);
            int digit = division[0].intValue();
            r = division[1];
            int low = r.compareTo(mMinus);
            boolean lowEnough = even ? low <= 0 : low < 0;
            boolean highEnough = above(r.add(mPlus), s, even);
            if (!lowEnough && !highEnough) {
                digits.append((char) ('0' + digit));
                continue;
            }
            if (lowEnough && highEnough) {
                int half = r.shiftLeft(1).compareTo(s);
                if (half > 0 || (half == 0 && (digit & 1) != 0)) {
                    digit++;
                }
            } else if (highEnough) {
                digit++;
            }
            digits.append((char) ('0' + digit));
            return digits.toString();
        }
    }

    /** {@code a >= b} when the bound is inclusive, else {@code a > b}. */
    private static boolean above(BigInteger a, BigInteger b, boolean inclusive) {
        int c = a.compareTo(b);
        return inclusive ? c >= 0 : c > 0;
    }
}
