package io.teaflow.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.teaflow.runtime.TeaflowException;
import java.util.Arrays;
import java.util.Collections;
import org.junit.jupiter.api.Test;

/**
 * Every validation error, one test each: the exact message (which names the culprit), and since
 * reading throws, nothing partial is ever returned. JSON is written with ' for " to stay readable.
 */
class GraphValidationTest {
    /** Processes a (core/Repeat) and b (core/Counter), for the tests to add to. */
    static final String AB = "'processes':{'a':{'component':'core/Repeat'},'b':{'component':'core/Counter'}}";
    static final String EDGE = "{'src':{'process':'a','port':'out'},'tgt':{'process':'b','port':'in'}}";

    static void rejects(String json, String message) {
        String text = json.replace('\'', '"');
        GraphException e = assertThrows(GraphException.class, () -> GraphText.read(text));
        assertEquals(message, e.getMessage());
    }

    static void rejects(Graph graph, String message) {
        GraphException e = assertThrows(GraphException.class, graph::validate);
        assertEquals(message, e.getMessage());
        // writing validates too, so an invalid graph is never written out
        GraphException onWrite = assertThrows(GraphException.class, () -> GraphText.write(graph));
        assertEquals(message, onWrite.getMessage());
    }

    static Graph ab() {
        return new Graph().addProcess("a", "core/Repeat", null).addProcess("b", "core/Counter", null);
    }

    @Test
    void aGraphChangedAfterPassingValidationIsCheckedAgain() {
        Graph graph = ab().addEdge("a", "out", "b", "in");
        graph.validate();
        graph.addEdge("a", "out", "b", "in");
        rejects(graph, "graph: connection 1 (a.out -> b.in) repeats connection 0");
        Graph read = GraphText.read(("{" + AB + ",'connections':[" + EDGE + "]}").replace('\'', '"'));
        read.addEdge("a", "out", "nobody", "in");
        rejects(read, "graph: connection 1 (a.out -> nobody.in): no process 'nobody'");
    }

    @Test
    void isATeaflowException() {
        assertThrows(TeaflowException.class, () -> GraphText.read("{\"processes\":[]}"));
    }

    // ---- top level ----

    @Test
    void graphMustBeAnObject() {
        rejects("[]", "graph: the graph must be a JSON object (got an array)");
        rejects("null", "graph: the graph must be a JSON object (got null)");
        rejects("'graph'", "graph: the graph must be a JSON object (got the string \"graph\")");
    }

    @Test
    void caseSensitiveMustBeABoolean() {
        rejects("{'caseSensitive':'yes'}", "graph: \"caseSensitive\" must be a boolean (got the string \"yes\")");
        rejects("{'caseSensitive':0}", "graph: \"caseSensitive\" must be a boolean (got the number 0)");
    }

    @Test
    void propertiesMustBeAnObject() {
        rejects("{'properties':['a']}", "graph: \"properties\" must be an object (got an array)");
    }

    @Test
    void processesMustBeAnObject() {
        rejects("{'processes':[]}", "graph: \"processes\" must be an object (got an array)");
    }

    @Test
    void connectionsMustBeAnArray() {
        rejects("{'connections':{}}", "graph: \"connections\" must be an array (got an object)");
    }

    @Test
    void exportedPortsMustBeObjects() {
        rejects("{'inports':[]}", "graph: \"inports\" must be an object (got an array)");
        rejects("{'outports':true}", "graph: \"outports\" must be an object (got true)");
    }

    @Test
    void groupsMustBeAnArray() {
        rejects("{'groups':{}}", "graph: \"groups\" must be an array (got an object)");
    }

    // ---- processes ----

    @Test
    void processIdMustNotBeEmpty() {
        rejects("{'processes':{'':{'component':'x'}}}", "graph: process '': the id must be a non-empty string");
        GraphException e = assertThrows(GraphException.class, () -> new Graph().addProcess("", "x", null));
        assertEquals("graph: process '': the id must be a non-empty string", e.getMessage());
        e = assertThrows(GraphException.class, () -> new Graph().addProcess(null, "x", null));
        assertEquals("graph: process null: the id must be a non-empty string", e.getMessage());
    }

    @Test
    void processMustBeAnObject() {
        rejects("{'processes':{'x':'core/Repeat'}}",
                "graph: process 'x' must be an object (got the string \"core/Repeat\")");
    }

