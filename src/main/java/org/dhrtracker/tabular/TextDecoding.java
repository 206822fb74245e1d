package org.dhrtracker.tabular;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * How a text file (CSV, TSV) is decoded. A byte order mark decides: UTF-8 (Excel's "CSV UTF-8"),
 * UTF-16LE or UTF-16BE. Without one, text that is valid UTF-8 is UTF-8, and anything else is
 * Windows-1252, which Excel's plain "CSV (Comma delimited)" writes on a UK Windows, unless it holds
 * a NUL byte or one of the five bytes Windows-1252 leaves undefined: then it is neither, and is
 * refused rather than garbled. UTF-16 without a mark is told by its NUL bytes and refused too.
 */
final class TextDecoding {

    static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    private static final String SAVE_AS = "save it as CSV UTF-8";

    /** The encoding of a file: how to decode it, how many bytes of byte order mark to skip, its name for the log. */
    record Encoding(Charset charset, int bom, String name) {
    }

    private TextDecoding() {
    }

    /** Reads the whole file once, without keeping it, to decide its encoding. */
    static Encoding detect(Path file) throws IOException, UnreadableFileException {
        Encoding marked = byMark(file);
        Scan scan = Scan.of(file, marked == null ? 0 : marked.bom());
        if (marked != null) {
            if (marked.charset() == StandardCharsets.UTF_8 && scan.badUtf8 >= 0) {
                throw new UnreadableFileException("the file starts as UTF-8 text (it has the byte order mark) but byte "
                        + scan.describe(scan.badUtf8) + " is not UTF-8: " + SAVE_AS, null);
            }
            return marked;
        }
        if (scan.utf16) {
            throw new UnreadableFileException("UTF-16 text without a byte order mark: " + SAVE_AS, null);
        }
        if (scan.badUtf8 < 0) {
            return new Encoding(StandardCharsets.UTF_8, 0, "UTF-8");
        }
        long bad = scan.nul >= 0 ? scan.nul : scan.undefined1252;
        if (bad >= 0) {
            throw new UnreadableFileException("not UTF-8 or Windows-1252 text (byte " + scan.describe(bad) + "): " + SAVE_AS, null);
        }
        return new Encoding(WINDOWS_1252, 0, "Windows-1252");
    }

    /** For a first look at the header only: the byte order mark's encoding, else UTF-8 read leniently. */
    static Encoding guess(Path file) throws IOException {
        Encoding marked = byMark(file);
        return marked != null ? marked : new Encoding(StandardCharsets.UTF_8, 0, "UTF-8");
    }

    /** A reader of the file's text in that encoding, past the byte order mark; malformed input fails. */
    static Reader open(Path file, Encoding encoding) throws IOException {
        return open(file, encoding, CodingErrorAction.REPORT);
    }

    /** For a first look only: what cannot be decoded becomes U+FFFD. */
    static Reader openLeniently(Path file, Encoding encoding) throws IOException {
        return open(file, encoding, CodingErrorAction.REPLACE);
    }

    private static Reader open(Path file, Encoding encoding, CodingErrorAction onError) throws IOException {
        CharsetDecoder decoder = encoding.charset().newDecoder().onMalformedInput(onError).onUnmappableCharacter(onError);
        InputStream in = Files.newInputStream(file);
        in.skipNBytes(encoding.bom());
        // Unbuffered: its readers take blocks of characters (DelimitedText, IOUtils), and the decoder reads blocks of bytes.
        return new InputStreamReader(in, decoder);
    }

    private static Encoding byMark(Path file) throws IOException {
        byte[] head = new byte[3];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, 3);
        }
        if (n >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF) {
            return new Encoding(StandardCharsets.UTF_8, 3, "UTF-8 with byte order mark");
        }
        if (n >= 2 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xFE) {
            return new Encoding(StandardCharsets.UTF_16LE, 2, "UTF-16LE");
        }
        if (n >= 2 && (head[0] & 0xFF) == 0xFE && (head[1] & 0xFF) == 0xFF) {
            return new Encoding(StandardCharsets.UTF_16BE, 2, "UTF-16BE");
        }
        return null;
    }

    /** What one pass over the bytes found: where the first NUL, undefined or non-UTF-8 byte is, and on which line. */
    private static final class Scan {
        long nul = -1;
        long undefined1252 = -1;
        long badUtf8 = -1;
        boolean utf16;
        private final Map<Long, String> described = new HashMap<>();

        static Scan of(Path file, int skip) throws IOException {
            Scan scan = new Scan();
            CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
            // A return is tens of kilobytes, and intake reads thousands a month: buffers of its size up to 8K, not more garbage.
            int size = (int) Math.min(8192, Math.max(1024, Files.size(file)));
            ByteBuffer bytes = ByteBuffer.allocate(size);
            CharBuffer chars = CharBuffer.allocate(size);
            long offset = 0; // file offset of bytes[0]
            long line = 1;
            long position = 0; // file offset of the next byte counted for lines and bytes
            int evenZeros = 0;
            int oddZeros = 0;
            try (InputStream in = Files.newInputStream(file)) {
                in.skipNBytes(skip);
                offset = position = skip;
                boolean end = false;
                while (!end) {
                    // bytes left over from the last block are the start of a character of two or more
                    boolean high = bytes.position() > 0;
                    int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
                    end = n < 0;
                    if (n > 0) {
                        for (int i = bytes.position(); i < bytes.position() + n; i++, position++) {
                            int b = bytes.array()[i] & 0xFF;
                            high |= b >= 0x80;
                            if (position < 4096 + skip) {
                                if (b == 0 && (position - skip) % 2 == 0) {
                                    evenZeros++;
                                } else if (b == 0) {
                                    oddZeros++;
                                }
                            }
                            if (b == 0 && scan.nul < 0) {
                                scan.nul = position;
                                scan.described.put(position, "0x00 on line " + line);
                            } else if ((b == 0x81 || b == 0x8D || b == 0x8F || b == 0x90 || b == 0x9D) && scan.undefined1252 < 0) {
                                scan.undefined1252 = position;
                                scan.described.put(position, String.format("0x%02X on line %d", b, line));
                            }
                            if (b == '\n') {
                                line++;
                            }
                        }
                        bytes.position(bytes.position() + n);
                    }
                    if (scan.badUtf8 < 0 && !high) {
                        // Bytes below 0x80 are UTF-8 whatever they are: nothing to decode.
                        offset += bytes.position();
                        bytes.clear();
                    } else if (scan.badUtf8 < 0) {
                        bytes.flip();
                        CoderResult result;
                        do {
                            chars.clear();
                            result = utf8.decode(bytes, chars, end);
                        } while (result.isOverflow());
                        if (result.isError()) {
                            scan.badUtf8 = offset + bytes.position();
                        }
                        offset += bytes.position();
                        bytes.compact();
                    } else {
                        offset += bytes.position();
                        bytes.clear();
                    }
                }
            }
            if (scan.badUtf8 >= 0 && !scan.described.containsKey(scan.badUtf8)) {
                scan.described.put(scan.badUtf8, describeAt(file, scan.badUtf8));
            }
            // Text in UTF-16 has a NUL in every other byte (the high half of each Latin letter).
            int pairs = (int) Math.min(4096, position - skip) / 2;
            scan.utf16 = pairs > 0 && Math.max(evenZeros, oddZeros) >= pairs * 0.3 && Math.min(evenZeros, oddZeros) <= pairs * 0.05;
            return scan;
        }

        /** "0xE9 on line 3" for a byte of the file. */
        private static String describeAt(Path file, long at) throws IOException {
            long line = 1;
            try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
                for (long i = 0; i < at; i++) {
                    if (in.read() == '\n') {
                        line++;
                    }
                }
                return String.format("0x%02X on line %d", in.read(), line);
            }
        }

        String describe(long at) {
            return described.get(at);
        }
    }
}
