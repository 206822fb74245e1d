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
import org.apache.commons.csv.CSVRecord;
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
 * Streams the rows of a CSV or XLSX file. XLSX is read with POI's event API, so a sheet of any
 * size is never held in memory; date cells come out as ISO dates, other cells as Excel shows them.
 */
public final class TabularReader {

    private TabularReader() {
    }

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

    private static void readCsv(Path file, RowHandler handler) throws IOException, UnreadableFileException {
        var decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try (InputStream in = BOMInputStream.builder().setInputStream(Files.newInputStream(file)).get();
                Reader reader = new java.io.InputStreamReader(in, decoder)) {
            CSVFormat format = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(false).get();
            int row = 0;
            for (CSVRecord record : format.parse(reader)) {
                row++;
                List<String> cells = record.toList();
                if (!isBlank(cells)) {
                    handler.row(row, cells);
                }
            }
        } catch (CharacterCodingException e) {
            throw new UnreadableFileException("the file is not UTF-8 text (save it as \"CSV UTF-8\")", e);
        } catch (java.io.UncheckedIOException e) {
            throw new UnreadableFileException("broken CSV: " + e.getCause().getMessage(), e);
        }
    }

    private static void readXlsx(Path file, RowHandler handler) throws UnreadableFileException {
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