    @Test
    void componentMustBeANonEmptyString() {
        rejects("{'processes':{'x':{}}}", "graph: process 'x': \"component\" must be a non-empty string (got nothing)");
        rejects("{'processes':{'x':{'component':''}}}",
                "graph: process 'x': \"component\" must be a non-empty string (got an empty string)");
        rejects("{'processes':{'x':{'component':42}}}",
                "graph: process 'x': \"component\" must be a non-empty string (got the number 42)");
        rejects("{'processes':{'x':{'component':null}}}",
                "graph: process 'x': \"component\" must be a non-empty string (got null)");
        rejects(new Graph().addProcess("x", "", null),
                "graph: process 'x': \"component\" must be a non-empty string (got an empty string)");
        rejects(new Graph().addProcess("x", null, null),
                "graph: process 'x': \"component\" must be a non-empty string (got null)");
    }

    @Test
    void metadataMustBeAnObject() {
        rejects("{'processes':{'x':{'component':'c','metadata':[1]}}}",
                "graph: process 'x': \"metadata\" must be an object (got an array)");
        rejects("{" + AB + ",'connections':[{'data':1,'tgt':{'process':'a','port':'in'},'metadata':'m'}]}",
                "graph: connection 0: \"metadata\" must be an object (got the string \"m\")");
        rejects("{" + AB + ",'inports':{'IN':{'process':'a','port':'in','metadata':5}}}",
                "graph: inport 'IN': \"metadata\" must be an object (got the number 5)");
        rejects("{" + AB + ",'groups':[{'name':'g','nodes':[],'metadata':false}]}",
                "graph: group 0 ('g'): \"metadata\" must be an object (got false)");
    }

    @Test
    void processIdsAreUniqueInTheModel() {
        GraphException e = assertThrows(GraphException.class, () -> ab().addProcess("a", "x", null));
        assertEquals("graph: process 'a' already exists", e.getMessage());
    }

    @Test
    void duplicateKeysInTheTextAreNotSilentlyMerged() {
        // JSON.parse would keep the last 'a'; the tests' text reader (GraphText, over Gson) refuses the
        // second one, where Gson's reader stands just after it
        rejects("{'processes':{'a':{'component':'x'},\n'a':{'component':'y'}}}",
                "invalid JSON at line 2 column 4: the key \"a\" appears twice in the same object");
    }

    // ---- connections ----

    @Test
    void connectionMustBeAnObject() {
        rejects("{" + AB + ",'connections':[" + EDGE + ",[]]}", "graph: connection 1 must be an object (got an array)");
    }

    @Test
    void connectionNeedsSrcOrData() {
        rejects("{" + AB + ",'connections':[" + EDGE + ",{'data':1,'tgt':{'process':'a','port':'in'}},"
                + "{'tgt':{'process':'a','port':'in'}}]}",
                "graph: connection 2 has neither \"src\" nor \"data\"");
        // a misspelt "src" is an unknown field, so the connection has neither
        rejects("{" + AB + ",'connections':[{'source':{'process':'a','port':'out'},'tgt':{'process':'b','port':'in'}}]}",
                "graph: connection 0 has neither \"src\" nor \"data\"");
        rejects("{" + AB + ",'connections':[{'src':null,'tgt':{'process':'a','port':'in'}}]}",
                "graph: connection 0 has neither \"src\" nor \"data\"");
    }

    @Test
    void connectionMayNotHaveBothSrcAndData() {
        rejects("{" + AB + ",'connections':[{'src':{'process':'a','port':'out'},'data':1,"
                + "'tgt':{'process':'b','port':'in'}}]}",
                "graph: connection 0 has both \"src\" and \"data\" (an edge has \"src\", an initial packet has \"data\")");
    }

    @Test
    void connectionNeedsTgt() {
        rejects("{" + AB + ",'connections':[{'data':0}]}", "graph: connection 0 has no \"tgt\"");
        rejects("{" + AB + ",'connections':[{'src':{'process':'a','port':'out'},'tgt':null}]}",
                "graph: connection 0 has no \"tgt\"");
        rejects(ab().addConnection(GraphConnection.initial(1, null, null)), "graph: connection 0 has no \"tgt\"");
    }

