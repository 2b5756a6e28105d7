package io.teaflow.maven;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

/**
 * A Maven local repository for the fixtures' run: every group of ~/.m2/repository by symbolic link,
 * except io.teaflow, which holds this build's own artifacts (copied from the reactor's target
 * directories), so other checkouts installing Teaflow at the same version cannot change what is tested.
 */
final class ItRepository {
    private ItRepository() {
    }

    static Path create(Path repo, String version) throws IOException {
        Path home = Path.of(System.getProperty("user.home"), ".m2", "repository");
        deleteTree(repo);
        Files.createDirectories(repo.resolve("io"));
        try (Stream<Path> top = Files.list(home)) {
            for (Path group : top.toList()) {
                if (!group.getFileName().toString().equals("io")) {
                    Files.createSymbolicLink(repo.resolve(group.getFileName().toString()), group);
                }
            }
        }
        if (Files.isDirectory(home.resolve("io"))) {
            try (Stream<Path> io = Files.list(home.resolve("io"))) {
                for (Path group : io.toList()) {
                    if (!group.getFileName().toString().equals("teaflow")) {
                        Files.createSymbolicLink(repo.resolve("io").resolve(group.getFileName().toString()), group);
                    }
                }
            }
        }
        Path root = Path.of("..").toAbsolutePath().normalize();
        install(repo, "teaflow-parent", version, root.resolve("pom.xml"), null);
        install(repo, "teaflow-framework", version, root.resolve("framework/pom.xml"),
                root.resolve("framework/target/teaflow-framework-" + version + ".jar"));
        install(repo, "teaflow-web", version, root.resolve("web/pom.xml"), root.resolve("web/target/teaflow-web-" + version + ".jar"));
        install(repo, "teaflow-maven-plugin", version, root.resolve("maven-plugin/pom.xml"),
                root.resolve("maven-plugin/target/teaflow-maven-plugin-" + version + ".jar"));
        return repo;
    }

    /** The fixtures, with the Teaflow version filled in. */
    static void copyFixtures(Path from, Path to, String version) throws IOException {
        deleteTree(to);
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else if (file.getFileName().toString().equals("pom.xml")) {
                    Files.writeString(target, Files.readString(file).replace("@teaflow.version@", version));
                } else {
                    Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private static void install(Path repo, String artifactId, String version, Path pom, Path jar) throws IOException {
        Path dir = repo.resolve("io/teaflow").resolve(artifactId).resolve(version);
        Files.createDirectories(dir);
        Files.copy(pom, dir.resolve(artifactId + "-" + version + ".pom"));
        if (jar != null) {
            if (!Files.isRegularFile(jar)) {
                throw new IllegalStateException(jar + " is missing: build the reactor up to maven-plugin first");
            }
            Files.copy(jar, dir.resolve(artifactId + "-" + version + ".jar"));
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            // Walk does not follow the links, so only the links themselves are deleted, never ~/.m2.
            for (Path path : paths.sorted((a, b) -> b.compareTo(a)).toList()) {
                Files.delete(path);
            }
        }
    }
}
