package io.teaflow.runtime;

/** A value of the wrong type was passed in; the bridge turns it into a JS {@code TypeError}. */
public class TeaflowTypeException extends TeaflowException {
    public TeaflowTypeException(String message) {
        super(message);
    }
}
