/**
 * JUnit 5 tests of pages that use Teaflow, in an installed headless Chromium driven by Playwright,
 * each run once per backend ({@code js} and {@code wasm}).
 *
 * <pre>{@code
 * @TeaflowPages(root = "target/teaflow")          // optional: the folder served (this is the default)
 * class PageIT {
 *     @TeaflowPageTest                              // runs as [js] and [wasm]
 *     void sumsOnBothBackends(TeaflowPage page) {
 *         page.open("index.html");                  // loads index.html?backend=js (or wasm)
 *         page.waitFor("() => window.app && window.app.ready");
 *         TeaflowNetwork net = page.network("window.app.net");
 *         net.send("sum", "in", 5);
 *         net.idle();
 *         assertEquals(5.0, net.state("sum").get("total"));
 *         net.assertNoErrors();
 *         page.assertNoPageErrors();
 *     }
 * }
 * }</pre>
 *
 * <p>{@link io.teaflow.testing.TeaflowPageTest} marks a test; {@link io.teaflow.testing.TeaflowPages}
 * configures the folder, the browser and the backends; {@link io.teaflow.testing.TeaflowPage} is the
 * page, {@link io.teaflow.testing.TeaflowNetwork} a network in it, and
 * {@link io.teaflow.testing.TeaflowBrowser} makes pages by hand (for dynamic tests).
 */
package io.teaflow.testing;
