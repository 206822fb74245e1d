package org.dhrtracker.tabular;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Checks a file whole as its rows stream past: finds the columns in the header, refuses cells no
 * database should take (control characters, more than the column holds), requires the required
 * values, and collects every problem by file, row and column. A subclass checks what a row means
 * and keeps the rows that pass; the file is accepted only if nothing was found.
 */
public abstract class RowChecker implements RowHandler {

    /** A cell the reader could not take, reported before its row; named by column once the header is known. */
    private record CellProblem(int row, int column, String reason) {
    }

    private final String fileName;
    private final Format format;
    private final List<Problem> problems = new ArrayList<>();
    private final List<CellProblem> cellProblems = new ArrayList<>();
    private Header header;
    private String readAs = "";
    /** Rows that passed the cell checks, their own check held back ({@link #readHoldingChecks}); null when rows are checked as read. */
    private List<HeldRow> held;

    private record HeldRow(int row, List<String> cells) {
    }

    /**
     * @param fileName the file's name as messages show it ({@link SafeText#name})
     */
    protected RowChecker(String fileName, Format format) {
        this.fileName = fileName;
        this.format = format;
    }

    /**
     * Reads the file through this checker. A file that cannot be read, or has no data rows, is a
     * problem too.
     *
     * @param noRowsReason what to say when the file holds no rows, e.g. "the file has no update rows"
     */
    public final void readAll(Path file, String noRowsReason) throws IOException {
        read(file);
        finish(noRowsReason);
    }

    /**
     * Reads the file, checking its header and cells, but holds each row's own check ({@link #check})
     * back for {@link #finish}: the reading can then be done on one thread and what the checks read
     * of the database on the thread that owns the connection.
     */
    protected final void readHoldingChecks(Path file) throws IOException {
        held = new ArrayList<>();
        read(file);
    }

    private void read(Path file) throws IOException {
        try {
            readAs = TabularReader.read(file, format, this);
        } catch (UnreadableFileException e) {
            problems.add(e.problem(fileName, column -> columnName(e.row(), column)));
        }
    }

    /**
     * Checks the rows held back, if any, and completes the file's problems.
     *
     * @param noRowsReason what to say when the file holds no rows
     */
    protected final void finish(String noRowsReason) {
        if (held != null) {
            List<HeldRow> rows = held;
            held = null;
            rows.forEach(r -> check(r.row(), r.cells()));
        }
        for (CellProblem p : cellProblems) {
            problems.add(new Problem(fileName, p.row(), columnName(p.row(), p.column()), p.reason()));
        }
        if (problems.isEmpty() && !hasRows()) {
            problems.add(Problem.ofFile(fileName, noRowsReason));
        }
        // In the order of the file: a cell problem found late (merged cells) stands by its row.
        problems.sort(Comparator.comparingInt(Problem::row));
    }

    @Override
    public final void cellProblem(int row, int column, String reason) {
        cellProblems.add(new CellProblem(row, column, reason));
    }

    @Override
    public final void row(int row, List<String> cells) {
        if (header == null) {
            header = new Header(fileName, row, cells, format.columns());
            problems.addAll(header.problems());
            return;
        }
        if (!header.problems().isEmpty()) {
            return;
        }
        int before = problems.size();
        Set<String> refused = new HashSet<>();
        cellProblems.stream().filter(p -> p.row() == row).forEach(p -> refused.add(columnName(row, p.column())));
        for (Column c : format.columns()) {
            if (refused.contains(c.header())) {
                continue;
            }
            String raw = header.raw(cells, c);
            int control = SafeText.controlCharacter(raw);
            int length = raw.strip().length();
            if (control >= 0) {
                problem(row, c, "contains a control character (" + SafeText.codePoint(control) + ")");
            } else if (length > c.maxLength()) {
                problem(row, c, String.format(Locale.UK, "too long: at most %,d characters (this one has %,d)", c.maxLength(), length));
            }
        }
        if (problems.size() > before || !refused.isEmpty() || isUnanswered(cells)) {
            return;
        }
        for (Column c : format.columns()) {
            if (c.required() && header.value(cells, c).isEmpty()) {
                problem(row, c, "a value is required");
            }
        }
        if (problems.size() > before) {
            return;
        }
        if (held != null) {
            held.add(new HeldRow(row, cells));
        } else {
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

    /** What was read, for the log: "CSV, Windows-1252", "XLSX, sheet 'Return'". */
    public final String readAs() {
        return readAs;
    }

    /** A cell's column as messages name it: the format's name, else the header cell, else (in or above the header) its letter. */
    private String columnName(int row, int column) {
        return header == null || row <= header.row() ? TabularReader.columnLetter(column) : header.columnName(column);
    }
}
