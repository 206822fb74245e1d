package org.dhrtracker.tabular;

/**
 * The file cannot be read as a table at all: wrong type, damaged, empty, wrongly encoded; or a
 * place in it stops the reading (a quoted cell that never ends), given by row and column.
 */
public class UnreadableFileException extends Exception {

    private final int row;
    private final int column;

    public UnreadableFileException(String reason, Throwable cause) {
        this(0, -1, reason, cause);
    }

    /**
     * @param row the spreadsheet row (1 = first), 0 for the file as a whole
     * @param column the column (0 = first), -1 for the row as a whole
     */
    public UnreadableFileException(int row, int column, String reason, Throwable cause) {
        super(reason, cause);
        this.row = row;
        this.column = column;
    }

    public int row() {
        return row;
    }

    public int column() {
        return column;
    }

    /** As a problem of the file, or of its row and column (named by {@code columnName}). */
    public Problem problem(String file, java.util.function.IntFunction<String> columnName) {
        return new Problem(file, row, column >= 0 ? columnName.apply(column) : null, getMessage());
    }
}
