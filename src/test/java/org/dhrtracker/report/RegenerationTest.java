package org.dhrtracker.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.dhrtracker.BatchConfiguration;
import org.dhrtracker.JobTestSupport;
import org.dhrtracker.reconcile.ReconcileJobConfiguration;
import org.dhrtracker.schedule.MonthlyJobConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.ExitStatus;

/**
 * Last quarter's board report can be produced again and says exactly what it said: returns and
 * decisions that came later do not change a past as-at date (the generation time aside).
 */
class RegenerationTest extends JobTestSupport {

    private static final LocalDate MARCH_2015 = LocalDate.of(2015, 3, 31);

    @Test
    void aReportRegeneratedForAPastDateHasTheSameContent() throws Exception {
        resetHome();
        assertThat(importRegister(DEMO_REGISTER).getExitStatus()).isEqualTo(ExitStatus.COMPLETED);
        dropDemoReturns("2014-", "2015-");
        assertThat(monthly(MARCH_2015).getExitStatus()).isEqualTo(ExitStatus.COMPLETED);
        Map<String, String> first = contents(MARCH_2015);
        // The demo's March 2015 run shows the board several kinds of finding.
        assertThat(first.get("DHR1-findings-2015-03-31.csv").lines().skip(2).map(l -> l.substring(0, l.indexOf(','))).distinct())
                .contains("OVERDUE", "NO_RETURN", "DUE_SOON", "STALE", "TARGET_SLIPPED", "PARTLY_COMPLETE", "CLAIM_PENDING");

        dropDemoReturns("2016-");
        assertThat(monthly(LocalDate.of(2016, 5, 31)).getExitStatus()).isEqualTo(ExitStatus.COMPLETED);
        // Reconcile the past date afresh from the stored updates, then report it again.
        assertThat(run(ReconcileJobConfiguration.JOB, params(MARCH_2015)).getExitStatus()).isEqualTo(ExitStatus.COMPLETED);
        assertThat(monthly(MARCH_2015).getExitStatus()).isEqualTo(ExitStatus.COMPLETED);
        Map<String, String> again = contents(MARCH_2015);

        assertThat(again.keySet()).isEqualTo(first.keySet());
        for (String part : first.keySet()) {
            assertThat(again.get(part)).as(part).isEqualTo(first.get(part));
        }
        // And the later returns did reach the database: the comparison is not of an unchanged database.
        assertThat(count("SELECT COUNT(*) FROM progress_update u JOIN return_part p ON p.part_id = u.part_id WHERE p.as_at > ?", MARCH_2015)).isPositive();
    }

    private org.springframework.batch.core.job.JobExecution monthly(LocalDate asAt) throws Exception {
        return run(MonthlyJobConfiguration.JOB, params(asAt).addString(ReportJobConfiguration.REPORTS, "board-pdf,workbook,chase-lists")
                .addString(ReportJobConfiguration.OUTPUT, "out/{partnership}").addString(BatchConfiguration.REVIEW, "DHR1"));
    }

    /** Every output of the date as text: PDF text without its generation line, every workbook cell, every CSV. */
    private Map<String, String> contents(LocalDate asAt) throws IOException {
        Map<String, String> parts = new TreeMap<>();
        Path dir = home.out().resolve("NABSCOP");
        try (PDDocument doc = Loader.loadPDF(dir.resolve("DHR1-board-report-" + asAt + ".pdf").toFile())) {
            parts.put("pdf", String.join("\n", new PDFTextStripper().getText(doc).lines()
                    .filter(l -> !l.startsWith("Generated ")).toList()));
        }
        DataFormatter f = new DataFormatter(Locale.ROOT);
        try (Workbook wb = WorkbookFactory.create(dir.resolve("DHR1-master-workbook-" + asAt + ".xlsx").toFile(), null, true)) {
            for (Sheet sheet : wb) {
                List<String> cells = new ArrayList<>();
                for (Row row : sheet) {
                    for (Cell cell : row) {
                        cells.add(cell.getAddress() + "=" + f.formatCellValue(cell));
                    }
                }
                parts.put("sheet " + sheet.getSheetName(), String.join("\n", cells));
            }
        }
        try (Stream<Path> csvs = Stream.concat(Files.list(dir), Files.list(dir.resolve("chase")))) {
            for (Path csv : csvs.filter(p -> p.toString().endsWith("-" + asAt + ".csv")).toList()) {
                parts.put(csv.getFileName().toString(), Files.readString(csv));
            }
        }
        assertThat(parts).containsKeys("pdf", "sheet Findings", "DHR1-findings-" + asAt + ".csv");
        return parts;
    }
}
