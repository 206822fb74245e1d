package org.dhrtracker.report;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.dhrtracker.intake.ReturnStatus;
import org.dhrtracker.report.ReportData.ActionLine;
import org.dhrtracker.report.Sheets.Column;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The return pack of each agency of a partnership: a workbook pre-filled with every open action of
 * the agency in every review of the partnership, which the agency fills in and sends back as its
 * return. The Return sheet is an agency return as docs/FORMATS.md defines it (first sheet, header
 * in row 1), so the filled-in pack goes into the inbox as it is; the columns marked "(for
 * reference)" are ignored by the intake. Only the cells the agency writes are unlocked.
 */
@Component
public class ReturnPacks {

    static final String RETURN_SHEET = "Return";
    static final String INSTRUCTIONS_SHEET = "Instructions";
    static final String FOLDER = "return-packs";

    /** One open action of the agency, with the review it belongs to and the as-at date the return is for. */
    record PackLine(String review, ActionLine action, LocalDate asAt, String needed) {
    }

    /** The canonical return columns (docs/FORMATS.md) first, in its order; the agency writes the blank ones. */
    static final List<Column<PackLine>> COLUMNS = List.of(
            Column.of("Review", 10, PackLine::review),
            Column.of("Action ref", 12, l -> l.action().actionRef()),
            Column.of("Agency", 12, l -> l.action().agency()),
            Column.of("As at", 12, PackLine::asAt),
            Column.of("Status", 16, l -> null),
            Column.wrapped("Progress", 50, l -> null),
            Column.wrapped("Evidence", 40, l -> null),
            Column.of("Revised target date", 14, l -> null),
            Column.of("Completion date", 14, l -> null),
            Column.of("Reported by", 20, l -> null),
            Column.of("Recommendation (for reference)", 16, l -> l.action().recommendationNo()),
            Column.wrapped("Action (for reference)", 50, l -> l.action().action()),
            Column.wrapped("Target date (for reference)", 20, l -> l.action().targetDateAsWritten()),
            Column.of("Due date (for reference)", 14, l -> l.action().dueDate()),
            Column.of("Last status (for reference)", 18, l -> l.action().status().label()),
            Column.of("Last return as at (for reference)", 16, l -> l.action().lastReturnAsAt()),
            Column.wrapped("What is needed (for reference)", 50, PackLine::needed));

    /** Columns the agency writes (0-based): Status to Reported by. */
    static final int FIRST_EDITABLE = 4;
    static final int LAST_EDITABLE = 9;
    static final int STATUS = 4;
    static final List<Integer> DATE_COLUMNS = List.of(7, 8);
    private static final List<Integer> WRAPPED_COLUMNS = List.of(5, 6);
    /** Characters: one column of text that prints on a portrait A4 page. */
    private static final int INSTRUCTIONS_WIDTH = 70;

    private final String sendTo;

    public ReturnPacks(@Value("${dhr.return-packs.send-to}") String sendTo) {
        this.sendTo = sendTo;
    }

    /** e.g. NABSCOP-POLICE-return-pack-2016-05-31.xlsx */
    static String fileName(String partnership, String agency, LocalDate asAt) {
        return ReportService.safe(partnership) + "-" + ReportService.safe(agency) + "-return-pack-" + asAt + ".xlsx";
    }

