package org.dhrtracker.tabular;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Checks a file whole as its rows stream past: finds the columns in the header, requires the
 * required values, and collects every problem by file, row and column. A subclass checks what a
 * row means and keeps the rows that pass; the file is accepted only if nothing was found.
 */
public abstract class RowChecker implements RowHandler {

    private final String fileName;
    private final List<Column> columns;
    private final List<Problem> problems = new ArrayList<>();
    private Header header;

    protected RowChecker(String fileName, List<Column> columns) {
        this.fileName = fileName;
        this.columns = columns;
    }

    /**
     * Reads the file through this checker. A file that cannot be read, or has no data rows, is a
     * problem too.
     *
     * @param noRowsReason what to say when the file holds no rows, e.g. "the file has no update rows"
     */
    public final void readAll(Path file, String noRowsReason) throws IOException {
        try {
            TabularReader.read(file, this);
        } catch (UnreadableFileException e) {
            problems.add(Problem.ofFile(fileName, e.getMessage()));
        }
        if (problems.isEmpty() && !hasRows()) {
            problems.add(Problem.ofFile(fileName, noRowsReason));
        }
    }

    @Override
    public final void row(int row, List<String> cells) {
        if (header == null) {
            header = new Header(fileName, row, cells, columns);
            problems.addAll(header.problems());
            return;
        }
        if (!header.problems().isEmpty()) {
            return;
        }
        if (isUnanswered(cells)) {
            return;
        }
        int before = problems.size();
        for (Column c : columns) {
            if (c.required() && header.value(cells, c).isEmpty()) {
                problem(row, c, "a value is required");
            }
        }
        if (problems.size() == before) {
            check(row, cells);
        }
    }

    /**
     * Whether a data row is left as sent out, unanswered: it is skipped, neither checked nor kept.
     * No row is, unless the format says otherwise.
     */
    protected boolean isUnanswered(List<String> cells) {
        return false;
    }

    /** Checks one data row whose required values are all present; keeps it if it adds no problem. */
    protected abstract void check(int row, List<String> cells);

    /** Whether any data row was kept. */
    protected abstract boolean hasRows();

    protected final String value(List<String> cells, Column column) {
        return header.value(cells, column);
    }

    /** The value, or null when the cell is blank. */
    protected final String optional(List<String> cells, Column column) {
        String v = header.value(cells, column);
        return v.isEmpty() ? null : v;
    }

    /** Runs a parser of a cell; its IllegalArgumentException becomes a problem of that cell (and null). */
    protected final <T> T parse(int row, Column column, Supplier<T> parser) {
        try {
            return parser.get();
        } catch (IllegalArgumentException e) {
            problem(row, column, e.getMessage());
            return null;
        }
    }

    protected final void problem(int row, Column column, String reason) {
        problems.add(new Problem(fileName, row, column.header(), reason));
    }

    /** How many problems so far: compare before and after checking a row. */
    protected final int problemCount() {
        return problems.size();
    }

    public final String fileName() {
        return fileName;
    }

    public final List<Problem> problems() {
        return problems;
    }

    public final boolean isAccepted() {
        return problems.isEmpty();
    }

    /** Columns of the header that are not ours: reported, not read. */
    public final List<String> ignoredColumns() {
        return header == null ? List.of() : header.ignoredColumns();
    }
}