    @Test
    void endpointsMustBeObjects() {
        rejects("{" + AB + ",'connections':[{'src':'a.out','tgt':{'process':'b','port':'in'}}]}",
                "graph: connection 0: \"src\" must be an object (got the string \"a.out\")");
        rejects("{" + AB + ",'connections':[{'data':1,'tgt':['a','in']}]}",
                "graph: connection 0: \"tgt\" must be an object (got an array)");
    }

    @Test
    void endpointProcessAndPortMustBeNonEmptyStrings() {
        rejects("{" + AB + ",'connections':[{'src':{'port':'out'},'tgt':{'process':'b','port':'in'}}]}",
                "graph: connection 0: \"src.process\" must be a non-empty string (got nothing)");
        rejects("{" + AB + ",'connections':[{'src':{'process':'a'},'tgt':{'process':'b','port':'in'}}]}",
                "graph: connection 0: \"src.port\" must be a non-empty string (got nothing)");
        rejects("{" + AB + ",'connections':[{'data':1,'tgt':{'process':7,'port':'in'}}]}",
                "graph: connection 0: \"tgt.process\" must be a non-empty string (got the number 7)");
        rejects("{" + AB + ",'connections':[{'data':1,'tgt':{'process':'a','port':''}}]}",
                "graph: connection 0: \"tgt.port\" must be a non-empty string (got an empty string)");
        rejects(ab().addEdge("a", null, "b", "in"),
                "graph: connection 0: \"src.port\" must be a non-empty string (got null)");
    }

    @Test
    void indexMustBeANonNegativeInteger() {
        rejects("{" + AB + ",'connections':[{'src':{'process':'a','port':'out','index':-1},"
                + "'tgt':{'process':'b','port':'in'}}]}",
                "graph: connection 0: \"src.index\" must be a non-negative integer (got the number -1)");
        rejects("{" + AB + ",'connections':[{'data':1,'tgt':{'process':'a','port':'in','index':1.5}}]}",
                "graph: connection 0: \"tgt.index\" must be a non-negative integer (got the number 1.5)");
        rejects("{" + AB + ",'connections':[{'data':1,'tgt':{'process':'a','port':'in','index':'0'}}]}",
                "graph: connection 0: \"tgt.index\" must be a non-negative integer (got the string \"0\")");
        rejects(ab().addConnection(GraphConnection.initial(1, new GraphEndpoint("a", "in", -2), null)),
                "graph: connection 0: \"tgt.index\" must be a non-negative integer (got the number -2)");
        // null index is no index, as in fbp-graph
        Graph graph = GraphText.read(("{" + AB + ",'connections':[{'data':1,'tgt':{'process':'a','port':'in',"
                + "'index':null}}]}").replace('\'', '"'));
        assertEquals(null, graph.connections().get(0).tgt().index());
    }

    @Test
    void edgeTargetMustExist() {
        rejects("{" + AB + ",'connections':[" + EDGE + ",{'data':1,'tgt':{'process':'b','port':'in'}},"
                + "{'src':{'process':'b','port':'out'},'tgt':{'process':'a','port':'in'}},"
                + "{'src':{'process':'a','port':'out'},'tgt':{'process':'nope','port':'in'}}]}",
                "graph: connection 3 (a.out -> nope.in): no process 'nope'");
        rejects(ab().addEdge("a", "out", "nope", "in"), "graph: connection 0 (a.out -> nope.in): no process 'nope'");
    }

    @Test
    void edgeSourceMustExist() {
        rejects("{" + AB + ",'connections':[{'src':{'process':'zz','port':'out','index':2},"
                + "'tgt':{'process':'b','port':'in'}}]}",
                "graph: connection 0 (zz.out[2] -> b.in): no process 'zz'");
    }

    @Test
    void initialPacketTargetMustExist() {
        rejects("{" + AB + ",'connections':[{'data':null,'tgt':{'process':'nope','port':'in'}}]}",
                "graph: connection 0 (initial packet -> nope.in): no process 'nope'");
        rejects(ab().addInitial(0, "nope", "in"), "graph: connection 0 (initial packet -> nope.in): no process 'nope'");
    }

    @Test
    void processIdsAreCaseSensitiveEvenWhenPortsAreNot() {
        rejects("{" + AB + ",'connections':[{'data':1,'tgt':{'process':'A','port':'in'}}]}",
                "graph: connection 0 (initial packet -> A.in): no process 'A'");
    }