    /**
     * Writes one pack per agency with open actions in any of the reviews, into dir/return-packs/.
     *
     * @param reviews the reports of every review of one partnership, as at the same date
     */
    public List<Path> write(List<ReportData> reviews, Path dir) throws IOException {
        Path folder = dir.resolve(FOLDER);
        Files.createDirectories(folder);
        Map<String, List<PackLine>> byAgency = new LinkedHashMap<>();
        Map<String, String> agencyNames = new LinkedHashMap<>();
        for (ReportData data : reviews) {
            Function<ActionLine, String> needed = ChaseLists.whatIsNeeded(data);
            data.openActionsByAgency().forEach((agency, actions) -> {
                for (ActionLine a : actions) {
                    byAgency.computeIfAbsent(agency, k -> new ArrayList<>()).add(new PackLine(data.reviewId(), a, data.asAt(),
                            needed.apply(a)));
                    agencyNames.putIfAbsent(agency, a.agencyName() != null ? a.agencyName() : agency);
                }
            });
        }
        List<Path> written = new ArrayList<>();
        if (reviews.isEmpty()) {
            return written;
        }
        ReportData first = reviews.get(0);
        for (Map.Entry<String, List<PackLine>> agency : byAgency.entrySet()) {
            Path file = folder.resolve(fileName(first.partnership(), agency.getKey(), first.asAt()));
            writePack(first, agency.getKey(), agencyNames.get(agency.getKey()), agency.getValue(), file);
            written.add(file);
        }
        return written;
    }

