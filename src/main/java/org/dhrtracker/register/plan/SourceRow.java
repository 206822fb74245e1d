package org.dhrtracker.register.plan;

import java.util.List;

/**
 * One row of an action plan document as read, before it is understood: the cells of a table row,
 * or a paragraph outside any table (one cell). Cell text is plain: HTML markup and Word formatting
 * are gone, paragraphs and list items are on lines of their own.
 *
 * @param row the row's number for messages: the line or spreadsheet row (CSV, TSV, XLSX: the
 *     file's first line or row = 1), the row within its table (DOCX: a table's first row = 1), or
 *     for a DOCX paragraph outside tables its number among the document's paragraphs
 * @param table DOCX: the table's number in the document (1, 2, ...); otherwise 0
 * @param paragraph a DOCX paragraph outside tables (then {@code cells} has one cell)
 * @param cells the cells, left to right (merged cells: the text once, in the first cell)
 */
public record SourceRow(int row, int table, boolean paragraph, List<String> cells) {

    /** A row of a CSV, TSV or XLSX file. */
    public static SourceRow ofSheet(int row, List<String> cells) {
        return new SourceRow(row, 0, false, cells);
    }

    /** Where the row is, for messages: "row 12", "table 3, row 5" or "paragraph 4". */
    public String location() {
        if (paragraph) {
            return "paragraph " + row;
        }
        return table > 0 ? "table " + table + ", row " + row : "row " + row;
    }

    public boolean isBlank() {
        return cells.stream().allMatch(String::isBlank);
    }
}
