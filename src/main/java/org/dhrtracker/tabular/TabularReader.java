package org.dhrtracker.tabular;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.poi.ss.util.CellReference;

/**
 * Reads the rows of a CSV, TSV or XLSX file, handing on the non-blank ones with their row numbers.
 * Nothing is held whole: text is parsed as it streams in, a workbook part by part (see
 * {@link XlsxWorkbook}), and no cell beyond {@link #MAX_CELL} characters. Text files are decoded
 * as {@link TextDecoding} decides. Date cells of a workbook come out as ISO dates, other cells as
 * Excel shows them.
 */
public final class TabularReader {

    /** Excel's own limit: a cell holds at most 32,767 characters; a longer one is refused. */
    public static final int MAX_CELL = 32_767;
    /** Excel's own limit of columns: a row with more cells stops the reading (it could be any length). */
    static final int MAX_COLUMNS = 16_384;

    /** A handler stopping the reading at a cell it cannot take (see {@link RowHandler#cellProblem}). */
    static final class StopReading extends RuntimeException {
        private final UnreadableFileException reason;

        StopReading(UnreadableFileException reason) {
            super(reason.getMessage(), null, false, false);
            this.reason = reason;
        }
    }

    /** Keeps the first row handed on, for a first look; what is wrong with a cell is told when the file is read. */
    static final class FirstRow implements RowHandler {
        final List<String> cells = new ArrayList<>();

        @Override
        public void row(int number, List<String> row) {
            if (cells.isEmpty()) {
                cells.addAll(row);
            }
        }

        @Override
        public void cellProblem(int row, int column, String reason) {
            // told when the file is read
        }
    }

    private TabularReader() {
    }

    /**
     * A file of a canonical format, .csv or .xlsx, that must be what its name says. Of a workbook,
     * the sheet holding the format's rows is read.
     *
     * @return what was read, for the log: "CSV, Windows-1252" or "XLSX, sheet 'Return'"
     */
    public static String read(Path file, Format format, RowHandler handler) throws UnreadableFileException, IOException {
        try {
            if (isCsv(file)) {
                TextDecoding.Encoding encoding = TextDecoding.detect(file);
                readText(file, encoding, ',', handler, false);
                return "CSV, " + encoding.name();
            }
            try (XlsxWorkbook workbook = XlsxWorkbook.open(file)) {
                return workbook.read(format, handler);
            }
        } catch (StopReading e) {
            throw e.reason;
        }
    }

    /**
     * The header (first non-blank row) of what {@link #read} would read, or an empty list: a first
     * look that reads no further, to tell what kind of file it is.
     */
    public static List<String> header(Path file, Format format) throws UnreadableFileException, IOException {
        if (isCsv(file)) {
            FirstRow first = new FirstRow();
            readText(file, TextDecoding.guess(file), ',', first, true);
            return first.cells;
        }
        try (XlsxWorkbook workbook = XlsxWorkbook.open(file)) {
            return workbook.header(format);
        }
    }

    /** A CSV file (RFC 4180) of any layout; rows are numbered by record, as a spreadsheet numbers them. */
    public static void readCsv(Path file, RowHandler handler) throws IOException, UnreadableFileException {
        try {
            readText(file, TextDecoding.detect(file), ',', handler, false);
        } catch (StopReading e) {
            throw e.reason;
        }
    }

