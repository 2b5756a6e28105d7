package io.teaflow.maven;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Custom sections of a WebAssembly module. The production {@code teaflow.wasm} leaves out the
 * {@code name} section (Java method names for stack traces, nearly half the bytes), which
 * {@code teaflow.debug.wasm} keeps.
 */
final class WasmSections {
    private static final int HEADER = 8; // magic and version
    private static final int CUSTOM = 0;

    private WasmSections() {
    }

    /** {@code module} without its custom section called {@code name}; exactly one must be there. */
    static byte[] withoutCustomSection(byte[] module, String name) {
        if (module.length < HEADER || module[0] != 0 || module[1] != 'a' || module[2] != 's' || module[3] != 'm') {
            throw new IllegalArgumentException("not a WebAssembly module");
        }
        ByteArrayOutputStream kept = new ByteArrayOutputStream(module.length);
        kept.write(module, 0, HEADER);
        int removed = 0;
        int at = HEADER;
        while (at < module.length) {
            int id = module[at] & 0xff;
            long[] size = readLeb(module, at + 1);
            int start = (int) size[1];
            int end = Math.addExact(start, Math.toIntExact(size[0]));
            if (end > module.length) {
                throw new IllegalArgumentException("WebAssembly section at byte " + at + " runs past the end of the module");
            }
            boolean drop = false;
            if (id == CUSTOM) {
                long[] nameLength = readLeb(module, start);
                int nameStart = (int) nameLength[1];
                String sectionName = new String(module, nameStart, (int) nameLength[0], StandardCharsets.UTF_8);
                drop = sectionName.equals(name);
            }
            if (drop) {
                removed++;
            } else {
                kept.write(module, at, end - at);
            }
            at = end;
        }
        if (removed != 1) {
            throw new IllegalStateException("teaflow.wasm: expected one custom section '" + name + "', found " + removed
                    + " (TeaVM changed?)");
        }
        return kept.toByteArray();
    }

    /** An unsigned LEB128 number at {@code at}: {value, the index after it}. */
    private static long[] readLeb(byte[] bytes, int at) {
        long value = 0;
        int shift = 0;
        int i = at;
        while (true) {
            if (i >= bytes.length || shift > 35) {
                throw new IllegalArgumentException("bad LEB128 number at byte " + at + " of the WebAssembly module");
            }
            int b = bytes[i++] & 0xff;
            value |= (long) (b & 0x7f) << shift;
            shift += 7;
            if (b < 0x80) {
                return new long[] {value, i};
            }
        }
    }
}
