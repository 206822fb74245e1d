package org.dhrtracker.tabular;

/**
 * One thing wrong with an input file. Row numbers are the spreadsheet's (header = its own row,
 * usually 1); row 0 means the file as a whole. The reason never quotes narrative text.
 */
public record Problem(String file, int row, String column, String reason) {

    public static Problem ofFile(String file, String reason) {
        return new Problem(file, 0, null, reason);
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder(file);
        if (row > 0) {
            s.append(", row ").append(row);
        }
        if (column != null) {
            s.append(", column ").append(column);
        }
        return s.append(": ").append(reason).toString();
    }
}
