package org.dhrtracker.tabular;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The encoding told from a file read in blocks of 64K: blocks of plain ASCII are not decoded, so a
 * character split across two blocks, or the first byte outside ASCII far into a file, must still be
 * found where it is.
 */
class TextDecodingTest {

    @TempDir
    Path dir;

    /** A file of ASCII letters with the given bytes at the given offset. */
    private Path file(int size, int at, byte... bytes) throws Exception {
        byte[] content = new byte[size];
        Arrays.fill(content, (byte) 'a');
        for (int i = 64; i < size; i += 64) {
            content[i] = '\n';
        }
        System.arraycopy(bytes, 0, content, at, bytes.length);
        return Files.write(dir.resolve("return.csv"), content);
    }

    @Test
    void plainAsciiIsUtf8() throws Exception {
        assertThat(TextDecoding.detect(file(200_000, 0)).name()).isEqualTo("UTF-8");
    }

    @Test
    void aCharacterAcrossTwoBlocksIsUtf8() throws Exception {
        byte[] e = "é".getBytes(StandardCharsets.UTF_8);
        assertThat(TextDecoding.detect(file(200_000, 65_535, e)).name()).isEqualTo("UTF-8");
        // and a character of three bytes split two and one
        byte[] dash = "–".getBytes(StandardCharsets.UTF_8);
        assertThat(TextDecoding.detect(file(200_000, 65_534, dash)).name()).isEqualTo("UTF-8");
    }

    @Test
    void aWindows1252ByteAfterBlocksOfAsciiIsFound() throws Exception {
        assertThat(TextDecoding.detect(file(200_000, 150_000, (byte) 0xE9)).name()).isEqualTo("Windows-1252");
    }

    @Test
    void aByteNeitherEncodingHasIsRefusedWithItsLine() throws Exception {
        // 0x81 is undefined in Windows-1252 and not UTF-8 on its own; offset 150,000 is on line 2,344 (a newline every 64 bytes)
        assertThatThrownBy(() -> TextDecoding.detect(file(200_000, 150_000, (byte) 0x81)))
                .isInstanceOf(UnreadableFileException.class).hasMessageContaining("0x81 on line 2344");
    }

    @Test
    void aCharacterCutOffAtTheEndIsNotUtf8() throws Exception {
        assertThat(TextDecoding.detect(file(70_000, 69_999, (byte) 0xC3)).name()).isEqualTo("Windows-1252");
    }
}
