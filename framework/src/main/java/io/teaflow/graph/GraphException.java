package io.teaflow.graph;

import io.teaflow.runtime.TeaflowException;

/**
 * A graph that cannot be read, built or written: malformed JSON, a field of the wrong kind, a
 * reference to a process that does not exist, a value JSON cannot carry. The message names the
 * culprit (process id, connection number, exported port, group, JSON position or value path).
 */
public class GraphException extends TeaflowException {
    /**
     * A graph error.
     *
     * @param message what is wrong, naming the culprit
     */
    public GraphException(String message) {
        super(message);
    }
}
