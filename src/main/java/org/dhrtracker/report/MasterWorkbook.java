package org.dhrtracker.report;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.dhrtracker.reconcile.ActionStatus;
import org.dhrtracker.reconcile.Assessor.RecommendationRollup;
import org.dhrtracker.reconcile.Finding;
import org.dhrtracker.report.ReportData.ActionLine;
import org.dhrtracker.report.ReportData.UpdateLine;
import org.dhrtracker.report.Sheets.Column;
import org.dhrtracker.report.Sheets.Styles;
import org.dhrtracker.themes.ThemeCoding;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The master workbook of one review as at a date: Summary, Action plan, Exceptions, Returns history,
 * Recommendations, Findings and Since last report; then the theme sheets ({@link ThemeSheets}).
 * Every sheet has the protective marking in row 1, bold headers in row 2 and data from row 3.
 * Streams rows (SXSSF) so a long returns history does not have to fit in memory.
 */
@Component
public class MasterWorkbook {

    static final String SUMMARY = "Summary";
    static final String ACTION_PLAN = "Action plan";
    static final String EXCEPTIONS = "Exceptions";
    static final String RETURNS_HISTORY = "Returns history";
    static final String RECOMMENDATIONS = "Recommendations";
    static final String FINDINGS = "Findings";
    static final String SINCE_LAST = "Since last report";

    /** A row of the Since last report sheet: a kind of change and one action it applies to. */
    record Change(String change, String actionRef, LocalDate previousAsAt) {
    }

    static final List<Column<Change>> CHANGE_COLUMNS = List.of(
            Column.of("Change", 30, Change::change),
            Column.of("Action ref", 14, Change::actionRef),
            Column.of("Previous report as at", 20, Change::previousAsAt));

    /** Rows kept in memory per sheet before SXSSF flushes them to its temporary file. */
    private static final int WINDOW = 100;
    private static final int HEADER_ROW = 1;

    /** Null for a workbook made outside the application (tests): no theme sheets. */
    private ThemeCoding themes;

    @Autowired(required = false)
    void setThemes(ThemeCoding themes) {
        this.themes = themes;
    }

    static final List<Column<ActionLine>> ACTION_COLUMNS = List.of(
            Column.of("Owning body", 28, ActionLine::owningBody),
            Column.of("Recommendation no.", 16, ActionLine::recommendationNo),
            Column.wrapped("Recommendation", 50, ActionLine::recommendationText),
            Column.of("Scope", 12, ActionLine::scope),
            Column.of("Action ref", 14, ActionLine::actionRef),
            Column.of("Agency", 12, ActionLine::agency),
            Column.of("Agency name", 28, ActionLine::agencyName),
            Column.wrapped("Action", 50, ActionLine::action),
            Column.wrapped("Evidence of achievement", 40, ActionLine::evidenceOfAchievement),
            Column.of("Implementation lead", 24, ActionLine::implementationLead),
            Column.of("Target date (as written)", 22, ActionLine::targetDateAsWritten),
            Column.of("Due date", 12, ActionLine::dueDate),
            Column.of("Status", 18, a -> a.status() == null ? null : a.status().label()),
            Column.of("RAG", 8, a -> a.status() == null ? null : a.status().rag().word()),
            Column.of("Last return as at", 14, ActionLine::lastReturnAsAt),
            Column.of("Last reported status", 18, ActionLine::lastReportedStatus),
            Column.wrapped("Last progress", 60, ActionLine::lastProgress),
            Column.of("Completion date", 14, ActionLine::completionDate),
            Column.wrapped("Sign-off", 40, ActionLine::signOff));

    static final List<Column<RecommendationRollup>> RECOMMENDATION_COLUMNS = List.of(
            Column.of("Owning body", 40, RecommendationRollup::owningBody),
            Column.of("Recommendation no.", 16, RecommendationRollup::number),
            Column.of("Actions", 10, RecommendationRollup::actions),
            Column.of("Completed", 10, RecommendationRollup::completed),
            Column.of("Complete", 10, r -> r.complete() ? "Yes" : "No"),
            Column.of("Outcome", 20, r -> r.outcome().label()));

    /** Code first, as in findings.csv. */
    static final List<Column<Finding>> FINDING_COLUMNS = List.of(
            Column.of("Code", 28, f -> f.code().name()),
            Column.of("Severity", 10, f -> ReportFormats.severity(f.severity())),
            Column.of("Review", 10, Finding::reviewId),
            Column.of("Action ref", 14, Finding::actionRef),
            Column.of("Agency", 12, Finding::agency),
            Column.wrapped("Finding", 90, Finding::message));

