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

    /** The text for a CSV field: a formula-like text gets a leading single quote, anything else is as it is. */
    public static String forCsv(String text) {
        return isFormulaLike(text) ? "'" + text : text;
    }
}
