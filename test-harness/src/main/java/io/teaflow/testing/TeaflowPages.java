package io.teaflow.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Configures the Teaflow page tests of a class (and its subclasses), and lets any of its test or
 * lifecycle methods take a {@link TeaflowBrowser}. Every attribute is optional.
 *
 * <p>The folder served on {@code http://127.0.0.1:<free port>/}: {@link #root}, else system property
 * {@code teaflow.pages.root}, else {@code target/teaflow} (where {@code teaflow-maven-plugin}'s goal
 * {@code bundle} writes); a relative path is resolved against the working directory (the module's
 * directory under Maven). One server per test class.
 *
 * <p>The browser: system property {@code teaflow.chromium}, else environment variable
 * {@code TEAFLOW_CHROMIUM}, else {@link #chromium}, else {@code /usr/bin/chromium}. It is launched
 * headless once per test run and shared; nothing ever downloads a browser.
 *
 * <p>The backends: system property {@code teaflow.backends} (comma-separated, e.g.
 * {@code -Dteaflow.backends=js}), else {@link #backends}, else {@code js} and {@code wasm}.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ExtendWith(TeaflowExtension.class)
public @interface TeaflowPages {
    /**
     * The folder to serve.
     *
     * @return its path, relative to the working directory or absolute; empty for the default
     */
    String root() default "";

    /**
     * The Chromium executable, where the machine names none.
     *
     * @return its path; empty for the default
     */
    String chromium() default "";

    /**
     * The backends each {@link TeaflowPageTest} runs on, in order.
     *
     * @return {@code "js"} and/or {@code "wasm"}; empty for both
     */
    String[] backends() default {};
}
