package org.dhrtracker.report;

/**
 * Text bound for a spreadsheet cell. A value that starts with a formula trigger (=, +, -, @, tab,
 * carriage return) would run as a formula when the file is opened or re-saved as CSV, so it is
 * prefixed with a single quote, as OWASP's CSV-injection guidance recommends.
 */
final class SpreadsheetText {

    private SpreadsheetText() {
    }

    static String neutralise(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        return switch (text.charAt(0)) {
            case '=', '+', '-', '@', '\t', '\r' -> "'" + text;
            default -> text;
        };
    }
}
