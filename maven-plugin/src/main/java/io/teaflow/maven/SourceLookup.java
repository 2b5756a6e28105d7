package io.teaflow.maven;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;

/**
 * The Java source for a path of a source map ({@code com/example/Upper.java}): the project's own
 * source roots first, then Teaflow's runtime and bridge (carried in the teaflow-web jar). TeaVM's
 * class library is not looked up: its sources are named only.
 */
final class SourceLookup implements Function<String, SourceMapShifter.SourceFile> {
    private final List<Path> sourceRoots;
    private final WebResources resources;

    SourceLookup(List<Path> sourceRoots, WebResources resources) {
        this.sourceRoots = List.copyOf(sourceRoots);
        this.resources = resources;
    }

    @Override
    public SourceMapShifter.SourceFile apply(String path) {
        if (path.contains("..") || path.startsWith("/")) {
            return null; // a path of TeaVM's map, never outside a source root
        }
        for (Path root : sourceRoots) {
            Path file = root.resolve(path);
            if (Files.isRegularFile(file)) {
                try {
                    // The project's own file, whatever its package: shown under app:///.
                    return new SourceMapShifter.SourceFile(Files.readString(file), false);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        if (path.startsWith("io/teaflow/")) {
            String text = resources.teaflowSource(path);
            return text == null ? null : new SourceMapShifter.SourceFile(text, true);
        }
        return null;
    }
}
