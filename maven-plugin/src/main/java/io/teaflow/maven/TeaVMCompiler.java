package io.teaflow.maven;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;
import org.teavm.backend.javascript.JSModuleType;
import org.teavm.backend.wasm.WasmDebugInfoLocation;
import org.teavm.backend.wasm.render.WasmBinaryVersion;
import org.teavm.tooling.TeaVMProblemRenderer;
import org.teavm.tooling.TeaVMSourceFilePolicy;
import org.teavm.tooling.TeaVMTargetType;
import org.teavm.tooling.TeaVMToolLog;
import org.teavm.tooling.builder.BuildException;
import org.teavm.tooling.builder.BuildResult;
import org.teavm.tooling.builder.InProcessBuildStrategy;
import org.teavm.vm.TeaVMOptimizationLevel;

/**
 * One TeaVM build of Teaflow's module ({@code io.teaflow.bridge.TeaflowModule}) with everything on
 * the bundle's class path, through TeaVM's own in-process builder (what its Maven plugin uses), with
 * the settings of Teaflow's stock build. TeaVM's errors become one {@link MojoFailureException}
 * listing each problem with the Java methods that lead to it.
 */
final class TeaVMCompiler {
    static final String MAIN_CLASS = "io.teaflow.bridge.TeaflowModule";

    private final List<String> classPath;
    private final Log log;

    TeaVMCompiler(List<String> classPath, Log log) {
        this.classPath = List.copyOf(classPath);
        this.log = log;
    }

    /**
     * The JavaScript backend as a CommonJS module body ({@code exports.*}), the form the bundle's
     * wrappers evaluate; {@code minifying} shortens names, {@code sourceMaps} writes {@code fileName.map}.
     */
    File javaScript(File directory, String fileName, boolean minifying, boolean sourceMaps) throws MojoFailureException {
        InProcessBuildStrategy builder = builder(TeaVMTargetType.JAVASCRIPT, directory, fileName);
        builder.setJsModuleType(JSModuleType.COMMON_JS);
        builder.setObfuscated(minifying);
        builder.setSourceMapsFileGenerated(sourceMaps);
        return build(builder, "JavaScript", new File(directory, fileName));
    }

    /**
     * The WebAssembly GC backend, always with its name section (Java method names in stack traces):
     * the bundle keeps it in {@code teaflow.debug.wasm} and strips it from {@code teaflow.wasm}.
     */
    File webAssembly(File directory, String fileName) throws MojoFailureException {
        InProcessBuildStrategy builder = builder(TeaVMTargetType.WEBASSEMBLY_GC, directory, fileName);
        builder.setJsModuleType(JSModuleType.UMD);
        builder.setObfuscated(false);
        builder.setSourceMapsFileGenerated(false);
        return build(builder, "WebAssembly GC", new File(directory, fileName));
    }

    private InProcessBuildStrategy builder(TeaVMTargetType target, File directory, String fileName) {
        InProcessBuildStrategy builder = new InProcessBuildStrategy();
        builder.init();
        builder.setClassPathEntries(classPath);
        builder.setTargetType(target);
        builder.setMainClass(MAIN_CLASS);
        builder.setEntryPointName("main");
        builder.setTargetDirectory(directory.getAbsolutePath());
        builder.setTargetFileName(fileName);
        builder.setOptimizationLevel(TeaVMOptimizationLevel.ADVANCED);
        builder.setStrict(false);
        builder.setMaxTopLevelNames(80_000);
        builder.setDebugInformationGenerated(false);
        builder.setWasmDebugInfoLocation(WasmDebugInfoLocation.EXTERNAL);
        builder.setWasmVersion(WasmBinaryVersion.V_0x1);
        builder.setSourceFilePolicy(TeaVMSourceFilePolicy.DO_NOTHING);
        builder.setIncremental(false);
        builder.setCacheDirectory(new File(directory, "cache").getAbsolutePath());
        builder.setTransformers(new String[] {LeanDoubleToString.class.getName()});
        return builder;
    }

    private File build(InProcessBuildStrategy builder, String backend, File output) throws MojoFailureException {
        // What an earlier build left must not pass for this one's output (a stale source map above all).
        for (File stale : new File[] {output, new File(output.getPath() + ".map")}) {
            if (stale.exists() && !stale.delete()) {
                throw new MojoFailureException("Teaflow bundle: cannot delete " + stale + " before compiling");
            }
        }
        CollectingLog teavmLog = new CollectingLog(log);
        builder.setLog(teavmLog);
        BuildResult result;
        try {
            result = builder.build();
        } catch (BuildException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new MojoFailureException("TeaVM failed on the " + backend + " backend: " + cause, cause);
        }
        TeaVMProblemRenderer.describeProblems(result.getCallGraph(), result.getProblems(), teavmLog);
        if (!result.getProblems().getSevereProblems().isEmpty()) {
            throw new MojoFailureException("TeaVM could not compile the " + backend + " backend of the bundle:\n"
                    + String.join("\n", teavmLog.errors));
        }
        if (!output.isFile()) {
            throw new MojoFailureException("TeaVM reported no error but wrote no " + output);
        }
        return output;
    }

    /** TeaVM's messages go to Maven's log; its errors are also kept for the failure message. */
    private static final class CollectingLog implements TeaVMToolLog {
        private final Log log;
        private final List<String> errors = new ArrayList<>();

        CollectingLog(Log log) {
            this.log = log;
        }

        @Override
        public void info(String text) {
            log.debug(text);
        }

        @Override
        public void debug(String text) {
            log.debug(text);
        }

        @Override
        public void warning(String text) {
            log.warn(text);
        }

        @Override
        public void error(String text) {
            errors.add(text);
        }

        @Override
        public void info(String text, Throwable e) {
            log.debug(text, e);
        }

        @Override
        public void debug(String text, Throwable e) {
            log.debug(text, e);
        }

        @Override
        public void warning(String text, Throwable e) {
            log.warn(text, e);
        }

        @Override
        public void error(String text, Throwable e) {
            errors.add(text + ": " + e);
        }
    }
}
