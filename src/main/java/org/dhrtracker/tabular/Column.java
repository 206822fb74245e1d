package org.dhrtracker.tabular;

/**
 * A column of a canonical file format, found by its header text.
 *
 * @param maxLength the longest value the database keeps for it (a spreadsheet cell's own limit,
 *        {@link TabularReader#MAX_CELL}, for the long texts)
 */
public record Column(String header, boolean required, int maxLength) {

    public static Column required(String header) {
        return new Column(header, true, TabularReader.MAX_CELL);
    }

    public static Column optional(String header) {
        return new Column(header, false, TabularReader.MAX_CELL);
    }

    /** The same column holding at most {@code n} characters (the size of its database column). */
    public Column atMost(int n) {
        return new Column(header, required, n);
    }

    /** Headers match ignoring case, spaces and punctuation: "As at", "as-at" and "AS_AT" are one. */
    static String key(String header) {
        return header == null ? "" : NOT_LETTER_OR_DIGIT.matcher(header.toLowerCase(java.util.Locale.ROOT)).replaceAll("");
    }

    private static final java.util.regex.Pattern NOT_LETTER_OR_DIGIT = java.util.regex.Pattern.compile("[^a-z0-9]");
}