    private void writePack(ReportData data, String agency, String agencyName, List<PackLine> lines, Path file) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            Sheets.properties(wb, "Progress return of " + agencyName + " as at " + ReportFormats.longDate(data.asAt()) + " - "
                    + (data.partnershipName() != null ? data.partnershipName() : data.partnership()), data.marking());
            Sheets.Styles styles = new Sheets.Styles(wb);
            // The Return sheet first: the intake reads the first sheet, its header in row 1.
            XSSFSheet sheet = wb.createSheet(RETURN_SHEET);
            int last = Sheets.writeTable(sheet, 0, data.marking(), COLUMNS, lines, styles);
            unlockAnswerCells(wb, sheet, last);
            validate(sheet, last);
            // Locked against accidental change, not secured: no password, so the coordinator can lift it.
            sheet.lockAutoFilter(false);
            sheet.lockFormatColumns(false);
            sheet.lockFormatRows(false);
            sheet.enableLocking();
            writeInstructions(wb.createSheet(INSTRUCTIONS_SHEET), data, agency, agencyName, lines.size(), styles);
            wb.write(out);
        }
    }

    /** The cells the agency writes: unlocked and tinted, so it is clear where to type. */
    private static void unlockAnswerCells(XSSFWorkbook wb, XSSFSheet sheet, int lastRow) {
        CellStyle text = answerStyle(wb, false, false);
        CellStyle wrapped = answerStyle(wb, true, false);
        CellStyle date = answerStyle(wb, false, true);
        for (int r = 1; r <= lastRow; r++) {
            Row row = sheet.getRow(r);
            for (int c = FIRST_EDITABLE; c <= LAST_EDITABLE; c++) {
                Cell cell = row.getCell(c) != null ? row.getCell(c) : row.createCell(c);
                cell.setCellStyle(DATE_COLUMNS.contains(c) ? date : WRAPPED_COLUMNS.contains(c) ? wrapped : text);
            }
        }
    }

    private static CellStyle answerStyle(XSSFWorkbook wb, boolean wrap, boolean dateFormat) {
        CellStyle s = wb.createCellStyle();
        s.setLocked(false);
        s.setWrapText(wrap);
        s.setVerticalAlignment(org.apache.poi.ss.usermodel.VerticalAlignment.TOP);
        s.setFillForegroundColor(IndexedColors.LIGHT_YELLOW.getIndex());
        s.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        // Text format: what the agency types is kept as text, so "=..." or "- first point" is never run as a formula.
        s.setDataFormat(wb.createDataFormat().getFormat(dateFormat ? Sheets.DATE_FORMAT : "@"));
        return s;
    }

    /** Status from a list of the allowed values; dates only as dates. Both refuse anything else as it is typed. */
    private static void validate(XSSFSheet sheet, int lastRow) {
        if (lastRow < 1) {
            return;
        }
        DataValidationHelper helper = sheet.getDataValidationHelper();
        String[] statuses = java.util.Arrays.stream(ReturnStatus.values()).map(ReturnStatus::label).toArray(String[]::new);
        DataValidation status = helper.createValidation(helper.createExplicitListConstraint(statuses),
                new CellRangeAddressList(1, lastRow, STATUS, STATUS));
        refuse(status, "Status", "Choose " + String.join(", ", statuses) + " from the list.");
        sheet.addValidationData(status);
        for (int c : DATE_COLUMNS) {
            DataValidationConstraint dates = helper.createDateConstraint(DataValidationConstraint.OperatorType.BETWEEN,
                    "DATE(2000,1,1)", "DATE(2099,12,31)", Sheets.DATE_FORMAT);
            DataValidation v = helper.createValidation(dates, new CellRangeAddressList(1, lastRow, c, c));
            refuse(v, COLUMNS.get(c).header(), "Enter a date as day/month/year, e.g. 31/05/2016.");
            sheet.addValidationData(v);
        }
    }

    private static void refuse(DataValidation v, String title, String message) {
        v.setErrorStyle(DataValidation.ErrorStyle.STOP);
        v.setShowErrorBox(true);
        v.createErrorBox(title, message);
        v.setEmptyCellAllowed(true);
    }

    /** Plain English: what to fill, the allowed values, the date format, where to send it, the marking. */
    private void writeInstructions(XSSFSheet sheet, ReportData data, String agency, String agencyName, int actions,
            Sheets.Styles styles) {
        String partnership = data.partnershipName() != null ? data.partnershipName() : data.partnership();
        String asAt = ReportFormats.longDate(data.asAt());
        List<String> lines = List.of(
                data.marking(),
                "Progress return of " + agencyName + " (" + agency + ") as at " + asAt,
                "",
                "This workbook lists the " + actions + (actions == 1 ? " action" : " actions") + " of " + agencyName
                        + " that are not yet complete in the Domestic Homicide Reviews of " + partnership
                        + ", one row per action on the Return sheet.",
                "For each action, fill in the yellow cells of its row: Status, Progress, Evidence, and where they apply"
                        + " Revised target date and Completion date. Put your name or role in Reported by.",
                "Status: choose Not started, In progress or Completed from the list in the cell.",
                "Progress: what has been done since the last return. Evidence: what shows it, for example the document"
                        + " and where it is published.",
                "Completed is a claim: the DHR coordinator checks the evidence before the action counts as complete.",
                "Dates: day/month/year, for example 31/05/2016. Revised target date only when you need a new target date."
                        + " Completion date only with Completed, and not after the As at date (" + asAt + ").",
                "Nothing to report on an action? Leave its Status and Progress blank: the row is skipped."
                        + " A row with Progress but no Status is sent back.",
                "Review, Action ref, Agency, As at and the columns marked (for reference) are locked: do not change them."
                        + " Keep the Return sheet first and do not add rows.",
                "Save the workbook as .xlsx and send it to " + sendTo + ". It is checked as a whole: if a row has a problem,"
                        + " nothing in the file is recorded and you are told the row and column to correct.",
                "Protective marking: " + data.marking() + ". Store and send this file as that marking requires.");
        sheet.setColumnWidth(0, INSTRUCTIONS_WIDTH * 256);
        for (int i = 0; i < lines.size(); i++) {
            Sheets.setText(sheet.createRow(i).createCell(0), lines.get(i), i < 2 ? styles.marking : styles.wrapped, styles);
            if (!lines.get(i).isEmpty()) {
                sheet.getRow(i).setHeightInPoints(15f * Sheets.estimatedLines(lines.get(i), INSTRUCTIONS_WIDTH));
            }
        }
        sheet.getHeader().setCenter(data.marking());
        sheet.getFooter().setCenter(data.marking());
        sheet.getPrintSetup().setPaperSize(org.apache.poi.ss.usermodel.PrintSetup.A4_PAPERSIZE);
        Sheets.fitToWidth(sheet);
        sheet.enableLocking();
    }
}
