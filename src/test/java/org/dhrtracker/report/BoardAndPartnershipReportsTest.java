package org.dhrtracker.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.dhrtracker.BatchConfiguration;
import org.dhrtracker.JobTestSupport;
import org.dhrtracker.reconcile.ActionStatus;
import org.dhrtracker.schedule.MonthlyJobConfiguration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.batch.core.ExitStatus;

/**
 * The monthly job on the demo data at 31 March 2015, then at 31 May 2016: the second board report
 * has a previous report to compare with. Every figure the new pages print is checked against
 * action_status, and both PDFs against the PDF/A level claimed (veraPDF).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BoardAndPartnershipReportsTest extends JobTestSupport {

    private static final LocalDate MARCH_2015 = LocalDate.of(2015, 3, 31);
    private static final LocalDate MAY_2016 = LocalDate.of(2016, 5, 31);
    private static final String MARKING = "OFFICIAL-SENSITIVE";

    private Path dir;

    @BeforeAll
    void runTwoMonths() throws Exception {
        resetHome();
        assertThat(importRegister(DEMO_REGISTER).getExitStatus()).isEqualTo(ExitStatus.COMPLETED);
        dropDemoReturns("2014-", "2015-");
        assertThat(monthly(MARCH_2015).getExitStatus()).isEqualTo(ExitStatus.COMPLETED);
        dropDemoReturns("2016-");
        assertThat(monthly(MAY_2016).getExitStatus()).isEqualTo(ExitStatus.COMPLETED);
        dir = home.out().resolve("NABSCOP");
    }

    @Test
    void boardAndPartnershipReportsArePdfA() throws Exception {
        PdfaCheck.assertCompliant(board(MAY_2016));
        PdfaCheck.assertCompliant(dir.resolve("NABSCOP-partnership-report-" + MAY_2016 + ".pdf"));
    }

    @Test
    void atAGlanceCountsAreTheStoredStatuses() throws Exception {
        Map<ActionStatus, Integer> counts = counts(MAY_2016);
        StringBuilder expected = new StringBuilder("Actions by status: ");
        for (ActionStatus s : ActionStatus.values()) {
            expected.append(s == ActionStatus.values()[0] ? "" : "; ").append(s.label()).append(" (").append(s.rag().word()).append(") ")
                    .append(counts.get(s));
        }
        String glance = flat(BoardReportPdfTest.streamText(board(MAY_2016), 2));
        assertThat(glance).contains("At a glance", expected + ".");

        // The trend: one point per return date up to the as-at date; at the two reported dates, the stored statuses.
        List<LocalDate> returnDates = db.queryForList("SELECT DISTINCT p.as_at FROM progress_update u JOIN return_part p ON p.part_id = u.part_id WHERE p.as_at <= ? ORDER BY 1",
                LocalDate.class, MAY_2016);
        String trend = glance.substring(glance.indexOf("Open actions at each return date: "));
        for (LocalDate d : returnDates) {
            assertThat(trend).contains(ReportFormats.longDate(d) + " ");
        }
        assertThat(trend).contains(ReportFormats.longDate(MARCH_2015) + " " + open(MARCH_2015) + ";",
                ReportFormats.longDate(MAY_2016) + " " + open(MAY_2016) + ".");
        // Open actions per agency: overdue and open from the stored statuses.
        db.query("""
                SELECT g.name, SUM(CASE WHEN s.status <> 'COMPLETED' THEN 1 ELSE 0 END),
                       SUM(CASE WHEN s.status = 'OVERDUE' THEN 1 ELSE 0 END)
                FROM action_status s JOIN action a ON a.action_id = s.action_id JOIN agency g ON g.agency_code = a.agency_code
                WHERE s.as_at = ? GROUP BY g.name""", rs -> {
            assertThat(glance).contains(rs.getString(1) + " " + rs.getInt(2) + " open, " + rs.getInt(3) + " overdue");
        }, MAY_2016);
    }

    @Test
    void sinceTheLastReportListsWhatChangedBetweenTheTwoDates() throws Exception {
        Map<String, List<String>> expected = changes(MARCH_2015, MAY_2016);
        assertThat(expected.get("Newly completed")).isNotEmpty();
        String text = flat(BoardReportPdfTest.text(board(MAY_2016)));
        assertThat(text).contains("Since the last report (as at 31 March 2015)");
        // Compared without spaces: a long list wraps, and may wrap at the hyphen of a ref such as 28-CHILDRENS.
        String packed = text.replace(" ", "");
        expected.forEach((kind, refs) -> assertThat(packed).contains((kind + " (" + refs.size() + "): "
                + (refs.isEmpty() ? "none" : String.join(", ", refs))).replace(" ", "")));
        assertThat(flat(BoardReportPdfTest.text(board(MARCH_2015)))).contains("First report: no earlier report of this review to compare with.");

        List<String> sheet = new ArrayList<>();
        DataFormatter f = new DataFormatter(Locale.UK);
        try (Workbook wb = WorkbookFactory.create(dir.resolve("DHR1-master-workbook-" + MAY_2016 + ".xlsx").toFile(), null, true)) {
            Sheet s = wb.getSheet(MasterWorkbook.SINCE_LAST);
            assertThat(f.formatCellValue(s.getRow(0).getCell(0))).isEqualTo(MARKING);
            for (Row row : s) {
                if (row.getRowNum() > 1) {
                    sheet.add(f.formatCellValue(row.getCell(0)) + "|" + f.formatCellValue(row.getCell(1)));
                }
            }
        }
        List<String> rows = new ArrayList<>();
        expected.forEach((kind, refs) -> refs.forEach(ref -> rows.add(kind + "|" + ref)));
        assertThat(sheet).isEqualTo(rows);
    }

    @Test
    void partnershipReportShowsEachReviewAsTheDatabaseHasIt() throws Exception {
        Path pdf = dir.resolve("NABSCOP-partnership-report-" + MAY_2016 + ".pdf");
        Map<ActionStatus, Integer> counts = counts(MAY_2016);
        StringBuilder figures = new StringBuilder();
        for (ActionStatus s : ActionStatus.values()) {
            figures.append(counts.get(s)).append(' ');
        }
        int total = counts.values().stream().mapToInt(Integer::intValue).sum();
        int recommendations = count("SELECT COUNT(*) FROM recommendation WHERE review_id = 'DHR1'");
        int complete = count("""
                SELECT COUNT(*) FROM recommendation r WHERE r.review_id = 'DHR1' AND NOT EXISTS (SELECT 1 FROM action a
                JOIN action_status s ON s.action_id = a.action_id AND s.as_at = ?
                WHERE a.recommendation_id = r.recommendation_id AND s.status <> 'COMPLETED')""", MAY_2016);
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            String text = flat(BoardReportPdfTest.text(doc, 1, doc.getNumberOfPages()));
            assertThat(text).contains("Nuneaton and Bedworth", "Partnership report: every review's action plan as at 31 May 2016",
                    "DHR1", figures.toString() + total + " " + complete + " of " + recommendations + " No");
            for (int p = 1; p <= doc.getNumberOfPages(); p++) {
                assertThat(BoardReportPdfTest.text(doc, p, p).split(MARKING, -1).length - 1).as("marking on page %d", p).isGreaterThanOrEqualTo(2);
            }
        }
    }

    private Map<String, List<String>> changes(LocalDate before, LocalDate after) {
        Map<String, List<String>> changes = new LinkedHashMap<>();
        for (String kind : List.of("Newly completed", "Newly overdue", "Slipped (target moved later)", "Newly claimed complete")) {
            changes.put(kind, new ArrayList<>());
        }
        db.query("""
                SELECT a.action_ref, c.status, c.due_date, p.status, p.due_date FROM action_status c
                JOIN action a ON a.action_id = c.action_id JOIN recommendation r ON r.recommendation_id = a.recommendation_id
                JOIN action_status p ON p.action_id = c.action_id AND p.as_at = ?
                WHERE c.as_at = ? ORDER BY r.plan_order, a.plan_order""", rs -> {
            String now = rs.getString(2);
            String was = rs.getString(4);
            if (!now.equals(was)) {
                switch (now) {
                    case "COMPLETED" -> changes.get("Newly completed").add(rs.getString(1));
                    case "OVERDUE" -> changes.get("Newly overdue").add(rs.getString(1));
                    case "CLAIMED" -> changes.get("Newly claimed complete").add(rs.getString(1));
                    default -> {
                    }
                }
            }
            LocalDate due = rs.getObject(3, LocalDate.class);
            LocalDate wasDue = rs.getObject(5, LocalDate.class);
            if (due != null && wasDue != null && due.isAfter(wasDue)) {
                changes.get("Slipped (target moved later)").add(rs.getString(1));
            }
        }, before, after);
        return changes;
    }

    private Map<ActionStatus, Integer> counts(LocalDate asAt) {
        Map<ActionStatus, Integer> counts = new EnumMap<>(ActionStatus.class);
        for (ActionStatus s : ActionStatus.values()) {
            counts.put(s, count("SELECT COUNT(*) FROM action_status WHERE as_at = ? AND status = ?", asAt, s.name()));
        }
        return counts;
    }

    private int open(LocalDate asAt) {
        return count("SELECT COUNT(*) FROM action_status WHERE as_at = ? AND status <> 'COMPLETED'", asAt);
    }

    private Path board(LocalDate asAt) {
        return dir.resolve("DHR1-board-report-" + asAt + ".pdf");
    }

    private static String flat(String text) {
        return text.replaceAll("\\s+", " ");
    }

    private org.springframework.batch.core.job.JobExecution monthly(LocalDate asAt) throws Exception {
        return run(MonthlyJobConfiguration.JOB, params(asAt)
                .addString(ReportJobConfiguration.REPORTS, "board-pdf,workbook,partnership-report")
                .addString(ReportJobConfiguration.OUTPUT, "out/{partnership}").addString(BatchConfiguration.REVIEW, "DHR1"));
    }
}