    static final List<Column<UpdateLine>> UPDATE_COLUMNS = List.of(
            Column.of("As at", 12, UpdateLine::asAt),
            Column.of("Action ref", 14, UpdateLine::actionRef),
            Column.of("Agency", 12, UpdateLine::agency),
            Column.of("Status", 18, UpdateLine::status),
            Column.wrapped("Progress", 60, UpdateLine::progress),
            Column.wrapped("Evidence", 40, UpdateLine::evidence),
            Column.of("Revised target date", 14, UpdateLine::revisedTargetDate),
            Column.of("Completion date", 14, UpdateLine::completionDate),
            Column.of("Reported by", 20, UpdateLine::reportedBy),
            Column.of("Source file", 30, UpdateLine::sourceFile),
            Column.of("Source row", 10, UpdateLine::sourceRow),
            Column.of("Received at", 17, UpdateLine::receivedAt));

    public void write(ReportData data, Path file) throws IOException {
        try (SXSSFWorkbook wb = new StreamedWorkbook(WINDOW); OutputStream out = Files.newOutputStream(file)) {
            Sheets.properties(wb.getXSSFWorkbook(), ReportFormats.documentTitle(data), data.marking());
            Styles styles = new Styles(wb);
            writeSummary(wb.createSheet(SUMMARY), data, styles);
            for (var sheet : List.of(ACTION_PLAN, EXCEPTIONS)) {
                List<ActionLine> rows = sheet.equals(ACTION_PLAN) ? data.actions() : data.exceptions();
                Sheet written = wb.createSheet(sheet);
                Sheets.writeSheet(written, data.marking(), ACTION_COLUMNS, rows, styles);
                Sheets.ragTint(written, 1, 1 + rows.size(), column(ACTION_COLUMNS, "RAG"), column(ACTION_COLUMNS, "Status"),
                        column(ACTION_COLUMNS, "RAG"));
            }
            Sheets.writeSheet(wb.createSheet(RETURNS_HISTORY), data.marking(), UPDATE_COLUMNS, data.returnsHistory(), styles);
            Sheets.writeSheet(wb.createSheet(RECOMMENDATIONS), data.marking(), RECOMMENDATION_COLUMNS, data.assessment().recommendations(),
                    styles);
            Sheets.writeSheet(wb.createSheet(FINDINGS), data.marking(), FINDING_COLUMNS, data.assessment().findings(), styles);
            Sheets.writeSheet(wb.createSheet(SINCE_LAST), data.marking(), CHANGE_COLUMNS, changes(data.sinceLast()), styles);
            if (themes != null) {
                ThemeSheets.write(wb, themes.partnership(data.partnership(), data.asAt(), ThemeCoding.ALL_DATES), data.reviewId(), data.marking(), styles);
            }
            wb.write(out);
        }
    }

    /** One row per action per kind of change, in the PDF's order; a first report says so in a row of its own. */
    static List<Change> changes(ReportData.SinceLast s) {
        if (s.isFirstReport()) {
            return List.of(new Change("First report", null, null));
        }
        List<Change> rows = new ArrayList<>();
        ReportData.SinceLast.KINDS.forEach(k -> k.refs().apply(s).forEach(ref -> rows.add(new Change(k.label(), ref, s.previousAsAt()))));
        return rows;
    }

    private static <T> int column(List<Column<T>> columns, String header) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).header().equals(header)) {
                return i;
            }
        }
        throw new IllegalArgumentException(header);
    }

    /** Agencies by status (same figures as the board report), then a total row below the filtered range. */
    private static void writeSummary(Sheet sheet, ReportData data, Styles styles) {
        ReportSummary summary = ReportSummary.of(data);
        List<Column<ReportSummary.AgencyCounts>> columns = new ArrayList<>();
        columns.add(Column.of("Agency", 12, ReportSummary.AgencyCounts::agency));
        columns.add(Column.of("Agency name", 34, ReportSummary.AgencyCounts::agencyName));
        for (ActionStatus s : ActionStatus.values()) {
            columns.add(Column.of(s.label() + " (" + s.rag().word() + ")", 14, r -> r.counts().count(s)));
        }
        columns.add(Column.of("Total", 10, r -> r.counts().total()));
        Sheets.writeSheet(sheet, data.marking(), columns, summary.byAgency(), styles);
        // Column C, so the marking in A1 can spill over the empty B1 and stay readable.
        Sheets.setText(sheet.getRow(0).createCell(2), ReportFormats.join(data.partnershipName(), ReportFormats.documentTitle(data)),
                styles.text, styles);

        Row total = sheet.createRow(HEADER_ROW + 1 + summary.byAgency().size());
        List<Object> values = new ArrayList<>(List.of("All agencies", ""));
        for (ActionStatus s : ActionStatus.values()) {
            values.add(summary.total().count(s));
        }
        values.add(summary.total().total());
        for (int c = 0; c < values.size(); c++) {
            Cell cell = total.createCell(c);
            Sheets.setValue(cell, values.get(c), styles, false);
            cell.setCellStyle(styles.header);
        }
    }
}
