package io.teaflow.maven;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Running a wasm-opt: its output replaces the module; a failure names the command and what it printed. */
class WasmOptimizerTest {
    @TempDir
    Path dir;

    @Test
    void theOptimisedModuleReplacesTheModuleAndGetsTheFlags() throws Exception {
        Path module = Files.write(dir.resolve("teaflow.wasm"), new byte[] {0, 'a', 's', 'm', 1, 0, 0, 0, 9, 9});
        // A stand-in for wasm-opt: writes its arguments to a file and a shorter module to -o.
        File tool = script("printf '%s\\n' \"$@\" > " + dir.resolve("args") + "\n"
                + "for last; do :; done\n"
                + "printf '\\000asm\\001\\000\\000\\000' > \"$last\"\n");
        WasmOptimizer.optimize(tool, module);
        assertArrayEquals(new byte[] {0, 'a', 's', 'm', 1, 0, 0, 0}, Files.readAllBytes(module));
        String args = Files.readString(dir.resolve("args"));
        assertTrue(args.startsWith(String.join("\n", WasmOptimizer.FLAGS) + "\n" + module + "\n-o\n"), args);
        assertEquals(1, Files.list(dir).filter(p -> p.getFileName().toString().startsWith("teaflow.wasm")).count(),
                "no temporary file left");
    }

    @Test
    void aFailingRunIsABuildFailureWithItsOutputAndTheModuleIsUntouched() throws Exception {
        byte[] original = {0, 'a', 's', 'm', 1, 0, 0, 0};
        Path module = Files.write(dir.resolve("teaflow.wasm"), original);
        File tool = script("echo 'Fatal: invalid type' >&2\nexit 3\n");
        MojoFailureException e = assertThrows(MojoFailureException.class, () -> WasmOptimizer.optimize(tool, module));
        assertTrue(e.getMessage().contains("wasm-opt failed (exit 3)"), e.getMessage());
        assertTrue(e.getMessage().contains("Fatal: invalid type"), e.getMessage());
        assertArrayEquals(original, Files.readAllBytes(module));
    }

    @Test
    void aMissingToolIsNamed() {
        File missing = dir.resolve("no-such-wasm-opt").toFile();
        MojoFailureException e = assertThrows(MojoFailureException.class,
                () -> WasmOptimizer.optimize(missing, dir.resolve("teaflow.wasm")));
        assertTrue(e.getMessage().contains("<wasmOpt> " + missing + " is not a file"), e.getMessage());
    }

    private File script(String body) throws IOException {
        Path file = dir.resolve("fake-wasm-opt");
        Files.writeString(file, "#!/bin/sh\n" + body, StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwx------"));
        return file.toFile();
    }
}
