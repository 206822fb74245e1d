package org.dhrtracker.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.dhrtracker.JobTestSupport;
import org.dhrtracker.intake.InboxFileWriter;
import org.dhrtracker.reconcile.ActionStatus;
import org.dhrtracker.report.ReportJobConfiguration;
import org.dhrtracker.report.ReportKind;
import org.dhrtracker.report.NationalWorkbookSheets;
import org.dhrtracker.report.ReportService;
import org.dhrtracker.schedule.MonthlyJobConfiguration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;

/**
 * The national month at a hundredth of the country (20 reviews of 3 partnerships, 1,500 actions, 30
 * returns): generated data through the real monthly job as the benchmark runs it, every row counted
 * in the database and read back from the partnership reports and the national workbook.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NationalMonthTest extends JobTestSupport {

    private static final LocalDate AS_AT = Benchmark.AS_AT;
    private static final String MARKING = "OFFICIAL-SENSITIVE";

    private final NationalData data = new NationalData(NationalData.Shape.national(0.01, 1, AS_AT, Benchmark.SEED));
    private JobExecution monthly;
    private List<Path> returns;

    @BeforeAll
    void runTheMonthOnGeneratedData() throws Exception {
        resetHome();
        Path generated = Files.createDirectories(home.root().resolve("generated"));
        for (Path register : data.writeRegisters(generated)) {
            assertThat(importRegister(register).getExitStatus()).isEqualTo(ExitStatus.COMPLETED);
        }
        returns = data.writeReturns(home.inbox(), AS_AT);
        // Sheets of 600 actions, so that the country's ten times more than a sheet holds is seen going on to more sheets.
        NationalWorkbookSheets.lower(600);
        try {
            monthly = run(MonthlyJobConfiguration.JOB, MonthlyJobConfiguration.parameters(params(), Benchmark.NATIONAL, AS_AT, null));
        } finally {
            NationalWorkbookSheets.restore();
        }
        assertThat(monthly.getExitStatus()).isEqualTo(ExitStatus.COMPLETED);
    }

    @Test
    void everyReturnRowIsIngestedAndEveryActionReconciled() {
        assertThat(data.shape().reviews()).isEqualTo(20);
        assertThat(returns).hasSize(30);
        var intake = stepContext(monthly, "ingest-returns");
        assertThat(intake.getInt(InboxFileWriter.ACCEPTED)).isEqualTo(30);
        assertThat(intake.getInt(InboxFileWriter.REJECTED)).isZero();
        assertThat(intake.getInt(InboxFileWriter.ROWS)).isEqualTo(1500);
        assertThat(count("SELECT COUNT(*) FROM return_file")).isEqualTo(30);
        assertThat(count("SELECT COUNT(*) FROM progress_update")).isEqualTo(1500);
        assertThat(count("SELECT COUNT(*) FROM recommendation")).isEqualTo(600);
        assertThat(count("SELECT COUNT(*) FROM action_status WHERE as_at = ?", java.sql.Date.valueOf(AS_AT))).isEqualTo(1500);
        assertThat(home.inbox().toFile().list()).isEmpty();
    }

    @Test
    void eachPartnershipHasItsReportWithARowPerReviewAndEachReviewItsFindings() throws Exception {
        int mostPages = 0;
        for (String partnership : List.of("CSP001", "CSP002", "CSP003")) {
            Path dir = home.root().resolve("out").resolve(partnership);
            Path pdf = dir.resolve(ReportKind.PARTNERSHIP.fileName(partnership, AS_AT));
            String text;
            try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
                text = new PDFTextStripper().getText(doc);
                // Every page carries the marking, top and bottom, those the themes section runs on to included.
                mostPages = Math.max(mostPages, doc.getNumberOfPages());
                for (int page = 1; page <= doc.getNumberOfPages(); page++) {
                    PDFTextStripper onePage = new PDFTextStripper();
                    onePage.setStartPage(page);
                    onePage.setEndPage(page);
                    assertThat(onePage.getText(doc).split(MARKING, -1)).as("%s page %d", pdf.getFileName(), page).hasSizeGreaterThan(2);
                }
            }
            assertThat(text).contains(MARKING);
            List<String> reviews = db.queryForList("SELECT review_id FROM review WHERE partnership = ? ORDER BY review_id", String.class,
                    partnership);
            assertThat(reviews).hasSize(partnership.equals("CSP003") ? 6 : 7);
            for (String review : reviews) {
                assertThat(text).contains(review);
                assertThat(dir.resolve(ReportKind.FINDINGS.fileName(review, AS_AT))).isRegularFile();
            }
            // each file holds its own partnership's rows and no other's
            for (String other : db.queryForList("SELECT review_id FROM review WHERE partnership <> ?", String.class, partnership)) {
                assertThat(text).as("%s in %s", other, pdf.getFileName()).doesNotContainPattern(Pattern.quote(other) + "(?![0-9])");
            }
        }
        assertThat(mostPages).as("a report whose themes section runs on to another page").isGreaterThan(1);
        try (Stream<Path> files = Files.walk(home.root().resolve("out"))) {
            assertThat(files.filter(f -> f.getFileName().toString().contains("-findings-"))).hasSize(20);
        }
    }

    @Test
    void theNationalWorkbookHasARowPerReviewAndPerActionWithTheStatusesReconciledOverAsManySheetsAsItNeeds() throws Exception {
        Path file = home.root().resolve("out").resolve(ReportService.NATIONAL).resolve("national-workbook-" + AS_AT + ".xlsx");
        Map<String, Integer> inDatabase = new HashMap<>();
        db.query("SELECT status, COUNT(*) FROM action_status WHERE as_at = ? GROUP BY status",
                rs -> {
                    inDatabase.put(ActionStatus.valueOf(rs.getString(1)).label(), rs.getInt(2));
                }, java.sql.Date.valueOf(AS_AT));
        DataFormatter f = new DataFormatter(Locale.UK);
        try (Workbook wb = WorkbookFactory.create(file.toFile(), null, true)) {
            assertThat(wb.getSheetName(0)).isEqualTo("Reviews");
            assertThat(List.of(wb.getSheetName(1), wb.getSheetName(2), wb.getSheetName(3))).containsExactly("Actions", "Actions 2", "Actions 3");
            assertThat(wb.getNumberOfSheets()).isEqualTo(4);
            Sheet reviews = wb.getSheet("Reviews");
            assertThat(f.formatCellValue(reviews.getRow(0).getCell(0))).isEqualTo(MARKING);
            assertThat(reviews.getLastRowNum()).isEqualTo(1 + 20);
            Map<String, Integer> inWorkbook = new HashMap<>();
            for (String name : List.of("Actions", "Actions 2", "Actions 3")) {
                Sheet actions = wb.getSheet(name);
                assertThat(f.formatCellValue(actions.getRow(0).getCell(0))).isEqualTo(MARKING);
                assertThat(actions.getLastRowNum()).isEqualTo(1 + (name.equals("Actions 3") ? 300 : 600));
                int statusColumn = column(actions, "Status");
                for (int r = 2; r <= actions.getLastRowNum(); r++) {
                    inWorkbook.merge(f.formatCellValue(actions.getRow(r).getCell(statusColumn)), 1, Integer::sum);
                }
            }
            assertThat(inWorkbook).isEqualTo(inDatabase);
            int actionsColumn = column(reviews, "Actions");
            int total = 0;
            for (int r = 2; r <= reviews.getLastRowNum(); r++) {
                total += (int) reviews.getRow(r).getCell(actionsColumn).getNumericCellValue();
            }
            assertThat(total).isEqualTo(1500);
            assertThat(f.formatCellValue(reviews.getRow(2).getCell(column(reviews, "Review")))).isEqualTo("CSP001-DHR1");
        }
    }

    @Test
    void theReportStepTimesItsParts() {
        var report = stepContext(monthly, "report");
        for (String part : List.of(ReportService.LOADING, ReportKind.FINDINGS.id(), ReportKind.PARTNERSHIP.id(),
                ReportKind.NATIONAL_WORKBOOK.id())) {
            assertThat(report.getDouble(ReportJobConfiguration.SECONDS + part)).as(part).isPositive();
        }
    }

    private static int column(Sheet sheet, String header) {
        Row headers = sheet.getRow(1);
        for (int c = 0; c < headers.getLastCellNum(); c++) {
            if (header.equals(headers.getCell(c).getStringCellValue())) {
                return c;
            }
        }
        throw new AssertionError("no column " + header);
    }
}
