package org.dhrtracker.register.plan;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.apache.poi.xwpf.usermodel.IBody;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFSDT;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.dhrtracker.tabular.RowHandler;
import org.dhrtracker.tabular.TabularReader;
import org.dhrtracker.tabular.UnreadableFileException;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTcPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTrPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STMerge;

/**
 * Reads an action plan document as it is held (.docx, .xlsx, .csv, .tsv or .txt) into its
 * non-blank rows, in document order, with plain cell text. What the rows mean is not decided here.
 */
public final class PlanDocuments {

    private PlanDocuments() {
    }

    /**
     * The file's non-blank rows. DOCX: paragraphs outside tables and every table row, each table
     * row with one cell per grid column (a cell spanning columns is followed by "" for each column
     * it covers; a cell continuing a vertical merge is ""). XLSX: the first sheet. CSV, TSV/TXT: see
     * {@link TabularReader}.
     *
     * @throws UnreadableFileException with a message for the user when the file cannot be read
     */
    public static List<SourceRow> read(Path file) throws UnreadableFileException {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (!Files.isRegularFile(file)) {
            throw new UnreadableFileException("no such file", null);
        }
        List<SourceRow> rows = new ArrayList<>();
        RowHandler sheetRows = (row, cells) -> add(rows, SourceRow.ofSheet(row, cells));
        try {
            if (name.endsWith(".docx")) {
                readDocx(file, rows);
            } else if (name.endsWith(".xlsx")) {
                TabularReader.readXlsx(file, sheetRows);
            } else if (name.endsWith(".csv")) {
                TabularReader.readCsv(file, sheetRows);
            } else if (name.endsWith(".tsv") || name.endsWith(".txt")) {
                TabularReader.readTsv(file, sheetRows);
            } else {
                throw new UnreadableFileException("not a .docx, .xlsx, .csv, .tsv or .txt file", null);
            }
        } catch (IOException e) {
            throw new UnreadableFileException("the file cannot be read (" + e.getClass().getSimpleName() + ")", e);
        }
        return rows;
    }

    /** Cells as plain text; a row that is blank once markup is gone is dropped. */
    private static void add(List<SourceRow> rows, SourceRow row) {
        SourceRow plain = new SourceRow(row.row(), row.table(), row.paragraph(),
                row.cells().stream().map(HtmlCellText::toText).toList());
        if (!plain.isBlank()) {
            rows.add(plain);
        }
    }

    private static void readDocx(Path file, List<SourceRow> rows) throws UnreadableFileException {
        try (InputStream in = Files.newInputStream(file); XWPFDocument doc = new XWPFDocument(in)) {
            // Empty paragraphs are counted too, so a paragraph's number does not depend on what is dropped.
            int paragraphs = 0;
            int tables = 0;
            for (IBodyElement element : doc.getBodyElements()) {
                if (element instanceof XWPFTable table) {
                    tables++;
                    int row = 0;
                    for (XWPFTableRow tableRow : table.getRows()) {
                        add(rows, new SourceRow(++row, tables, false, cells(tableRow)));
                    }
                } else {
                    add(rows, new SourceRow(++paragraphs, 0, true, List.of(text(element))));
                }
            }
        } catch (IOException | RuntimeException e) {
            // POI reports most files that are not Word documents with unchecked exceptions.
            throw new UnreadableFileException("not a readable DOCX document (" + e.getClass().getSimpleName() + ")", e);
        }
    }

    /** One entry per grid column, so a row's cells line up with the header's. */
    private static List<String> cells(XWPFTableRow row) {
        List<String> cells = new ArrayList<>();
        CTTrPr rowProperties = row.getCtRow().getTrPr();
        if (rowProperties != null && rowProperties.sizeOfGridBeforeArray() > 0) {
            pad(cells, rowProperties.getGridBeforeArray(0).getVal().intValue());
        }
        for (XWPFTableCell cell : row.getTableCells()) {
            CTTcPr properties = cell.getCTTc().getTcPr();
            cells.add(continuesVerticalMerge(properties) ? "" : text(cell));
            if (properties != null && properties.isSetGridSpan()) {
                pad(cells, properties.getGridSpan().getVal().intValue() - 1);
            }
        }
        return cells;
    }

    private static void pad(List<String> cells, int count) {
        for (int i = 0; i < count; i++) {
            cells.add("");
        }
    }

    /** A vertically merged cell below the first holds no text of its own (Word leaves it empty). */
    private static boolean continuesVerticalMerge(CTTcPr properties) {
        return properties != null && properties.isSetVMerge()
                && (properties.getVMerge().getVal() == null || properties.getVMerge().getVal() == STMerge.CONTINUE);
    }

    /** A cell's paragraphs, and the text of any table nested in it, one per line. */
    private static String text(IBody body) {
        return body.getBodyElements().stream().map(PlanDocuments::text)
                .flatMap(String::lines).map(String::strip).filter(line -> !line.isEmpty())
                .collect(Collectors.joining("\n"));
    }

    private static String text(IBodyElement element) {
        if (element instanceof XWPFParagraph paragraph) {
            return paragraph.getText();
        }
        if (element instanceof XWPFTable table) {
            return table.getRows().stream().flatMap(r -> r.getTableCells().stream())
                    .map(PlanDocuments::text).collect(Collectors.joining("\n"));
        }
        if (element instanceof XWPFSDT control) {
            return control.getContent().getText();
        }
        return "";
    }
}
