package io.teaflow.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A test run once per Teaflow backend ({@code js}, then {@code wasm}), shown as {@code [js]} and
 * {@code [wasm]} under the method's name. The method takes a {@link TeaflowPage}: a fresh browser
 * context in headless Chromium, closed after the test, whose {@link TeaflowPage#open open} loads a
 * page of the served folder with {@code ?backend=js} or {@code ?backend=wasm} added to its address.
 *
 * <pre>{@code
 * @TeaflowPageTest
 * void countsWords(TeaflowPage page) {
 *     page.open("index.html");
 *     TeaflowNetwork net = page.network("window.app.net");
 *     net.send("tokenize", "in", "to be or not");
 *     net.idle();
 *     assertEquals(4.0, net.state("tokenize").get("tokens"));
 *     page.assertNoPageErrors();
 * }
 * }</pre>
 *
 * <p>The folder, the browser and the backends come from {@link TeaflowPages} on the class, if any,
 * else from the defaults described there.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@TestTemplate
@ExtendWith(TeaflowExtension.class)
public @interface TeaflowPageTest {
}
