/**
 * Writing a Teaflow component in Java, and running networks of components on the JVM (in the
 * browser, the JavaScript {@code Network} wraps the same {@link io.teaflow.runtime.Network}).
 *
 * <p>A component is an {@link io.teaflow.runtime.Actor}, most simply an
 * {@link io.teaflow.runtime.AbstractActor} with fixed ports. The network makes one actor per node
 * and calls {@link io.teaflow.runtime.Actor#run} once per packet with the node's
 * {@link io.teaflow.runtime.ActorContext}: the packet (read it with {@link io.teaflow.runtime.Packets}),
 * the node's live {@link io.teaflow.runtime.ActorState} (the very state the page reads and writes)
 * and {@code send}. A {@link io.teaflow.runtime.ComponentLibrary} names components; listed in
 * {@code META-INF/services/io.teaflow.runtime.ComponentLibrary}, it is found by {@code new Network()}.
 * Misuse throws a {@link io.teaflow.runtime.TeaflowException} naming what was wrong; an exception
 * thrown by a run becomes an {@code 'error'} event of its node.
 *
 * <pre>{@code
 * public final class Sum extends AbstractActor {        // adds up numbers, sends each new sum
 *     public Sum() {
 *         super(List.of("in"), List.of("out"));
 *     }
 *
 *     @Override
 *     public void run(ActorContext context) {
 *         ActorState state = context.state();
 *         double sum = state.getNumber("sum", 0) + Packets.asNumber(context.packet());
 *         state.setNumber("sum", sum);
 *         context.send("out", sum);
 *     }
 * }
 *
 * public final class ShopComponents implements ComponentLibrary {  // listed in META-INF/services
 *     @Override
 *     public Map<String, ActorFactory> components() {
 *         return Map.of("shop/Sum", Sum::new);
 *     }
 * }
 *
 * @Test  // on the JVM, send() has run everything it caused by the time it returns
 * void sumsNumbers() {
 *     Network net = new Network()
 *             .addNode("sum", "shop/Sum", null)
 *             .addNode("seen", "core/Collect", null)
 *             .addConnection("sum", "out", "seen", "in");
 *     net.start();
 *     net.send("sum", "in", 2.0);
 *     net.send("sum", "in", 3.0);
 *     assertEquals(5.0, net.state("sum").getNumber("sum", 0));
 *     assertEquals(List.of(2.0, 5.0), net.state("seen").getList("items"));
 * }
 * }</pre>
 *
 * <p>The tools' view of a running network ({@link io.teaflow.runtime.NetworkEvent},
 * {@link io.teaflow.runtime.NodeStats}, {@link io.teaflow.runtime.ConnectionStats}) is here too; FBP
 * graphs are in {@code io.teaflow.graph}, the built-in {@code core/} components in
 * {@code io.teaflow.components}. {@code io.teaflow.runtime.spi} is for the browser bridge, not for
 * components.
 */
package io.teaflow.runtime;
