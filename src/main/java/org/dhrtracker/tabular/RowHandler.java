package org.dhrtracker.tabular;

import java.util.List;

/** Receives the non-blank rows of a file in order, each with its spreadsheet row number. */
@FunctionalInterface
public interface RowHandler {

    void row(int number, List<String> cells);

    /**
     * A cell that cannot be taken as it is: longer than a cell may be (it is handed on cut short), a
     * formula with no saved result, an error value, merged with others. It comes before the cell's row,
     * or, for merged cells, after the last row. By default the reading stops there, with the reason.
     *
     * @param column the cell's column, 0 for the first
     */
    default void cellProblem(int row, int column, String reason) {
        throw new TabularReader.StopReading(new UnreadableFileException(row, column, reason, null));
    }
}
