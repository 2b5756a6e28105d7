package io.teaflow.runtime;

/** A value of the wrong type was passed in; the bridge turns it into a JS {@code TypeError}. */
public class TeaflowTypeException extends TeaflowException {
    /**
     * A wrong-type error.
     *
     * @param message what was expected and what came, naming where
     */
    public TeaflowTypeException(String message) {
        super(message);
    }
}
