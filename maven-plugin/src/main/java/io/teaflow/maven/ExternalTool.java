package io.teaflow.maven;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.maven.plugin.MojoFailureException;

/**
 * Runs one of the optional command-line tools a bundle may name ({@code wasm-opt}, {@code terser}):
 * a build failure that names the tool, the command and what it printed when it cannot be started,
 * does not finish in time or exits with an error.
 */
final class ExternalTool {
    private static final long TIMEOUT_MINUTES = 10;

    private ExternalTool() {
    }

    /**
     * Checks that {@code executable}, given as the bundle's {@code <parameter>}, is a file.
     *
     * @param hint where such a tool is usually found, for the message
     */
    static void requireFile(File executable, String parameter, String hint) throws MojoFailureException {
        if (!executable.isFile()) {
            throw new MojoFailureException("Teaflow bundle: <" + parameter + "> " + executable + " is not a file (" + hint + ")");
        }
    }

    /**
     * Runs {@code command} (its first element the tool) in {@code directory} and returns what it
     * printed, when it exits with 0.
     *
     * @param name the tool's name, for messages
     */
    static String run(String name, List<String> command, File directory) throws MojoFailureException {
        String output;
        int exit;
        try {
            Process process = new ProcessBuilder(command).directory(directory).redirectErrorStream(true).start();
            process.getOutputStream().close();
            ByteArrayOutputStream printed = new ByteArrayOutputStream();
            Thread reader = new Thread(() -> copy(process.getInputStream(), printed), name + " output");
            reader.start();
            if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new MojoFailureException("Teaflow bundle: " + name + " did not finish in " + TIMEOUT_MINUTES + " minutes: "
                        + String.join(" ", command));
            }
            reader.join();
            exit = process.exitValue();
            output = printed.toString(StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new MojoFailureException("Teaflow bundle: cannot run " + name + " (" + String.join(" ", command) + "): " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MojoFailureException("Teaflow bundle: interrupted while " + name + " ran", e);
        }
        if (exit != 0) {
            throw failure(name, exit, command, output);
        }
        return output;
    }

    /** The build failure for a run of {@code name} that did not do its job. */
    static MojoFailureException failure(String name, int exit, List<String> command, String output) {
        return new MojoFailureException("Teaflow bundle: " + name + " failed (exit " + exit + "): " + String.join(" ", command)
                + (output.isEmpty() ? "" : "\n" + output));
    }

    private static void copy(InputStream in, ByteArrayOutputStream out) {
        try (in) {
            in.transferTo(out);
        } catch (IOException e) {
            // The exit code says what went wrong; the output is only its detail.
        }
    }
}
