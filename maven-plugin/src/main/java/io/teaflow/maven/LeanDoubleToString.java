package io.teaflow.maven;

import org.teavm.model.ClassHolder;
import org.teavm.model.ClassHolderTransformer;
import org.teavm.model.ClassHolderTransformerContext;
import org.teavm.model.MethodDescriptor;
import org.teavm.model.MethodHolder;
import org.teavm.model.ValueType;
import org.teavm.model.emit.ProgramEmitter;

/**
 * A TeaVM class transformer of every bundle: {@code java.lang.Double.toString(double)} calls
 * {@code io.teaflow.bridge.JavaDoubleText.toString(double)} (the same text, from JavaScript's digits)
 * instead of TeaVM's {@code DoubleAnalyzer}. The analyser and its tables of powers of ten were the
 * largest single item of the JS backend (22 KB, 11 KB gzipped) and of the wasm module, and any
 * {@code String.valueOf(Object)} (every error message naming a value) reaches them, because a
 * {@code Double} may flow there. Loaded by name by TeaVM's builder, so public with a public constructor.
 */
public final class LeanDoubleToString implements ClassHolderTransformer {
    static final String FORMATTER = "io.teaflow.bridge.JavaDoubleText";
    private static final ValueType STRING = ValueType.object("java.lang.String");

    @Override
    public void transformClass(ClassHolder cls, ClassHolderTransformerContext context) {
        if (!cls.getName().equals("java.lang.Double")) {
            return;
        }
        MethodHolder method = cls.getMethod(new MethodDescriptor("toString", ValueType.DOUBLE, STRING));
        if (method == null || context.getHierarchy().getClassSource().get(FORMATTER) == null) {
            return; // not TeaVM's class library as this was written against, or no teaflow-web: leave it
        }
        ProgramEmitter pe = ProgramEmitter.create(method, context.getHierarchy());
        pe.invoke(FORMATTER, "toString", STRING, pe.var(1, ValueType.DOUBLE)).returnValue();
    }
}
