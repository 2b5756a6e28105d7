/**
 * The service provider interface between the runtime and the environment it runs in: for the
 * browser bridge (and tests), <b>not for components</b>. A component sees none of these types; it
 * uses {@link io.teaflow.runtime.ActorContext} and {@link io.teaflow.runtime.ActorState}.
 *
 * <p>A {@link io.teaflow.runtime.spi.Host} gives a network its scheduling, its logging and, through
 * {@link io.teaflow.runtime.spi.StateStorage}, the place where each node's state values live (a Java
 * map on the JVM, a JavaScript {@code Map} in the browser). {@link io.teaflow.runtime.spi.LiveMemoryState}
 * is the one {@code ActorState} implementation, wrapping a storage with subscriber notification and
 * errors that name the node and key. {@link io.teaflow.runtime.spi.ForeignError} carries a thrown
 * JavaScript value through Java code, {@link io.teaflow.runtime.spi.ErrorSink} is where a node's
 * failures go, and {@link io.teaflow.runtime.spi.ListenerList} is the copy-on-write listener list
 * both the network and the state use.
 *
 * <p>These types may change between releases without notice.
 */
package io.teaflow.runtime.spi;