    /**
     * A tab-separated file. A spreadsheet saving TSV quotes cells holding tabs, line breaks or
     * quotes, as in CSV; a web export writes one row per line and leaves quotes inside text as they
     * are. Quoting is honoured when the whole file reads as quoted; otherwise every line is a row,
     * split on tabs. Either way row n is the file's n-th line unless a quoted cell spans lines.
     */
    public static void readTsv(Path file, RowHandler handler) throws IOException, UnreadableFileException {
        TextDecoding.Encoding encoding = TextDecoding.detect(file);
        String text;
        try (Reader reader = TextDecoding.open(file, encoding)) {
            text = org.apache.commons.io.IOUtils.toString(reader);
        }
        // Parsed whole before any row is handed on, so a failed quoted reading leaves no rows behind.
        List<Object[]> rows = new ArrayList<>();
        try {
            DelimitedText.read(new StringReader(text), '\t', (row, cells) -> rows.add(new Object[] {row, cells}), false);
        } catch (UnreadableFileException e) {
            rows.clear();
            int row = 0;
            for (String line : text.lines().toList()) {
                row++;
                List<String> cells = List.of(line.split("\t", -1));
                if (!isBlank(cells)) {
                    rows.add(new Object[] {row, cells});
                }
            }
        }
        try {
            for (Object[] r : rows) {
                @SuppressWarnings("unchecked")
                List<String> cells = (List<String>) r[1];
                handler.row((Integer) r[0], cells);
            }
        } catch (StopReading e) {
            throw e.reason;
        }
    }

    /** The first visible sheet of an XLSX workbook; cells keep their column positions, gaps as "". */
    public static void readXlsx(Path file, RowHandler handler) throws UnreadableFileException {
        try (XlsxWorkbook workbook = XlsxWorkbook.open(file)) {
            workbook.read(null, handler);
        } catch (StopReading e) {
            throw e.reason;
        }
    }

    /** "A", "B", ... "AA": a column as a spreadsheet names it. */
    public static String columnLetter(int column) {
        return CellReference.convertNumToColString(column);
    }

    static boolean isBlank(List<String> cells) {
        return cells.stream().allMatch(c -> c == null || c.isBlank());
    }

    static UnreadableFileException tooWide(int row) {
        return new UnreadableFileException(row, -1, String.format(Locale.UK, "the row has more than %,d cells (Excel's limit)",
                MAX_COLUMNS), null);
    }

    static String tooLong(long length) {
        return String.format(Locale.UK, "the cell holds %,d characters: a cell may hold at most %,d", length, MAX_CELL);
    }

    private static void readText(Path file, TextDecoding.Encoding encoding, char delimiter, RowHandler handler, boolean firstOnly)
            throws IOException, UnreadableFileException {
        try (Reader reader = firstOnly ? TextDecoding.openLeniently(file, encoding) : TextDecoding.open(file, encoding)) {
            DelimitedText.read(reader, delimiter, handler, firstOnly);
        } catch (CharacterCodingException e) {
            throw new UnreadableFileException("not valid " + encoding.name() + " text: save it as CSV UTF-8", e);
        }
    }

    /**
     * Whether the file is to be read as CSV (else as an XLSX workbook): named .csv and holding text,
     * or named .xlsx and holding a workbook. A file whose content is not what its name says, or
     * with another name, is refused, saying what it really is.
     */
    private static boolean isCsv(Path file) throws IOException, UnreadableFileException {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String extension = dot > 0 ? name.substring(dot) : "";
        String lower = extension.toLowerCase(Locale.ROOT);
        if (Files.size(file) == 0) {
            throw new UnreadableFileException("the file is empty", null);
        }
        FileKind kind = FileKind.of(file);
        String shown = SafeText.escape(extension);
        if (lower.equals(".csv") || lower.equals(".xlsx")) {
            boolean csv = lower.equals(".csv");
            if (kind.type() == (csv ? FileKind.Type.TEXT : FileKind.Type.XLSX)) {
                return csv;
            }
            throw new UnreadableFileException(kind.misnamed(shown), null);
        }
        if (kind.type() == FileKind.Type.XLSX || kind.type() == FileKind.Type.ENCRYPTED || kind.type() == FileKind.Type.XLS) {
            throw new UnreadableFileException(kind.misnamed(shown), null);
        }
        throw new UnreadableFileException((shown.isEmpty() ? "a file without an extension" : "a " + shown + " file")
                + ": only CSV (.csv) and Excel (.xlsx) files are read", null);
    }
}
