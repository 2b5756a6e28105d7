package io.teaflow.runtime;

/**
 * A misuse of the runtime: an unknown name, a duplicate id, an undeclared port, a value of the
 * wrong kind. The message always names what was wrong; the bridge turns it into a JS {@code Error}.
 */
public class TeaflowException extends RuntimeException {
    /**
     * A misuse error.
     *
     * @param message what was wrong, naming it; usually starting with the call, such as
     *        {@code addNode('a', 'Nope'): unknown component 'Nope'}
     */
    public TeaflowException(String message) {
        super(message);
    }
}
