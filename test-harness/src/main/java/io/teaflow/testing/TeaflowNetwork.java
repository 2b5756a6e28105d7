package io.teaflow.testing;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A Teaflow network living in a {@link TeaflowPage}, seen from the test: its nodes' state, its
 * {@code 'error'} and {@code 'data'} events (recorded from the moment {@link TeaflowPage#network}
 * made this handle), and {@code net.idle()}. Values are plain Java values as described on
 * {@link TeaflowPage}. The handle works while the page shows the document it was made in.
 */
public final class TeaflowNetwork {
    /**
     * An {@code 'error'} event.
     *
     * @param node the node that failed
     * @param message what went wrong
     */
    public record ErrorEvent(String node, String message) {
    }

    /**
     * A {@code 'data'} event: a packet delivered.
     *
     * @param node the receiving node
     * @param port its inport
     * @param value the packet, as a plain Java value
     */
    public record DataEvent(String node, String port, Object value) {
    }

    private static final Duration IDLE_TIMEOUT = Duration.ofSeconds(30);
    /** The page's registry of watched networks, under a symbol so no page name can collide with it. */
    private static final String REGISTRY = "(globalThis[Symbol.for('teaflow.testing.networks')] ??= [])";

    private final TeaflowPage page;
    private final String expression;
    private final int index;
    private final int document;

    private TeaflowNetwork(TeaflowPage page, String expression, int index, int document) {
        this.page = page;
        this.expression = expression;
        this.index = index;
        this.document = document;
    }

    static TeaflowNetwork attach(TeaflowPage page, String expression) {
        if (expression == null || expression.isBlank()) {
            throw new IllegalArgumentException("no network expression (e.g. \"window.app.net\")");
        }
        Object index = page.evaluate("async () => {\n"
                + "  const net = await (\n" + expression + "\n);\n"
                + "  if (net === null || typeof net !== 'object' || typeof net.on !== 'function'"
                + " || typeof net.state !== 'function' || typeof net.idle !== 'function') {\n"
                + "    throw new Error(" + jsString(expression) + " + ' is not a Teaflow network (it is '"
                + " + (net === null ? 'null' : typeof net) + ')');\n"
                + "  }\n"
                + "  const watched = { net, errors: [], data: [] };\n"
                + "  net.on('error', e => watched.errors.push({ node: e.node, message: e.message }));\n"
                + "  net.on('data', e => watched.data.push({ node: e.node, port: e.port, value: e.value }));\n"
                + "  return " + REGISTRY + ".push(watched) - 1;\n"
                + "}");
        return new TeaflowNetwork(page, expression, ((Number) index).intValue(), page.document());
    }

    /**
     * The expression this handle was made from.
     *
     * @return the JS expression
     */
    public String expression() {
        return expression;
    }

    /**
     * Every entry of a node's live state ({@code net.state(node).getAll()}).
     *
     * @param node the node's id
     * @return the entries in key order, as plain Java values
     */
    @SuppressWarnings("unchecked")
    public Map<String, Object> state(String node) {
        return (Map<String, Object>) call("(watched, node) => watched.net.state(node).getAll()", node);
    }

    /**
     * One entry of a node's live state.
     *
     * @param node the node's id
     * @param key the entry's key
     * @return the value as a plain Java value, or null if absent
     */
    public Object state(String node, String key) {
        return call("(watched, [node, key]) => watched.net.state(node).get(key)", List.of(node, key));
    }

    /**
     * Sets an entry of a node's live state from the page's side ({@code net.state(node).set(key, value)}).
     *
     * @param node the node's id
     * @param key the entry's key
     * @param value the value, as for {@link TeaflowPage#evaluate(String, Object)}
     */
    public void setState(String node, String key, Object value) {
        call("(watched, [node, key, value]) => { watched.net.state(node).set(key, value); }", java.util.Arrays.asList(node, key, value));
    }

    /**
     * Sends a packet ({@code net.send}); the network must be running.
     *
     * @param node the receiving node's id
     * @param port its inport
     * @param value the packet, as for {@link TeaflowPage#evaluate(String, Object)}
     */
    public void send(String node, String port, Object value) {
        call("(watched, [node, port, value]) => { watched.net.send(node, port, value); }", java.util.Arrays.asList(node, port, value));
    }

    /** Awaits {@code net.idle()}: nothing queued or running; fails if that takes more than 30 seconds. */
    public void idle() {
        call("(watched, ms) => new Promise((resolve, reject) => {\n"
                + "  const timer = setTimeout(() => reject(new Error('net.idle() did not resolve within ' + ms + ' ms')), ms);\n"
                + "  watched.net.idle().then(() => { clearTimeout(timer); resolve(); },"
                + " e => { clearTimeout(timer); reject(e); });\n"
                + "})", IDLE_TIMEOUT.toMillis());
    }

    /**
     * The {@code 'error'} events so far.
     *
     * @return the events, oldest first
     */
    public List<ErrorEvent> errors() {
        List<?> events = (List<?>) call("(watched) => watched.errors", null);
        return events.stream().map(event -> (Map<?, ?>) event)
                .map(event -> new ErrorEvent((String) event.get("node"), (String) event.get("message"))).toList();
    }

    /**
     * The {@code 'data'} events so far, with each packet as it is now.
     *
     * @return the events, oldest first
     */
    public List<DataEvent> data() {
        List<?> events = (List<?>) call("(watched) => watched.data", null);
        return events.stream().map(event -> (Map<?, ?>) event)
                .map(event -> new DataEvent((String) event.get("node"), (String) event.get("port"), event.get("value"))).toList();
    }

    /** Forgets the events recorded so far. */
    public void clearEvents() {
        call("(watched) => { watched.errors.length = 0; watched.data.length = 0; }", null);
    }

    /** Fails, listing them, if the network had {@code 'error'} events. */
    public void assertNoErrors() {
        List<ErrorEvent> errors = errors();
        if (!errors.isEmpty()) {
            throw new AssertionError("[" + page.backend() + "] " + expression + " had " + errors.size() + " error event(s): " + errors);
        }
    }

    /** Calls {@code function(watched, argument)} on this network's record in the page. */
    private Object call(String function, Object argument) {
        if (page.document() != document) {
            throw new IllegalStateException("the page has loaded another document since network(\"" + expression
                    + "\") was called: call page.network(...) again");
        }
        return page.evaluate("([index, argument]) => (" + function + ")(" + REGISTRY + "[index], argument)",
                java.util.Arrays.asList(index, argument));
    }

    private static String jsString(String text) {
        return new com.google.gson.Gson().toJson(text);
    }
}
