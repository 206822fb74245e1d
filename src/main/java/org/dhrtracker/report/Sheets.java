package org.dhrtracker.report;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * How the spreadsheets write a table: bold wrapped headers, one row per item, dates as real dates,
 * formula-like text in quote-prefixed cells, row heights estimated, frozen header, filter, landscape
 * A4 print with the header repeated. Shared by the master workbook, the Home Office pack and the
 * return packs.
 */
final class Sheets {

    private static final float LINE_POINTS = 15f;
    /** Excel's largest row height. */
    private static final float MAX_ROW_POINTS = 409f;
    /** Excel's most characters in a cell. */
    static final int MAX_CELL_TEXT = org.apache.poi.ss.SpreadsheetVersion.EXCEL2007.getMaxTextLength();

    private Sheets() {
    }

    /** One column of a sheet: header, width in characters, value, whether long text wraps. */
    record Column<T>(String header, int width, Function<T, Object> value, boolean wrap) {

        static <T> Column<T> of(String header, int width, Function<T, Object> value) {
            return new Column<>(header, width, value, false);
        }

        static <T> Column<T> wrapped(String header, int width, Function<T, Object> value) {
            return new Column<>(header, width, value, true);
        }
    }

    /** Title, creator and the marking (as category) of a workbook's document properties. */
    static void properties(XSSFWorkbook wb, String title, String marking) {
        var props = wb.getProperties().getCoreProperties();
        props.setTitle(title);
        props.setCreator("dhr-tracker");
        props.setCategory(marking);
    }

    /** The marking in row 1, the table's header in row 2 and its rows from row 3. */
    static <T> void writeSheet(Sheet sheet, String marking, List<Column<T>> columns, Iterable<T> rows, Styles styles) {
        setText(sheet.createRow(0).createCell(0), marking, styles.marking, styles);
        writeTable(sheet, 1, marking, columns, rows, styles);
        fitToWidth(sheet);
    }

    /**
     * The header in row {@code headerRow} (0-based) and one row per item below it; frozen, filtered,
     * printed landscape with the marking in the page header and footer.
     *
     * @return the index of the last row written
     */
    static <T> int writeTable(Sheet sheet, int headerRow, String marking, List<Column<T>> columns, Iterable<T> rows, Styles styles) {
        Row header = sheet.createRow(headerRow);
        for (int c = 0; c < columns.size(); c++) {
            Cell cell = header.createCell(c);
            cell.setCellValue(columns.get(c).header());
            cell.setCellStyle(styles.header);
            sheet.setColumnWidth(c, columns.get(c).width() * 256);
        }
        fitHeight(header, columns, columns.stream().map(col -> (Object) col.header()).toList(), true);
        int r = headerRow + 1;
        for (T item : rows) {
            Row row = sheet.createRow(r++);
            List<Object> values = new ArrayList<>();
            for (int c = 0; c < columns.size(); c++) {
                Column<T> col = columns.get(c);
                Object value = col.value().apply(item);
                values.add(value);
                if (value != null) {
                    setValue(row.createCell(c), value, styles, col.wrap());
                }
            }
            fitHeight(row, columns, values, false);
        }
        sheet.createFreezePane(0, headerRow + 1);
        // Printed copies: landscape A4, marking and headers repeated on every page.
        sheet.getPrintSetup().setLandscape(true);
        sheet.getPrintSetup().setPaperSize(PrintSetup.A4_PAPERSIZE);
        sheet.setRepeatingRows(new CellRangeAddress(0, headerRow, -1, -1));
        sheet.getHeader().setCenter(marking);
        sheet.getFooter().setCenter(marking);
        sheet.setAutoFilter(new CellRangeAddress(headerRow, Math.max(headerRow, r - 1), 0, columns.size() - 1));
        return r - 1;
    }

    /**
     * Tints the named columns by the RAG word in the RAG column (red, amber, green fills, readable
     * in greyscale because the word is in the cell), for the rows below the header.
     */
    static void ragTint(Sheet sheet, int headerRow, int lastRow, int ragColumn, int... tinted) {
        if (lastRow <= headerRow) {
            return;
        }
        var formatting = sheet.getSheetConditionalFormatting();
        String rag = "$" + org.apache.poi.ss.util.CellReference.convertNumToColString(ragColumn) + (headerRow + 2);
        java.util.Map<String, String> fills = java.util.Map.of("Red", "F4C7C3", "Amber", "FCE8B2", "Green", "B7E1CD");
        List<CellRangeAddress> ranges = new java.util.ArrayList<>();
        for (int c : tinted) {
            ranges.add(new CellRangeAddress(headerRow + 1, lastRow, c, c));
        }
        for (var fill : fills.entrySet()) {
            var rule = formatting.createConditionalFormattingRule(rag + "=\"" + fill.getKey() + "\"");
            var pattern = rule.createPatternFormatting();
            pattern.setFillBackgroundColor(new org.apache.poi.xssf.usermodel.XSSFColor(java.util.HexFormat.of().parseHex(fill.getValue())));
            pattern.setFillPattern(org.apache.poi.ss.usermodel.PatternFormatting.SOLID_FOREGROUND);
            formatting.addConditionalFormatting(ranges.toArray(CellRangeAddress[]::new), rule);
        }
    }

