package org.dhrtracker.tabular;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.io.input.BOMInputStream;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;

/**
 * Reads the rows of a CSV, TSV or XLSX file, handing on the non-blank ones with their row numbers.
 * XLSX is read with POI's event API, so a sheet of any size is never held in memory; date cells
 * come out as ISO dates, other cells as Excel shows them.
 */
public final class TabularReader {

    private TabularReader() {
    }

    /** The canonical formats' files, by extension: .csv or .xlsx. */
    public static void read(Path file, RowHandler handler) throws UnreadableFileException, IOException {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".csv")) {
            readCsv(file, handler);
        } else if (name.endsWith(".xlsx")) {
            readXlsx(file, handler);
        } else {
            throw new UnreadableFileException("not a .csv or .xlsx file", null);
        }
    }

    /** A CSV file (RFC 4180); rows are numbered by record, as a spreadsheet numbers them. */
    public static void readCsv(Path file, RowHandler handler) throws IOException, UnreadableFileException {
        try (Reader reader = utf8(file)) {
            emit(CSVFormat.RFC4180.builder().setIgnoreEmptyLines(false).get().parse(reader), handler);
        } catch (CharacterCodingException e) {
            throw notUtf8(e);
        } catch (java.io.UncheckedIOException e) {
            if (e.getCause() instanceof CharacterCodingException c) {
                throw notUtf8(c);
            }
            throw new UnreadableFileException("broken CSV: " + e.getCause().getMessage(), e);
        }
    }

    /**
     * A tab-separated file. A spreadsheet saving TSV quotes cells holding tabs, line breaks or
     * quotes, as in CSV; a web export writes one row per line and leaves quotes inside text as they
     * are. Quoting is honoured when the whole file reads as quoted; otherwise every line is a row,
     * split on tabs. Either way row n is the file's n-th line unless a quoted cell spans lines.
     */
    public static void readTsv(Path file, RowHandler handler) throws IOException, UnreadableFileException {
        String text;
        try (Reader reader = utf8(file)) {
            text = org.apache.commons.io.IOUtils.toString(reader);
        } catch (CharacterCodingException e) {
            throw notUtf8(e);
        }
        // Parsed whole before any row is handed on, so a failed quoted reading leaves no rows behind.
        List<List<String>> rows = new ArrayList<>();
        try {
            CSVFormat.RFC4180.builder().setDelimiter('\t').setIgnoreEmptyLines(false).get()
                    .parse(new java.io.StringReader(text)).forEach(r -> rows.add(r.toList()));
        } catch (IOException | java.io.UncheckedIOException e) {
            rows.clear();
            text.lines().forEach(line -> rows.add(List.of(line.split("\t", -1))));
        }
        emit(rows, handler);
    }

    /**
     * The first non-blank row of a .csv or .xlsx file (its header), reading no further; empty when
     * the file has none or cannot be read. Telling a file's format by its header stays cheap however
     * long the file is.
     */
    public static java.util.Optional<List<String>> firstRow(Path file) {
        List<List<String>> first = new ArrayList<>(1);
        try {
            read(file, (row, cells) -> {
                first.add(cells);
                throw new FirstRowRead();
            });
        } catch (FirstRowRead e) {
            // Stopped after the header, as intended.
        } catch (UnreadableFileException | IOException | RuntimeException e) {
            // The XML parser of an XLSX sheet may wrap the stop.
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof FirstRowRead) {
                    return first.stream().findFirst();
                }
            }
            return java.util.Optional.empty();
        }
        return first.stream().findFirst();
    }

    /** Thrown by {@link #firstRow}'s handler to stop reading once it has the header. */
    private static final class FirstRowRead extends RuntimeException {
        FirstRowRead() {
            super(null, null, false, false);
        }
    }

    private static void emit(Iterable<? extends Iterable<String>> rows, RowHandler handler) {
        int row = 0;
        for (Iterable<String> record : rows) {
            row++;
            List<String> cells = new ArrayList<>();
            record.forEach(cells::add);
            if (!isBlank(cells)) {
                handler.row(row, cells);
            }
        }
    }

    /** Strict UTF-8, a byte order mark skipped: a wrongly encoded file fails instead of garbling names. */
    private static Reader utf8(Path file) throws IOException {
        var decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        InputStream in = BOMInputStream.builder().setInputStream(Files.newInputStream(file)).get();
        return new java.io.InputStreamReader(in, decoder);
    }

    private static UnreadableFileException notUtf8(CharacterCodingException e) {
        return new UnreadableFileException("the file is not UTF-8 text (save it as \"CSV UTF-8\")", e);
    }

    /** The first sheet of an XLSX workbook; cells keep their column positions, gaps as "". */
    public static void readXlsx(Path file, RowHandler handler) throws UnreadableFileException {
        try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
            XSSFReader reader = new XSSFReader(pkg);
            XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
            if (!sheets.hasNext()) {
                throw new UnreadableFileException("the workbook has no sheet", null);
            }
            XMLReader parser = XMLHelper.newXMLReader();
            parser.setContentHandler(new XSSFSheetXMLHandler(reader.getStylesTable(), null,
                    new ReadOnlySharedStringsTable(pkg), new SheetRows(handler), new IsoDateFormatter(), false));
            try (InputStream sheet = sheets.next()) {
                parser.parse(new InputSource(sheet));
            }
        } catch (UnreadableFileException e) {
            throw e;
        } catch (Exception e) {
            throw new UnreadableFileException("not a readable XLSX workbook (" + e.getClass().getSimpleName() + ")", e);
        }
    }

    private static boolean isBlank(List<String> cells) {
        return cells.stream().allMatch(c -> c == null || c.isBlank());
    }

    /** Collects the cells of each sheet row, keeping their column positions. */
    private static final class SheetRows implements XSSFSheetXMLHandler.SheetContentsHandler {
        private final RowHandler handler;
        private final List<String> cells = new ArrayList<>();

        SheetRows(RowHandler handler) {
            this.handler = handler;
        }

        @Override
        public void startRow(int rowNum) {
            cells.clear();
        }

        @Override
        public void endRow(int rowNum) {
            if (!isBlank(cells)) {
                handler.row(rowNum + 1, List.copyOf(cells));
            }
        }

        @Override
        public void cell(String reference, String value, XSSFComment comment) {
            int col = new org.apache.poi.ss.util.CellReference(reference).getCol();
            while (cells.size() < col) {
                cells.add("");
            }
            cells.add(value == null ? "" : value);
        }
    }

    /** Date-formatted numeric cells become ISO dates, whatever display format the sheet uses. */
    private static final class IsoDateFormatter extends DataFormatter {
        IsoDateFormatter() {
            super(Locale.ROOT);
        }

        @Override
        public String formatRawCellContents(double value, int formatIndex, String formatString, boolean use1904) {
            if (DateUtil.isADateFormat(formatIndex, formatString) && DateUtil.isValidExcelDate(value)) {
                LocalDate date = DateUtil.getLocalDateTime(value, use1904).toLocalDate();
                return date.toString();
            }
            return super.formatRawCellContents(value, formatIndex, formatString, use1904);
        }
    }
}
