package io.teaflow.runtime;

import io.teaflow.graph.ExportedPort;
import io.teaflow.graph.Graph;
import java.util.ArrayList;
import java.util.List;

/**
 * A node whose component is a registered graph (a subgraph). It has no actor of its own: its
 * processes become nodes of the same network, named {@code id/process}, and its exported ports
 * lead to theirs. It has its own state, like every node.
 */
final class Composite {
    final String id;
    final String component;
    final Graph graph;
    final LiveMemoryState state;
    /** The ids of the nodes made for its processes (nested subgraphs included), in creation order. */
    final List<String> members = new ArrayList<>();

    Composite(String id, String component, Graph graph, LiveMemoryState state) {
        this.id = id;
        this.component = component;
        this.graph = graph;
        this.state = state;
    }

    /** The id of the node made for {@code process}. */
    String member(String process) {
        return id + "/" + process;
    }

    ExportedPort inport(String port) {
        ExportedPort exported = graph.inport(port);
        if (exported == null) {
            throw new TeaflowException("node '" + id + "' (graph " + component + ") has no inport '" + port
                    + "' (inports: " + names(graph.inports().keySet()) + ")");
        }
        return exported;
    }

    ExportedPort outport(String port) {
        ExportedPort exported = graph.outport(port);
        if (exported == null) {
            throw new TeaflowException("node '" + id + "' (graph " + component + ") has no outport '" + port
                    + "' (outports: " + names(graph.outports().keySet()) + ")");
        }
        return exported;
    }

    private static String names(java.util.Collection<String> names) {
        return names.isEmpty() ? "none" : String.join(", ", names);
    }
}