    /** Printed pages as wide as the sheet: every column on the page, as many pages down as needed. */
    static void fitToWidth(Sheet sheet) {
        sheet.setFitToPage(true);
        sheet.getPrintSetup().setFitWidth((short) 1);
        sheet.getPrintSetup().setFitHeight((short) 0);
    }

    /**
     * Streamed rows cannot be auto-fitted and spreadsheet programs do not all grow wrapped rows on
     * opening, so the height is estimated from the text: whole narratives stay visible.
     */
    private static <T> void fitHeight(Row row, List<Column<T>> columns, List<Object> values, boolean allWrap) {
        int lines = 1;
        for (int c = 0; c < columns.size(); c++) {
            if ((allWrap || columns.get(c).wrap()) && values.get(c) instanceof String text) {
                lines = Math.max(lines, estimatedLines(text, columns.get(c).width()));
            }
        }
        if (lines > 1) {
            row.setHeightInPoints(Math.min(MAX_ROW_POINTS, lines * LINE_POINTS));
        }
    }

    static int estimatedLines(String text, int widthChars) {
        int perLine = Math.max(1, widthChars - 2);
        int lines = 0;
        int start = 0;
        // the paragraphs between line breaks (any of regex \R's), counted in place: a national
        // workbook measures a narrative on each of its actions' rows
        for (int i = 0; i <= text.length(); i++) {
            char c = i < text.length() ? text.charAt(i) : '\n';
            if (isLineBreak(c)) {
                lines += Math.max(1, (i - start + perLine - 1) / perLine);
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                start = i + 1;
            }
        }
        return lines;
    }

    private static boolean isLineBreak(char c) {
        return c == '\n' || c == '\r' || c == '\u000B' || c == '\f' || c == '\u0085' || c == '\u2028' || c == '\u2029';
    }

    static void setValue(Cell cell, Object value, Styles styles, boolean wrap) {
        if (value instanceof LocalDate d) {
            cell.setCellValue(d);
            cell.setCellStyle(styles.date);
        } else if (value instanceof Instant t) {
            cell.setCellValue(LocalDateTime.ofInstant(t, ReportFormats.ZONE));
            cell.setCellStyle(styles.dateTime);
        } else if (value instanceof Number n) {
            cell.setCellValue(n.doubleValue());
        } else {
            setText(cell, value.toString(), wrap ? styles.wrapped : styles.text, styles);
        }
    }

    /**
     * A text cell, never a formula. Formula-like text ({@link SpreadsheetText}) keeps its exact value
     * and gets the quote-prefixed variant of the style, as if typed with a leading ': spreadsheet
     * programs take it as text, and a program reading the cell gets what was written, no quote added.
     */
    static void setText(Cell cell, String text, CellStyle style, Styles styles) {
        cell.setCellValue(fitted(text));
        cell.setCellStyle(SpreadsheetText.isFormulaLike(text) ? styles.quoted(style) : style);
    }

    /**
     * The text, or as much of it as a cell holds with a note saying so: POI refuses a longer text, and
     * one overlong narrative must not stop a whole run. The return as received keeps the whole text.
     */
    static String fitted(String text) {
        if (text.length() <= MAX_CELL_TEXT) {
            return text;
        }
        String note = " [cut: " + text.length() + " characters, more than a spreadsheet cell holds]";
        int end = MAX_CELL_TEXT - note.length();
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end) + note;
    }

    /** Cell styles are workbook-wide and limited in number: create each once. */
    static final class Styles {
        private final Workbook wb;
        private final java.util.Map<CellStyle, CellStyle> quoted = new java.util.HashMap<>();
        final CellStyle marking;
        final CellStyle header;
        final CellStyle text;
        final CellStyle wrapped;
        final CellStyle date;
        final CellStyle dateTime;

        Styles(Workbook wb) {
            this.wb = wb;
            Font bold = wb.createFont();
            bold.setBold(true);
            marking = wb.createCellStyle();
            marking.setFont(bold);
            header = wb.createCellStyle();
            header.setFont(bold);
            header.setWrapText(true);
            header.setVerticalAlignment(VerticalAlignment.TOP);
            // The workbook's default style (index 0) is the text cells': a cell in it is written without
            // a style attribute (a national sheet has 2 million text cells), and numbers sit at the top too.
            text = wb.getCellStyleAt(0);
            text.setVerticalAlignment(VerticalAlignment.TOP);
            wrapped = wb.createCellStyle();
            wrapped.setWrapText(true);
            wrapped.setVerticalAlignment(VerticalAlignment.TOP);
            date = wb.createCellStyle();
            date.setDataFormat(wb.createDataFormat().getFormat(DATE_FORMAT));
            date.setVerticalAlignment(VerticalAlignment.TOP);
            dateTime = wb.createCellStyle();
            dateTime.setDataFormat(wb.createDataFormat().getFormat("dd/mm/yyyy hh:mm"));
            dateTime.setVerticalAlignment(VerticalAlignment.TOP);
        }

        /** The style with the quote prefix set, created once per style. */
        CellStyle quoted(CellStyle style) {
            return quoted.computeIfAbsent(style, s -> {
                CellStyle q = wb.createCellStyle();
                q.cloneStyleFrom(s);
                q.setQuotePrefixed(true);
                return q;
            });
        }
    }

    /** UK dates, as the returns write them. */
    static final String DATE_FORMAT = "dd/mm/yyyy";
}
