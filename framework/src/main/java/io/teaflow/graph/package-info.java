/**
 * FBP JSON graphs, the format of NoFlo's {@code fbp-graph}: the model ({@link io.teaflow.graph.Graph}
 * with {@link io.teaflow.graph.GraphProcess}, {@link io.teaflow.graph.GraphConnection},
 * {@link io.teaflow.graph.GraphEndpoint}, {@link io.teaflow.graph.ExportedPort},
 * {@link io.teaflow.graph.GraphGroup}), its checks ({@link io.teaflow.graph.GraphValidator}), and
 * reading and writing it ({@link io.teaflow.graph.GraphJson}, the one codec of the format, over any
 * JSON-shaped structure seen through a {@link io.teaflow.graph.GraphTree}: plain Java maps and lists,
 * or page objects in the browser bridge). JSON text is left to a JSON library (the platform's
 * {@code JSON} in the browser). Plain Java that TeaVM compiles to JS and WebAssembly GC: no
 * reflection, regular expressions or {@code String.format}.
 *
 * <p>Decisions, where fbp-graph 0.7.0 ({@code loadJSON}/{@code toJSON}) was the reference:
 * <ul>
 * <li>Structure is Java strings and numbers; {@code properties}, every {@code metadata} and every
 * initial packet are kept as the very objects given, never copied or looked into.</li>
 * <li>Case: fbp-graph lower-cases port names and exported port names on load when
 * {@code caseSensitive} is false (never process ids), so what it writes is already lower case.
 * Teaflow keeps every name exactly as given (a graph comes back byte for byte, and a JS actor's
 * {@code inData} port stays {@code inData}) and compares port names and exported port names
 * ignoring case instead ({@link io.teaflow.graph.Graph#portKey}, {@code samePort},
 * {@code inport}/{@code outport} lookups). Where fbp-graph would silently merge two things that
 * differ only by case (two exported ports, two edges), Teaflow reports an error.</li>
 * <li>Where fbp-graph silently drops something (an edge or packet naming an unknown process, an
 * exported port pointing at one, a repeated edge, a connection with both {@code src} and
 * {@code data}), Teaflow reports an error naming it. Unknown fields are ignored, as in fbp-graph;
 * {@code null} counts as absent for optional fields (not for {@code data}: a {@code null} packet
 * is a packet).</li>
 * <li>Connections keep their order (fbp-graph writes all edges, then all packets; its own files
 * are already in that order, so they come back unchanged).</li>
 * <li>Writing: fbp-graph's field order, all top-level fields always present, absent metadata
 * and indexes left out.</li>
 * </ul>
 */
package io.teaflow.graph;
