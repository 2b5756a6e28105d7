package io.teaflow.e2e;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/** Where the repository lives on disk: the tests read dist/ and the pages from there, not from Maven artifacts. */
final class RepoRoot {
    private RepoRoot() {
    }

    /** The directory given by system property {@code teaflow.root} (set by Surefire), else the parent of the working directory. */
    static Path path() {
        String configured = System.getProperty("teaflow.root");
        Path root = configured != null ? Paths.get(configured) : Paths.get("").toAbsolutePath().getParent();
        return root.toAbsolutePath().normalize();
    }

    /** A file under the repository root, e.g. {@code resolve("dist/teaflow.js")}. */
    static Path resolve(String relative) {
        return path().resolve(relative);
    }

    /** Fails at once with a clear message, instead of a browser timing out on a 404 later. */
    static void requireFile(String relative) {
        if (!Files.isRegularFile(resolve(relative))) {
            String hint = relative.startsWith("dist/") ? " (has the web module been built?)" : "";
            throw new IllegalStateException(resolve(relative) + " does not exist" + hint);
        }
    }
}
