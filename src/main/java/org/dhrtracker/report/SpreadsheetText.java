package org.dhrtracker.report;

/**
 * The one rule for text that could run as a formula in a spreadsheet (OWASP, CSV injection): text
 * whose first character, leading spaces skipped, is =, +, -, @, a tab or a carriage return. Leading
 * spaces are skipped because some programs trim a cell before reading it. Every CSV and XLSX output
 * neutralises such text: {@link OutputCsv} prefixes a single quote and quotes the field; the
 * workbooks keep the text exact in a string cell whose style is quote-prefixed ({@link Sheets}).
 * Numbers written as numeric cells are not text and are never touched.
 */
public final class SpreadsheetText {

    private static final String TRIGGERS = "=+-@\t\r";

    private SpreadsheetText() {
    }

    public static boolean isFormulaLike(String text) {
        if (text == null) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (TRIGGERS.indexOf(c) >= 0) {
                return true;
            }
            if (!Character.isWhitespace(c) && !Character.isSpaceChar(c)) {
                return false;
            }
        }
        return false;
    }

    /**
     * Whether a CSV field gets a leading single quote: formula-like text, and text that starts with a
     * quote already, so that {@link #fromCsv} gives back exactly what was written.
     */
    public static boolean needsCsvQuote(String text) {
        return text != null && (isFormulaLike(text) || text.startsWith("'"));
    }

    /** The text for a CSV field: with a leading single quote when it {@linkplain #needsCsvQuote needs one}. */
    public static String forCsv(String text) {
        return needsCsvQuote(text) ? "'" + text : text;
    }

    /** The text as written, from a field {@link #forCsv} wrote: reading our own CSV back. */
    public static String fromCsv(String field) {
        return field != null && field.startsWith("'") && needsCsvQuote(field.substring(1)) ? field.substring(1) : field;
    }
}
