package io.teaflow.runtime.spi;

/**
 * Carries an error value that is not a Java {@link Throwable} (a JavaScript {@code Error}, or
 * anything a script threw) through Java code, so the {@code error} event can hand the user the
 * very value that was thrown.
 */
public final class ForeignError extends RuntimeException {
    private final transient Object error;

    public ForeignError(String message, Object error) {
        super(message);
        this.error = error;
    }

    /** The value that was thrown or rejected with. */
    public Object error() {
        return error;
    }

    /** The value the user should see for {@code failure}: the foreign value if there is one. */
    public static Object unwrap(Throwable failure) {
        return failure instanceof ForeignError ? ((ForeignError) failure).error : failure;
    }
}
