package io.teaflow.maven;

import io.teaflow.runtime.ActorFactory;
import io.teaflow.runtime.ComponentLibraries;
import io.teaflow.runtime.ComponentLibrary;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;

/**
 * The component libraries of a bundle, checked on the JVM before TeaVM runs: every class named in a
 * {@code META-INF/services/io.teaflow.runtime.ComponentLibrary} file of the class path is loaded,
 * made and asked for its components, and the components are merged by the framework's own rules
 * ({@link ComponentLibraries#merge}). What a user can get wrong comes back as one message per
 * problem, naming the class; TeaVM would otherwise fail later and less clearly, or the page at run time.
 */
final class LibraryCheck {
    static final String SERVICES_FILE = "META-INF/services/" + ComponentLibrary.class.getName();
    /** The built-in components' library, in every bundle. */
    static final String BUILT_IN_LIBRARY = "io.teaflow.components.BuiltInComponents";

    /** What the check found: the libraries (class name → where it is listed) and every component. */
    record Result(Map<String, String> libraries, Map<String, ActorFactory> components) {
        /** The libraries besides the built-in one. */
        List<String> userLibraries() {
            return libraries.keySet().stream().filter(name -> !name.equals(BUILT_IN_LIBRARY)).toList();
        }
    }

    private LibraryCheck() {
    }

    /**
     * Checks the libraries on {@code classPath}. {@code Result.libraries} is empty of user libraries
     * when none is listed; the caller decides whether that is an error.
     *
     * @throws LibraryProblems naming each class that is missing, not public, not a ComponentLibrary,
     *                         cannot be made, or whose components are wrong
     */
    static Result run(List<Path> classPath) throws LibraryProblems {
        Map<String, String> listed = new LinkedHashMap<>();
        for (Path entry : classPath) {
            for (String name : listedIn(entry)) {
                listed.putIfAbsent(name, entry.resolve(SERVICES_FILE).toString());
            }
        }
        List<String> problems = new ArrayList<>();
        List<ComponentLibrary> libraries = new ArrayList<>();
        try (URLClassLoader loader = new URLClassLoader(urls(classPath), ComponentLibrary.class.getClassLoader())) {
            for (Map.Entry<String, String> entry : listed.entrySet()) {
                ComponentLibrary library = make(entry.getKey(), entry.getValue(), loader, problems);
                if (library != null) {
                    libraries.add(library);
                }
            }
            if (!problems.isEmpty()) {
                throw new LibraryProblems(problems);
            }
            // Asked here first, so that a throwing components() names its library; merge asks again.
            for (ComponentLibrary library : libraries) {
                try {
                    library.components();
                } catch (RuntimeException | LinkageError e) {
                    problems.add("component library " + library.getClass().getName() + ": components() threw " + e);
                }
            }
            if (!problems.isEmpty()) {
                throw new LibraryProblems(problems);
            }
            try {
                return new Result(listed, ComponentLibraries.merge(libraries));
            } catch (RuntimeException e) {
                throw new LibraryProblems(List.of(e.getMessage()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ComponentLibrary make(String name, String listedIn, ClassLoader loader, List<String> problems) {
        String where = " (listed in " + listedIn + ")";
        Class<?> type;
        try {
            type = Class.forName(name, false, loader);
        } catch (ClassNotFoundException e) {
            problems.add("component library " + name + " is not on the class path" + where
                    + ": is the class name right, and is the class compiled?");
            return null;
        } catch (LinkageError e) {
            problems.add("component library " + name + " cannot be loaded" + where + ": " + e);
            return null;
        }
        if (!ComponentLibrary.class.isAssignableFrom(type)) {
            problems.add("component library " + name + " does not implement " + ComponentLibrary.class.getName() + where);
            return null;
        }
        if (!Modifier.isPublic(type.getModifiers())) {
            problems.add("component library " + name + " is not public" + where);
            return null;
        }
        if (type.isInterface() || Modifier.isAbstract(type.getModifiers())) {
            problems.add("component library " + name + " is abstract" + where + ": name a concrete class");
            return null;
        }
        try {
            return (ComponentLibrary) type.getConstructor().newInstance();
        } catch (NoSuchMethodException e) {
            problems.add("component library " + name + " has no public no-argument constructor" + where
                    + (type.isMemberClass() && !Modifier.isStatic(type.getModifiers()) ? ": a nested library class must be static"
                            : ""));
        } catch (InvocationTargetException e) {
            problems.add("component library " + name + ": its constructor threw " + e.getCause());
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            problems.add("component library " + name + " cannot be made" + where + ": " + e);
        }
        return null;
    }

    /** The class names a services file in {@code entry} (a directory or a jar) lists, if it has one. */
    private static List<String> listedIn(Path entry) {
        try {
            if (Files.isDirectory(entry)) {
                Path file = entry.resolve(SERVICES_FILE);
                if (!Files.isRegularFile(file)) {
                    return List.of();
                }
                try (InputStream in = Files.newInputStream(file)) {
                    return parse(in);
                }
            }
            if (!Files.isRegularFile(entry)) {
                return List.of();
            }
            try (JarFile jar = new JarFile(entry.toFile())) {
                ZipEntry file = jar.getEntry(SERVICES_FILE);
                if (file == null) {
                    return List.of();
                }
                try (InputStream in = jar.getInputStream(file)) {
                    return parse(in);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + SERVICES_FILE + " in " + entry, e);
        }
    }

    /** The services file format: one class name a line, {@code #} starts a comment. */
    private static List<String> parse(InputStream in) throws IOException {
        List<String> names = new ArrayList<>();
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            int comment = line.indexOf('#');
            String name = (comment >= 0 ? line.substring(0, comment) : line).strip();
            if (!name.isEmpty()) {
                names.add(name);
            }
        }
        return names;
    }

    private static URL[] urls(List<Path> classPath) {
        URL[] urls = new URL[classPath.size()];
        for (int i = 0; i < urls.length; i++) {
            try {
                urls[i] = classPath.get(i).toUri().toURL();
            } catch (MalformedURLException e) {
                throw new IllegalArgumentException(classPath.get(i).toString(), e);
            }
        }
        return urls;
    }
}
