package io.teaflow.maven;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.project.MavenProject;

/**
 * Builds the project's Teaflow bundle: Teaflow with the project's Java component libraries (and
 * those of its dependencies), compiled by TeaVM to JavaScript and to WebAssembly GC, with the same
 * JS API and the same files as Teaflow's stock {@code dist/}. A component library is a public class
 * implementing {@code io.teaflow.runtime.ComponentLibrary}, named in
 * {@code META-INF/services/io.teaflow.runtime.ComponentLibrary}. The libraries are checked on the
 * JVM before TeaVM runs; every problem fails the build with a message naming the class.
 */
@Mojo(name = "bundle", defaultPhase = LifecyclePhase.PACKAGE, requiresDependencyResolution = ResolutionScope.RUNTIME,
        threadSafe = true)
public class BundleMojo extends AbstractMojo {
    private static final List<String> JS_FILES = List.of("teaflow-js-backend.js", "teaflow-js-backend.js.map",
            "teaflow-js-backend.mjs", "teaflow-js-backend.mjs.map");
    private static final List<String> ENTRIES = List.of("teaflow.js", "teaflow.mjs");
    /** Written by Terser only: without it, those of an earlier build would describe other code. */
    private static final List<String> ENTRY_MAPS = List.of("teaflow.js.map", "teaflow.mjs.map");
    private static final List<String> WASM_FILES = List.of("teaflow.wasm", "teaflow.debug.wasm", "teaflow-wasm-runtime.mjs");

    /** Where the bundle is written. Other files in it are left alone. */
    @Parameter(property = "teaflow.outputDirectory", defaultValue = "${project.build.directory}/teaflow")
    private File outputDirectory;

    /**
     * The backends to build: {@code js} (TeaVM's JavaScript output) and {@code wasm} (WebAssembly GC).
     * Both by default, as {@code init({ backend: 'auto' })} picks one per browser. A backend left
     * out is not in the bundle, and its files from an earlier build are removed.
     */
    @Parameter(property = "teaflow.backends", defaultValue = "js,wasm")
    private List<String> backends;

    /**
     * Shortens the JavaScript backend's names and uses TeaVM's minified WebAssembly loader. The
     * WebAssembly module is not affected: see {@code teaflow.debug.wasm}.
     */
    @Parameter(property = "teaflow.minifying", defaultValue = "true")
    private boolean minifying;

    /**
     * Writes source maps for the JavaScript backend ({@code teaflow-js-backend.js.map},
     * {@code .mjs.map}) with the Java sources of Teaflow and of the project's source roots inlined,
     * so stack traces in devtools point at Java lines. The WebAssembly backend always comes twice:
     * {@code teaflow.wasm} without the module's name section (what {@code init()} loads), and
     * {@code teaflow.debug.wasm} with it (Java method names in stack traces; pass it as
     * {@code init({ wasmUrl })}); this parameter does not change them.
     */
    @Parameter(property = "teaflow.sourceMaps", defaultValue = "true")
    private boolean sourceMaps;

    /**
     * Fails the build when the class path has no component library besides Teaflow's built-ins,
     * which nearly always means a missing {@code META-INF/services/io.teaflow.runtime.ComponentLibrary}.
     * Set to false to build a bundle of the built-in components only.
     */
    @Parameter(property = "teaflow.requireComponentLibrary", defaultValue = "true")
    private boolean requireComponentLibrary;

    /**
     * Binaryen's {@code wasm-opt} (for instance {@code node_modules/binaryen/bin/wasm-opt} of the npm
     * package {@code binaryen}): when set, the WebAssembly module goes through {@code wasm-opt -Oz}
     * before it is written (about a tenth smaller gzipped). Unset: TeaVM's module as it is.
     */
    @Parameter(property = "teaflow.wasmOpt")
    private File wasmOpt;

    /**
     * Terser's command-line tool (for instance {@code node_modules/.bin/terser} of the npm package
     * {@code terser}; it runs on Node): when set, the entries, the JavaScript backend and TeaVM's
     * WebAssembly loader are minified by it, their source maps leading through the minified code
     * to the same sources (the stock entry and JS backend: 53.7 to 47.7 KB gzipped). Unset: the
     * entries without their comments, and TeaVM's output as it is.
     */
    @Parameter(property = "teaflow.terser")
    private File terser;

    /** Skips the goal. */
    @Parameter(property = "teaflow.skip", defaultValue = "false")
    private boolean skip;

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    private MavenProject project;

    @Parameter(defaultValue = "${plugin.artifacts}", readonly = true, required = true)
    private List<Artifact> pluginArtifacts;

    @Parameter(defaultValue = "${plugin.version}", readonly = true, required = true)
    private String teaflowVersion;

