package io.teaflow.runtime;

/**
 * How an API call is named in error messages ({@code addConnection('a', 'out', 'b', 'in')}), made
 * into a string only when a message needs it: building one per addNode or addConnection was most
 * of the cost of building a large network.
 */
final class CallName {
    private final String method;
    // Up to four arguments in fields, not an array: one object per call, not two.
    private final int count;
    private final String first;
    private final String second;
    private final String third;
    private final String fourth;
    private String text;

    private CallName(String method, int count, String first, String second, String third, String fourth, String text) {
        this.method = method;
        this.count = count;
        this.first = first;
        this.second = second;
        this.third = third;
        this.fourth = fourth;
        this.text = text;
    }

    /** {@code method('a')}, the argument quoted ({@code null} for null). */
    static CallName of(String method, String first) {
        return new CallName(method, 1, first, null, null, null, null);
    }

    /** {@code method('a', 'b')}. */
    static CallName of(String method, String first, String second) {
        return new CallName(method, 2, first, second, null, null, null);
    }

    /** {@code method('a', 'b', 'c', 'd')}. */
    static CallName of(String method, String first, String second, String third, String fourth) {
        return new CallName(method, 4, first, second, third, fourth, null);
    }

    /** A name already spelled out. */
    static CallName text(String text) {
        return new CallName(null, 0, null, null, null, null, text);
    }

    @Override
    public String toString() {
        if (text == null) {
            StringBuilder built = new StringBuilder(method).append('(');
            String[] arguments = {first, second, third, fourth};
            for (int i = 0; i < count; i++) {
                built.append(i == 0 ? "" : ", ").append(Wiring.quote(arguments[i]));
            }
            text = built.append(')').toString();
        }
        return text;
    }
}
