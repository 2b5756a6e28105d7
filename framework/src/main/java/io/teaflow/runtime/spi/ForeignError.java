package io.teaflow.runtime.spi;

/**
 * Carries an error value that is not a Java {@link Throwable} (a JavaScript {@code Error}, or
 * anything a script threw) through Java code, so the {@code error} event can hand the user the
 * very value that was thrown.
 */
public final class ForeignError extends RuntimeException {
    private final transient Object error;

    /**
     * Wraps a foreign error value.
     *
     * @param message what failed, for Java readers (and the {@code 'error'} event's message)
     * @param error the value that was thrown or rejected with, as it is
     */
    public ForeignError(String message, Object error) {
        super(message);
        this.error = error;
    }

    /**
     * The value that was thrown or rejected with.
     *
     * @return the very value given to the constructor
     */
    public Object error() {
        return error;
    }

    /**
     * The value the user should see for {@code failure}: the foreign value if there is one.
     *
     * @param failure any throwable caught from user code
     * @return {@link #error()} of a {@code ForeignError}, else {@code failure} itself
     */
    public static Object unwrap(Throwable failure) {
        return failure instanceof ForeignError ? ((ForeignError) failure).error : failure;
    }
}
