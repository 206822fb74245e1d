package org.dhrtracker.tabular;

import java.util.ArrayList;
import java.util.List;

/**
 * Text from outside (file names, header cells, values quoted in a message) as it may appear in a
 * message or a log line: characters that are invisible or would break or disguise a line (controls,
 * bidirectional overrides, zero-width characters) are written as {@code \u202E}, and long text is
 * shortened, so a file named to deceive cannot forge a log line or hide its real extension.
 */
public final class SafeText {

    /** File names longer than this (once escaped) are shortened in messages, keeping their end. */
    static final int NAME_LIMIT = 100;
    /** Values quoted in a message are shortened beyond this. */
    static final int QUOTE_LIMIT = 40;

    private SafeText() {
    }

    /** The text with every control, format (bidi, zero-width) or separator character escaped. */
    public static String escape(String text) {
        return String.join("", pieces(text));
    }

    /** A name, a list of header cells or a problem as a log line may show it: {@link #escape(String)} of its text. */
    public static String escape(Object value) {
        return escape(String.valueOf(value));
    }

    /** A value quoted in a message: escaped, shortened, in single quotes. */
    public static String quote(String value) {
        return "'" + shorten(value, QUOTE_LIMIT, 0) + "'";
    }

    /** A file or sheet name as messages and logs show it: escaped, and shortened keeping its extension. */
    public static String name(String name) {
        return shorten(name, NAME_LIMIT, 15);
    }

    /**
     * The first C0 control character other than tab, line feed and carriage return, or -1. Such a
     * character (NUL above all, which PostgreSQL cannot store) is never taken into the database.
     */
    public static int controlCharacter(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
                return c;
            }
        }
        return -1;
    }

    /** "U+0000", as messages name a character. */
    public static String codePoint(int c) {
        return String.format("U+%04X", c);
    }

    /** Escaped, then cut to at most {@code max} characters with "…", keeping {@code keepEnd} at the end. */
    private static String shorten(String text, int max, int keepEnd) {
        List<String> pieces = pieces(text);
        if (pieces.stream().mapToInt(String::length).sum() <= max) {
            return String.join("", pieces);
        }
        // Whole escapes only: an escape is never cut in two.
        StringBuilder head = new StringBuilder();
        int i = 0;
        while (i < pieces.size() && head.length() + pieces.get(i).length() <= max - keepEnd - 1) {
            head.append(pieces.get(i++));
        }
        StringBuilder tail = new StringBuilder();
        for (int j = pieces.size() - 1; j >= i && tail.length() + pieces.get(j).length() <= keepEnd; j--) {
            tail.insert(0, pieces.get(j));
        }
        return head + "…" + tail;
    }

    private static List<String> pieces(String text) {
        List<String> pieces = new ArrayList<>(text.length());
        text.codePoints().forEach(cp -> pieces.add(isHidden(cp) ? String.format("\\u%04X", cp) : Character.toString(cp)));
        return pieces;
    }

    private static boolean isHidden(int cp) {
        return switch (Character.getType(cp)) {
            case Character.CONTROL, Character.FORMAT, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR,
                    Character.SURROGATE, Character.UNASSIGNED -> true;
            default -> false;
        };
    }
}
