package io.teaflow.runtime;

import io.teaflow.graph.Graph;
import io.teaflow.graph.GraphConnection;
import io.teaflow.graph.GraphEndpoint;
import io.teaflow.graph.GraphProcess;
import io.teaflow.runtime.spi.ForeignError;

/** Builds a network from an FBP graph through its public calls, naming the process or connection that fails. */
final class GraphLoader {
    private GraphLoader() {
    }

    /** See {@link Network#loadGraph}. */
    static void load(Network network, GraphRecord record, Graph graph) {
        if (graph == null) {
            throw new TeaflowTypeException("loadGraph(null): expected a graph");
        }
        if (!record.topLevel.isEmpty()) {
            throw new TeaflowException("loadGraph: the network already has nodes; load a graph into an empty network");
        }
        graph.validate();
        record.caseSensitive = graph.isCaseSensitive();
        record.properties = graph.properties();
        for (GraphProcess process : graph.processes().values()) {
            try {
                network.addNode(process.id(), process.component(), null, process.metadata());
            } catch (ForeignError e) {
                throw new ForeignError("graph: process '" + process.id() + "': " + e.getMessage(), e.error());
            } catch (TeaflowException e) {
                throw new TeaflowException("graph: process '" + process.id() + "': " + e.getMessage());
            }
        }
        int index = 0;
        for (GraphConnection connection : graph.connections()) {
            try {
                GraphEndpoint tgt = connection.tgt();
                if (connection.isInitial()) {
                    network.addInitial(tgt.process(), tgt.port(), connection.data(), tgt.index(), connection.metadata());
                } else {
                    GraphEndpoint src = connection.src();
                    network.connect(src.process(), src.port(), src.index(), tgt.process(), tgt.port(), tgt.index(),
                            connection.metadata());
                }
            } catch (TeaflowException e) {
                throw new TeaflowException("graph: connection " + index + " (" + connection + "): " + e.getMessage());
            }
            index++;
        }
        record.exportedInports.addAll(graph.inports().values());
        record.exportedOutports.addAll(graph.outports().values());
        record.groups.addAll(graph.groups());
    }
}