    @Test
    void anEdgeMayNotBeGivenTwice() {
        rejects("{" + AB + ",'connections':[" + EDGE + ",{'data':1,'tgt':{'process':'b','port':'in'}}," + EDGE + "]}",
                "graph: connection 2 (a.out -> b.in) repeats connection 0");
        // ports differing only by case are the same port unless the graph is case-sensitive
        String byCase = "{" + AB + ",'connections':[" + EDGE + ","
                + "{'src':{'process':'a','port':'OUT'},'tgt':{'process':'b','port':'In'}}]}";
        rejects(byCase, "graph: connection 1 (a.OUT -> b.In) repeats connection 0");
        GraphText.read(byCase.replace("{'processes'", "{'caseSensitive':true,'processes'").replace('\'', '"'));
        // other indexes are other edges; packets may repeat
        GraphText.read(("{" + AB + ",'connections':[" + EDGE + ","
                + "{'src':{'process':'a','port':'out','index':1},'tgt':{'process':'b','port':'in'}},"
                + "{'data':1,'tgt':{'process':'b','port':'in'}},{'data':1,'tgt':{'process':'b','port':'in'}}]}")
                .replace('\'', '"'));
        rejects(ab().addEdge("a", "out", "b", "in").addEdge("a", "out", "b", "in"),
                "graph: connection 1 (a.out -> b.in) repeats connection 0");
    }

    // ---- exported ports ----

    @Test
    void inportMustPointAtAnExistingProcess() {
        rejects("{" + AB + ",'inports':{'IN':{'process':'zz','port':'in'}}}",
                "graph: inport 'IN' points at process 'zz', which does not exist");
        rejects(ab().addInport("IN", "zz", "in", null),
                "graph: inport 'IN' points at process 'zz', which does not exist");
    }

    @Test
    void outportMustPointAtAnExistingProcess() {
        rejects("{" + AB + ",'outports':{'OUT':{'process':'zz','port':'out'}}}",
                "graph: outport 'OUT' points at process 'zz', which does not exist");
    }

    @Test
    void exportedPortMustBeAnObject() {
        rejects("{" + AB + ",'inports':{'IN':'a.in'}}", "graph: inport 'IN' must be an object (got the string \"a.in\")");
    }

    @Test
    void exportedPortNeedsProcessAndPort() {
        rejects("{" + AB + ",'inports':{'IN':{'port':'in'}}}",
                "graph: inport 'IN': \"process\" must be a non-empty string (got nothing)");
        rejects("{" + AB + ",'outports':{'OUT':{'process':'b'}}}",
                "graph: outport 'OUT': \"port\" must be a non-empty string (got nothing)");
        rejects(ab().addOutport("OUT", "b", "", null),
                "graph: outport 'OUT': \"port\" must be a non-empty string (got an empty string)");
    }

    @Test
    void exportedPortNameMustNotBeEmpty() {
        rejects("{" + AB + ",'inports':{'':{'process':'a','port':'in'}}}",
                "graph: inport '': the name must be a non-empty string");
        GraphException e = assertThrows(GraphException.class, () -> ab().addOutport("", "a", "out", null));
        assertEquals("graph: outport '': the name must be a non-empty string", e.getMessage());
        e = assertThrows(GraphException.class, () -> ab().addInport("IN", "a", "in", null).addInport("IN", "b", "in", null));
        assertEquals("graph: inport 'IN' already exists", e.getMessage());
    }

    @Test
    void inportNamesDifferingOnlyByCaseCollideUnlessCaseSensitive() {
        String json = "{" + AB + ",'inports':{'IN':{'process':'a','port':'in'},'In':{'process':'b','port':'in'}}}";
        rejects(json, "graph: inport 'In' has the same name as inport 'IN' (the graph is not case-sensitive)");
        rejects(ab().addInport("IN", "a", "in", null).addInport("in", "b", "in", null),
                "graph: inport 'in' has the same name as inport 'IN' (the graph is not case-sensitive)");
        Graph sensitive = GraphText.read(json.replace("{'processes'", "{'caseSensitive':true,'processes'")
                .replace('\'', '"'));
        assertEquals(2, sensitive.inports().size());
    }