    /** For Maven. */
    public BundleMojo() {
    }

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("Teaflow bundle skipped (teaflow.skip)");
            return;
        }
        long started = System.nanoTime();
        Set<String> chosen = chosenBackends();
        List<Path> classPath = new ArrayList<>();
        for (Path entry : BundleClassPath.of(new File(project.getBuild().getOutputDirectory()), project.getArtifacts(),
                pluginArtifacts)) {
            if (Files.exists(entry)) {
                classPath.add(entry);
            }
        }
        warnOnOtherFramework();

        LibraryCheck.Result libraries;
        try {
            libraries = LibraryCheck.run(classPath);
        } catch (LibraryProblems e) {
            throw new MojoFailureException("Teaflow bundle: the component libraries have "
                    + (e.problems().size() == 1 ? "a problem" : e.problems().size() + " problems") + ":\n  "
                    + String.join("\n  ", e.problems()));
        }
        if (libraries.userLibraries().isEmpty() && requireComponentLibrary) {
            throw new MojoFailureException("Teaflow bundle: no component library found in " + project.getArtifactId()
                    + " or its dependencies. Add a public class implementing io.teaflow.runtime.ComponentLibrary and"
                    + " name it in src/main/resources/" + LibraryCheck.SERVICES_FILE
                    + " (one class name a line); or set <requireComponentLibrary>false</requireComponentLibrary>"
                    + " for a bundle of the built-in components only.");
        }
        getLog().info("Teaflow bundle: components " + libraries.components().keySet() + " from "
                + libraries.libraries().keySet());

        Path work = Path.of(project.getBuild().getDirectory(), "teaflow-build");
        Path output = outputDirectory.toPath();
        WebResources resources = new WebResources(BundleMojo.class.getClassLoader());
        List<Path> sourceRoots = project.getCompileSourceRoots().stream().map(Path::of).toList();
        DistAssembler dist = new DistAssembler(output, teaflowVersion, resources, new SourceLookup(sourceRoots, resources));
        TeaVMCompiler teavm = new TeaVMCompiler(classPath.stream().map(Path::toString).toList(), getLog());
        // Both compiles first: a TeaVM error leaves the bundle of the last good build as it was.
        File core = chosen.contains("js") ? teavm.javaScript(work.resolve("js").toFile(), "teaflow-core.js", minifying, sourceMaps)
                : null;
        File wasm = chosen.contains("wasm") ? teavm.webAssembly(work.resolve("wasm").toFile(), "teaflow.wasm") : null;
        if (wasm != null && wasmOpt != null) {
            WasmOptimizer.optimize(wasmOpt, wasm.toPath());
        }
        JsMinifier minifier = terser == null ? null : new JsMinifier(terser, work.resolve("minify"), getLog()::warn);
        try {
            dist.writeEntries();
            if (core != null) {
                dist.writeJsBackend(core.toPath());
            } else {
                deleteAll(output, JS_FILES);
            }
            if (wasm != null) {
                dist.writeWasmBackend(wasm.toPath(), minifying);
            } else {
                deleteAll(output, WASM_FILES);
            }
            if (minifier == null) {
                deleteAll(output, ENTRY_MAPS);
            } else {
                List<String> scripts = new ArrayList<>(ENTRIES);
                if (core != null) {
                    scripts.addAll(List.of("teaflow-js-backend.js", "teaflow-js-backend.mjs"));
                }
                for (String script : scripts) {
                    dist.addWritten(minifier.minify(output, script, sourceMaps));
                }
                if (wasm != null) {
                    // TeaVM's loader, already minified by TeaVM (a little more comes off): no map of its own.
                    minifier.minify(output, "teaflow-wasm-runtime.mjs", false);
                }
            }
        } catch (IOException e) {
            throw new MojoExecutionException("Teaflow bundle: writing " + output + " failed: " + e, e);
        }
        getLog().info(String.format(Locale.ROOT, "Teaflow bundle %s (%s) written to %s in %.1f s: %s", teaflowVersion,
                String.join(", ", chosen), output, (System.nanoTime() - started) / 1e9, String.join(", ", dist.written())));
    }

    private Set<String> chosenBackends() throws MojoFailureException {
        Set<String> chosen = new LinkedHashSet<>();
        for (String backend : backends == null ? List.<String>of() : backends) {
            String name = backend.trim();
            if (!name.equals("js") && !name.equals("wasm")) {
                throw new MojoFailureException("Teaflow bundle: unknown backend '" + name + "' in <backends>: use js and/or wasm");
            }
            chosen.add(name);
        }
        if (chosen.isEmpty()) {
            throw new MojoFailureException("Teaflow bundle: <backends> is empty: use js and/or wasm");
        }
        return chosen;
    }

    /** A project on another teaflow-framework than the plugin's gets a bundle of mixed versions: say so. */
    private void warnOnOtherFramework() {
        for (Artifact artifact : project.getArtifacts()) {
            if ("io.teaflow".equals(artifact.getGroupId()) && "teaflow-framework".equals(artifact.getArtifactId())
                    && !teaflowVersion.equals(artifact.getVersion())) {
                getLog().warn("Teaflow bundle: the project uses teaflow-framework " + artifact.getVersion()
                        + " but teaflow-maven-plugin " + teaflowVersion + "; use the same version for both");
            }
        }
    }

    private static void deleteAll(Path directory, List<String> names) throws IOException {
        for (String name : names) {
            Files.deleteIfExists(directory.resolve(name));
        }
    }
}
