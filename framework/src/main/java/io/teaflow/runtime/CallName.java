package io.teaflow.runtime;

/**
 * How an API call is named in error messages ({@code addConnection('a', 'out', 'b', 'in')}), made
 * into a string only when a message needs it: building one per addNode or addConnection was most
 * of the cost of building a large network.
 */
final class CallName {
    private final String method;
    private final String[] arguments;
    private String text;

    private CallName(String method, String[] arguments, String text) {
        this.method = method;
        this.arguments = arguments;
        this.text = text;
    }

    /** {@code method('a', 'b')}, each argument quoted ({@code null} for null). */
    static CallName of(String method, String... arguments) {
        return new CallName(method, arguments, null);
    }

    /** A name already spelled out. */
    static CallName text(String text) {
        return new CallName(null, null, text);
    }

    @Override
    public String toString() {
        if (text == null) {
            StringBuilder built = new StringBuilder(method).append('(');
            for (int i = 0; i < arguments.length; i++) {
                built.append(i == 0 ? "" : ", ").append(Wiring.quote(arguments[i]));
            }
            text = built.append(')').toString();
        }
        return text;
    }
}
