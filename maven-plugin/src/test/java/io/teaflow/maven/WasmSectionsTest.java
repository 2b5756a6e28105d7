package io.teaflow.maven;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Dropping the name section from a module, and refusing what is not a module. */
class WasmSectionsTest {
    private static final byte[] HEADER = {0, 'a', 's', 'm', 1, 0, 0, 0};

    @Test
    void theNameSectionGoesAndEveryOtherSectionStaysInOrder() {
        byte[] type = section(1, new byte[] {1, 0x60, 0, 0});
        byte[] names = custom("name", new byte[300]); // a size over 127: a two-byte LEB128
        byte[] other = custom("producers", new byte[] {0});
        byte[] module = concat(HEADER, type, names, other);
        assertArrayEquals(concat(HEADER, type, other), WasmSections.withoutCustomSection(module, "name"));
    }

    @Test
    void aModuleWithoutTheSectionIsAnError() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> WasmSections.withoutCustomSection(concat(HEADER, custom("producers", new byte[0])), "name"));
        assertTrue(e.getMessage().contains("expected one custom section 'name', found 0"), e.getMessage());
    }

    @Test
    void whatIsNotAModuleIsRefusedNotCopied() {
        assertThrows(IllegalArgumentException.class, () -> WasmSections.withoutCustomSection(new byte[] {1, 2, 3}, "name"));
        byte[] truncated = concat(HEADER, new byte[] {0, 0x7f, 4, 'n'});
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> WasmSections.withoutCustomSection(truncated, "name"));
        assertTrue(e.getMessage().contains("runs past the end"), e.getMessage());
    }

    private static byte[] custom(String name, byte[] payload) {
        byte[] nameBytes = name.getBytes(StandardCharsets.UTF_8);
        return section(0, concat(leb(nameBytes.length), nameBytes, payload));
    }

    private static byte[] section(int id, byte[] content) {
        return concat(new byte[] {(byte) id}, leb(content.length), content);
    }

    private static byte[] leb(int value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int rest = value;
        do {
            int b = rest & 0x7f;
            rest >>>= 7;
            out.write(rest != 0 ? b | 0x80 : b);
        } while (rest != 0);
        return out.toByteArray();
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
