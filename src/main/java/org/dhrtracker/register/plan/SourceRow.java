package org.dhrtracker.register.plan;

import java.util.List;

/**
 * One row of an action plan document as read, before it is understood: the cells of a table row,
 * or a paragraph outside any table (one cell). Cell text is plain: HTML markup and Word formatting
 * are gone, paragraphs and list items are on lines of their own.
 *
 * @param row the row's number for messages: the spreadsheet row (CSV, TSV, XLSX, header = 1), or
 *     the row within its table (DOCX, a table's first row = 1); for a paragraph, its number among
 *     the document's paragraphs
 * @param table DOCX: the table's number in the document (1, 2, ...), 0 for a paragraph outside
 *     tables; other formats: 0
 * @param cells the cells, left to right (merged cells: the text once, in the first cell)
 */
public record SourceRow(int row, int table, List<String> cells) {

    /** Where the row is, for messages: "row 12" or "table 3, row 5" or "paragraph 4". */
    public String location() {
        if (table > 0) {
            return "table " + table + ", row " + row;
        }
        return cells.size() == 1 && row < 0 ? "paragraph " + -row : "row " + row;
    }

    public boolean isBlank() {
        return cells.stream().allMatch(String::isBlank);
    }
}
