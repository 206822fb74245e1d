package org.dhrtracker.themes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.dhrtracker.JobTestSupport;
import org.dhrtracker.intake.IngestReturnsJobConfiguration;
import org.dhrtracker.reconcile.ReconcileJobConfiguration;
import org.dhrtracker.report.PdfaCheck;
import org.dhrtracker.report.ReportJobConfiguration;
import org.dhrtracker.schedule.MonthlyJobConfiguration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;

/**
 * The master workbook's theme sheets and the partnership report's themes after real runs: DHR1 (demo register and returns) and a small
 * DHR2 of the same partnership, reconciled as at 31 May 2015 and reported as at 31 May 2016;
 * read back with POI and checked against counts worked out apart from the tagger (the hand reading
 * of DHR1 and the statuses in the database).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ThemeSheetsTest extends JobTestSupport {

    private static final LocalDate EARLIER = LocalDate.of(2015, 5, 31);
    private static final LocalDate AS_AT = LocalDate.of(2016, 5, 31);
    /** DHR1's recommendations with PP-MARAC in the hand reading (dhr1-hand-reading.csv). */
    private static final List<String> MARAC_BY_HAND = List.of("2", "8", "9", "10", "11", "31", "34");

    private Workbook workbook;

    @BeforeAll
    void runs() throws Exception {
        resetHome();
        assertThat(importRegister(Path.of("data/register/DHR1-register.csv")).getExitStatus()).isEqualTo(ExitStatus.COMPLETED);
        Path dhr2 = Files.createTempFile(home.root(), "DHR2-register", ".csv");
        Files.writeString(dhr2, """
                Review,Partnership,Partnership name,Review title,Recommendation,Source,Owning body,Scope,Recommendation text,Action ref,Agency,Agency name,Action,Evidence of achievement,Implementation lead,Target date,Due date
                DHR2,NABSCOP,Nuneaton and Bedworth Safer Communities Partnership,Adult B,1,Overview,CCG,Local,GP practices to refer high risk victims to the MARAC,1a,CCG,Warwickshire North Clinical Commissioning Group,Circulate MARAC referral guidance,Guidance,Safeguarding Lead,Dec 2016,
                """);
        assertThat(importRegister(dhr2).getExitStatus()).isEqualTo(ExitStatus.COMPLETED);
        dropDemoReturns("2014-", "2015-", "2016-");
        assertThat(run(IngestReturnsJobConfiguration.JOB, params()).getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(run(ReconcileJobConfiguration.JOB, params(EARLIER)).getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(run(MonthlyJobConfiguration.JOB, params(AS_AT).addString(ReportJobConfiguration.REPORTS, "workbook,partnership-report")
                .addString(ReportJobConfiguration.OUTPUT, "out/{partnership}")).getExitStatus()).isEqualTo(ExitStatus.COMPLETED);
        try (InputStream in = Files.newInputStream(home.out().resolve("NABSCOP/DHR1-master-workbook-2016-05-31.xlsx"))) {
            workbook = WorkbookFactory.create(in);
        }
    }

    @Test
    void themesSheetIsTheMatrixOfThePartnershipsReviews() {
        Sheet s = workbook.getSheet("Themes");
        assertThat(text(s.getRow(0), 0)).isEqualTo("OFFICIAL-SENSITIVE");
        assertThat(cells(s.getRow(1))).containsExactly("Area", "Code", "Theme", "DHR1", "DHR2", "All reviews");
        assertThat(cells(row(s, "PP-MARAC"))).containsExactly("Process & Policy", "PP-MARAC", "Use of MARACs", "7", "1", "8");
        assertThat(cells(row(s, "HI-GP"))).containsExactly("Health Issues", "HI-GP", "Issues related to GPs", "6", "1", "7");
        assertThat(cells(row(s, "HI-NEW-MOTHERS")).subList(3, 6)).containsExactly("0", "0", "0");
        assertThat(s.getLastRowNum()).isEqualTo(1 + 21);
    }

    @Test
    void themesOverTimeCountsOpenRecommendationsAtEachReconciledDate() {
        Sheet s = workbook.getSheet("Themes over time");
        assertThat(cells(s.getRow(1))).containsExactly("Code", "Theme", "Open 2015-05-31", "Open 2016-05-31");
        List<String> marac = cells(row(s, 0, "PP-MARAC"));
        assertThat(marac.get(2)).isEqualTo(Integer.toString(openMaracRecommendations(EARLIER) + dhr2Open(EARLIER)));
        assertThat(marac.get(3)).isEqualTo(Integer.toString(openMaracRecommendations(AS_AT) + dhr2Open(AS_AT)));
    }

    @Test
    void recommendationThemesListTheReviewsOwn() {
        Sheet s = workbook.getSheet("Recommendation themes");
        assertThat(s.getLastRowNum()).isEqualTo(1 + 37);
        assertThat(cells(row(s, 1, "16"))).containsExactly("Warwickshire Police", "16", "PP-POLICE, TL-DASH", "No");
        assertThat(cells(row(s, 1, "6"))).containsExactly("Safer Warwickshire Partnership Board", "6", "(none)", "No");
    }

    @Test
    void partnershipReportHasTheThemesOfItsReviews() throws Exception {
        Path pdf = home.out().resolve("NABSCOP/NABSCOP-partnership-report-2016-05-31.pdf");
        PdfaCheck.assertCompliant(pdf);
        String text;
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            text = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
        }
        assertThat(text).contains("Themes across the partnership's reviews",
                "Process & Policy - Use of MARACs: DHR1 7, DHR2 1. Open: " + (openMaracRecommendations(EARLIER) + dhr2Open(EARLIER))
                        + " at 31 May 2015, " + (openMaracRecommendations(AS_AT) + dhr2Open(AS_AT)) + " at 31 May 2016",
                "Health Issues - Issues related to GPs: DHR1 6, DHR2 1.",
                "Recommendations no theme tags (7): DHR1 6, DHR1 20, DHR1 22, DHR1 25, DHR1 28, DHR1 33, DHR1 35.")
                .doesNotContain("Failure to ask new mothers about domestic violence:");
        assertThat(text).containsPattern("No recommendation on: [^.]*Failure to ask new mothers about domestic violence");
    }

    /** DHR1's hand-read MARAC recommendations with an action not Completed as at the date, from the statuses stored. */
    private int openMaracRecommendations(LocalDate asAt) {
        return db.queryForObject("""
                SELECT COUNT(DISTINCT r.number) FROM recommendation r JOIN action a ON a.recommendation_id = r.recommendation_id
                JOIN action_status s ON s.action_id = a.action_id AND s.as_at = ?
                WHERE r.review_id = 'DHR1' AND s.status <> 'COMPLETED' AND r.number IN (%s)"""
                .formatted(String.join(",", MARAC_BY_HAND.stream().map(n -> "'" + n + "'").toList())), Integer.class, asAt);
    }

    private int dhr2Open(LocalDate asAt) {
        return db.queryForObject("""
                SELECT COUNT(*) FROM action_status s JOIN action a ON a.action_id = s.action_id
                WHERE a.review_id = 'DHR2' AND s.as_at = ? AND s.status <> 'COMPLETED'""", Integer.class, asAt) > 0 ? 1 : 0;
    }

    private static Row row(Sheet s, String code) {
        return row(s, 1, code);
    }

    private static Row row(Sheet s, int column, String value) {
        for (int r = 2; r <= s.getLastRowNum(); r++) {
            if (value.equals(text(s.getRow(r), column))) {
                return s.getRow(r);
            }
        }
        throw new AssertionError("no row with " + value);
    }

    private static List<String> cells(Row row) {
        List<String> cells = new ArrayList<>();
        for (int c = 0; c < row.getLastCellNum(); c++) {
            cells.add(text(row, c));
        }
        return cells;
    }

    private static String text(Row row, int c) {
        return new DataFormatter().formatCellValue(row.getCell(c));
    }
}