    @Test
    void outportNamesDifferingOnlyByCaseCollideUnlessCaseSensitive() {
        rejects("{" + AB + ",'outports':{'out':{'process':'a','port':'out'},'OUT':{'process':'b','port':'out'}}}",
                "graph: outport 'OUT' has the same name as outport 'out' (the graph is not case-sensitive)");
        // an inport and an outport may share a name
        GraphText.read(("{" + AB + ",'inports':{'x':{'process':'a','port':'in'}},"
                + "'outports':{'X':{'process':'b','port':'out'}}}").replace('\'', '"'));
    }

    // ---- groups ----

    @Test
    void groupMustNameExistingProcesses() {
        rejects("{" + AB + ",'groups':[{'name':'ok','nodes':['a']},{'name':'g','nodes':['a','zz']}]}",
                "graph: group 1 ('g') names process 'zz', which does not exist");
        rejects(ab().addGroup("g", Arrays.asList("b", "zz"), null),
                "graph: group 0 ('g') names process 'zz', which does not exist");
    }

    @Test
    void groupMustBeAnObject() {
        rejects("{" + AB + ",'groups':['g']}", "graph: group 0 must be an object (got the string \"g\")");
    }

    @Test
    void groupNeedsAName() {
        rejects("{" + AB + ",'groups':[{'nodes':['a']}]}", "graph: group 0: \"name\" must be a non-empty string (got nothing)");
        rejects(ab().addGroup("", Collections.singletonList("a"), null),
                "graph: group 0: \"name\" must be a non-empty string (got an empty string)");
    }

    @Test
    void groupNodesMustBeAnArrayOfIds() {
        rejects("{" + AB + ",'groups':[{'name':'g'}]}",
                "graph: group 0 ('g'): \"nodes\" must be an array of process ids (got nothing)");
        rejects("{" + AB + ",'groups':[{'name':'g','nodes':'a'}]}",
                "graph: group 0 ('g'): \"nodes\" must be an array of process ids (got the string \"a\")");
        rejects("{" + AB + ",'groups':[{'name':'g','nodes':['a',1]}]}",
                "graph: group 0 ('g'): \"nodes[1]\" must be a non-empty string (got the number 1)");
    }

    // ---- order ----

    @Test
    void theFirstProblemIsReportedInDocumentedOrder() {
        // groups come last, even when they come first in the text
        rejects("{'groups':[{'name':'g','nodes':['zz']}],'outports':{'O':{'process':'zz','port':'out'}},"
                + "'inports':{'I':{'process':'zz','port':'in'}},'connections':[{'data':1,'tgt':"
                + "{'process':'zz','port':'in'}}]," + AB + "}",
                "graph: connection 0 (initial packet -> zz.in): no process 'zz'");
        rejects("{'groups':[{'name':'g','nodes':['zz']}],'outports':{'O':{'process':'zz','port':'out'}},"
                + "'inports':{'I':{'process':'zz','port':'in'}}," + AB + "}",
                "graph: inport 'I' points at process 'zz', which does not exist");
        rejects("{'groups':[{'name':'g','nodes':['zz']}],'outports':{'O':{'process':'zz','port':'out'}}," + AB + "}",
                "graph: outport 'O' points at process 'zz', which does not exist");
        // processes before connections; connections in order
        rejects("{'connections':[{'data':1,'tgt':{'process':'zz','port':'in'}}],"
                + "'processes':{'a':{'component':'x'},'b':{}}}",
                "graph: process 'b': \"component\" must be a non-empty string (got nothing)");
        rejects("{" + AB + ",'connections':[{'data':1,'tgt':{'process':'y','port':'in'}},"
                + "{'data':1,'tgt':{'process':'x','port':'in'}}]}",
                "graph: connection 0 (initial packet -> y.in): no process 'y'");
        // a connection may name a process that comes after it in the text
        GraphText.read("{\"connections\":[{\"data\":1,\"tgt\":{\"process\":\"a\",\"port\":\"in\"}}],"
                + "\"processes\":{\"a\":{\"component\":\"x\"}}}");
    }

    @Test
    void theModelAndTheTextReportTheSameFirstProblem() {
        Graph graph = ab().addEdge("a", "out", "b", "in").addInitial(1, "q", "in").addInport("I", "zz", "in", null)
                .addGroup("g", Collections.singletonList("zz"), null);
        rejects(graph, "graph: connection 1 (initial packet -> q.in): no process 'q'");
    }
}
