package com.example.flow;

/** How the components read packets and name what they got, the same on the JVM and in the browser. */
final class PacketChecks {
    private PacketChecks() {
    }

    /**
     * A packet as a number: a JS number arrives as a {@link Double}; a Java caller may send any
     * {@link Number}. Anything else is an error naming the component, the port and what came.
     */
    static double number(Object packet, String component, String port) {
        if (packet instanceof Number number) {
            return number.doubleValue();
        }
        throw new IllegalArgumentException(component + ": port '" + port + "' takes numbers, got " + describe(packet));
    }

    /** A whole number from 1 to {@code max}: a window size or a limit. */
    static int count(double value, String component, String what, int max) {
        if (value != Math.rint(value) || value < 1 || value > max) {
            throw new IllegalArgumentException(component + ": " + what + " must be a whole number from 1 to " + max
                    + ", got " + format(value));
        }
        return (int) value;
    }

    /** What a packet is, for an error message. Objects from the page are opaque here, so they are not printed. */
    static String describe(Object packet) {
        if (packet == null) {
            return "null";
        }
        if (packet instanceof Number number) {
            return "the number " + format(number.doubleValue());
        }
        if (packet instanceof Boolean) {
            return "the boolean " + packet;
        }
        if (packet instanceof String text) {
            return "the string \"" + (text.length() > 40 ? text.substring(0, 40) + "…" : text) + "\"";
        }
        return "an object";
    }

    static String format(double value) {
        return value == Math.rint(value) && !Double.isInfinite(value) && Math.abs(value) < 1e15
                ? Long.toString((long) value) : Double.toString(value);
    }
}
