package io.teaflow.testing;

import java.lang.reflect.Method;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.Extension;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestTemplateInvocationContext;
import org.junit.jupiter.api.extension.TestTemplateInvocationContextProvider;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Runs each {@link TeaflowPageTest} once per backend and gives test methods their
 * {@link TeaflowPage} or {@link TeaflowBrowser}. Chromium is launched once per test run (per
 * executable) and closed when the run ends; the server once per test class; a page per test.
 */
final class TeaflowExtension implements TestTemplateInvocationContextProvider, ParameterResolver {
    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(TeaflowExtension.class);

    @Override
    public boolean supportsTestTemplate(ExtensionContext context) {
        return context.getTestMethod().map(method -> AnnotationSupport.isAnnotated(method, TeaflowPageTest.class)).orElse(false);
    }

    @Override
    public Stream<TestTemplateInvocationContext> provideTestTemplateInvocationContexts(ExtensionContext context) {
        return settings(context).backends().stream().map(Invocation::new);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == TeaflowBrowser.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return browser(context);
    }

    /** The browser of the test class of {@code context}: its server, and the run's shared Chromium. */
    static TeaflowBrowser browser(ExtensionContext context) {
        ExtensionContext classContext = classContext(context);
        Settings settings = settings(classContext);
        return classContext.getStore(NAMESPACE).getOrComputeIfAbsent("browser", key -> {
            StaticServer server = StaticServer.start(settings.requireRoot());
            try {
                return new ClosingBrowser(new TeaflowBrowser(server, chromium(context, settings), settings.backends()), server);
            } catch (RuntimeException e) {
                server.close();
                throw e;
            }
        }, ClosingBrowser.class).browser();
    }

    /** Chromium is slow to launch (a second or two), so one per run, closed when the root context closes. */
    private static Chromium chromium(ExtensionContext context, Settings settings) {
        Chromium.requireExecutable(settings.chromium());
        return context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent("chromium " + settings.chromium(),
                key -> new ClosingChromium(Chromium.launch(settings.chromium())), ClosingChromium.class).chromium();
    }

    private static Settings settings(ExtensionContext context) {
        Class<?> testClass = context.getRequiredTestClass();
        Optional<TeaflowPages> pages = Optional.empty();
        // A @Nested class takes the configuration of the class it is in.
        for (Class<?> type = testClass; type != null && pages.isEmpty(); type = type.getEnclosingClass()) {
            pages = AnnotationSupport.findAnnotation(type, TeaflowPages.class);
        }
        return Settings.fromSystem(pages.orElse(null));
    }

    /** The context of the innermost test class around {@code context}, whose store lives as long as the class. */
    private static ExtensionContext classContext(ExtensionContext context) {
        ExtensionContext current = context;
        while (current.getTestMethod().isPresent() && current.getParent().isPresent()) {
            current = current.getParent().get();
        }
        return current;
    }

    /** One run of a {@link TeaflowPageTest} on one backend. */
    private record Invocation(String backend) implements TestTemplateInvocationContext {
        @Override
        public String getDisplayName(int invocationIndex) {
            return "[" + backend + "]";
        }

        @Override
        public List<Extension> getAdditionalExtensions() {
            return List.of(new PageResolver(backend));
        }
    }

    /** Makes the page of one invocation and closes it after the test. */
    private record PageResolver(String backend) implements ParameterResolver {
        @Override
        public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
            return parameter.getParameter().getType() == TeaflowPage.class;
        }

        @Override
        public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
            Method method = context.getRequiredTestMethod();
            try {
                TeaflowPage page = browser(context).newPage(backend);
                context.getStore(NAMESPACE).put("page " + parameter.getIndex(), (ExtensionContext.Store.CloseableResource) page::close);
                return page;
            } catch (IllegalStateException e) {
                throw new ParameterResolutionException("[" + backend + "] " + method.getName() + ": " + e.getMessage(), e);
            }
        }
    }

    /** Closes the class's server when the class's tests are done. */
    private record ClosingBrowser(TeaflowBrowser browser, StaticServer server) implements ExtensionContext.Store.CloseableResource {
        @Override
        public void close() {
            server.close();
        }
    }

    private record ClosingChromium(Chromium chromium) implements ExtensionContext.Store.CloseableResource {
        @Override
        public void close() {
            chromium.close();
        }
    }
}
