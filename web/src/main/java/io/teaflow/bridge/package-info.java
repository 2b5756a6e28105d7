/**
 * The thin layer between page JavaScript and the runtime: everything here touches JSO, nothing in
 * {@code io.teaflow.runtime} does. Hot paths keep JS values in JS storage (a {@code Map} per node),
 * so they are never boxed into Java collections; values cross into Java only where a Java
 * component asks for them.
 */
package io.teaflow.bridge;
