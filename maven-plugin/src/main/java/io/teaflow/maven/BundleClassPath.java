package io.teaflow.maven;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.maven.artifact.Artifact;

/**
 * What TeaVM compiles into a bundle: the project's classes, its runtime dependencies, and the
 * plugin's own (teaflow-web with the bridge, TeaVM's class library and JSO). Where both name an
 * artifact, the project's version wins, so a project pinning another teaflow-framework gets it.
 * teaflow-framework comes first: TeaVM's ServiceLoader lists libraries in class path order, so the
 * built-in components come first in {@code api.components()}, as in the stock bundle.
 */
final class BundleClassPath {
    private static final String FRAMEWORK = "io.teaflow:teaflow-framework:jar";

    private BundleClassPath() {
    }

    /**
     * @param outputDirectory the project's compiled classes
     * @param projectArtifacts the project's resolved artifacts (runtime scope)
     * @param pluginArtifacts the plugin's resolved dependencies
     */
    static List<Path> of(File outputDirectory, Iterable<Artifact> projectArtifacts, Iterable<Artifact> pluginArtifacts) {
        Map<String, Path> entries = new LinkedHashMap<>();
        for (Artifact artifact : projectArtifacts) {
            String scope = artifact.getScope();
            if (artifact.getFile() != null && (scope == null || Artifact.SCOPE_COMPILE.equals(scope)
                    || Artifact.SCOPE_RUNTIME.equals(scope) || Artifact.SCOPE_SYSTEM.equals(scope))) {
                entries.putIfAbsent(key(artifact), artifact.getFile().toPath());
            }
        }
        for (Artifact artifact : pluginArtifacts) {
            if (artifact.getFile() != null) {
                entries.putIfAbsent(key(artifact), artifact.getFile().toPath());
            }
        }
        List<Path> classPath = new ArrayList<>();
        Path framework = entries.remove(FRAMEWORK);
        if (framework != null) {
            classPath.add(framework);
        }
        classPath.add(outputDirectory.toPath());
        classPath.addAll(entries.values());
        return classPath;
    }

    private static String key(Artifact artifact) {
        return artifact.getGroupId() + ":" + artifact.getArtifactId() + ":" + artifact.getType()
                + (artifact.getClassifier() == null ? "" : ":" + artifact.getClassifier());
    }
}
