package org.dhrtracker.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.dhrtracker.reconcile.ActionStatus;
import org.dhrtracker.report.ReportData.ActionLine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BoardReportPdfTest {

    @TempDir
    Path dir;

    private final BoardReportPdf pdf = new BoardReportPdf(new JasperPdf());

    @Test
    void writesBoardReportWithMarkingOnEveryPage() throws Exception {
        ReportData data = ReportFixtures.review();
        Path file = dir.resolve("board.pdf");
        pdf.write(data, file);
        keepCopy(file);

        try (PDDocument doc = Loader.loadPDF(file.toFile())) {
            int pages = doc.getNumberOfPages();
            assertThat(pages).isGreaterThan(1);
            String text = text(doc, 1, pages);
            assertThat(text).contains(ReportFixtures.TITLE, "Nuneaton and Bedworth Safer Communities Partnership",
                    "Progress report as at 31 May 2016", "Summary", "Exceptions", "Action plan",
                    "Safer Warwickshire Partnership Board", "Warwickshire Police", ReportFixtures.NARRATIVE_END);
            for (ActionLine a : data.actions()) {
                assertThat(text).contains(a.actionRef());
            }
            for (ActionStatus s : ActionStatus.values()) {
                assertThat(text).contains(s.label() + " (" + s.rag().word() + ")");
            }
            assertThat(text).doesNotContain("null");
            for (int p = 1; p <= pages; p++) {
                String page = text(doc, p, p);
                // header and footer
                assertThat(page.split(ReportFixtures.MARKING, -1).length - 1).as("marking on page %d", p).isGreaterThanOrEqualTo(2);
                assertThat(page).contains("Page " + p + " of " + pages);
            }
            assertThat(doc.getDocumentInformation().getTitle()).contains(ReportFixtures.MARKING, ReportFixtures.TITLE);
            assertThat(doc.getDocumentCatalog().getMarkInfo()).as("tagged PDF").isNotNull();
            assertThat(doc.getDocumentCatalog().getLanguage()).isEqualToIgnoringCase("en-GB");
            String glance = text(doc, 2, 2);
            assertThat(glance).contains("At a glance", "Actions by status: Completed (Green) 1; Completion claimed (Amber) 1;",
                    "Open actions at each return date: 31 January 2015 6; 30 April 2016 5; 31 May 2016 5.");
            assertThat(text.replaceAll("\\s+", " ")).contains("Since the last report (as at 30 April 2016)", "Newly completed (0): none",
                    "Newly overdue (1): DHR1-28a-POLICE", "Slipped (target moved later) (1): DHR1-28c-CWPT",
                    "Newly claimed complete (1): DHR1-28d-WMAS");
        }
        PdfaCheck.assertCompliant(file);
    }

    @Test
    void reviewWithoutActionsStillPrintsFrontMatter() throws IOException {
        ReportData full = ReportFixtures.review();
        ReportData empty = new ReportData(full.partnership(), full.partnershipName(), full.reviewId(), full.reviewTitle(),
                full.asAt(), full.marking(), full.generatedAt(), java.util.List.of(), java.util.List.of(),
                new org.dhrtracker.reconcile.Assessor.Assessment(java.util.List.of(), java.util.List.of()),
                java.util.List.of(new ReportData.TrendPoint(full.asAt(), 0)), ReportData.SinceLast.firstReport(), java.util.Map.of(),
                java.util.List.of());
        Path file = dir.resolve("empty.pdf");
        pdf.write(empty, file);
        try (PDDocument doc = Loader.loadPDF(file.toFile())) {
            String text = text(doc, 1, doc.getNumberOfPages());
            assertThat(text).contains(ReportFixtures.MARKING, ReportFixtures.TITLE, "0 actions in the plan",
                    "None: no action is overdue or without a return.", "Page 1 of " + doc.getNumberOfPages(),
                    "First report: no earlier report of this review to compare with.");
        }
    }

    @Test
    void compiledTemplatesAreReused() throws IOException {
        ReportData data = ReportFixtures.review();
        pdf.write(data, dir.resolve("a.pdf"));
        pdf.write(data, dir.resolve("b.pdf"));
        assertThat(Files.size(dir.resolve("b.pdf"))).isPositive();
    }

    /** The text of every page, sorted by position. */
    static String text(Path pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            return text(doc, 1, doc.getNumberOfPages());
        }
    }

    /** The text of pages from..to (1-based), sorted by position: the PDF text helper of the tests. */
    static String text(PDDocument doc, int from, int to) throws IOException {
        return text(doc, from, to, true);
    }

    /**
     * The text of a page in the order its content stream writes it: text in columns side by side (the
     * charts' sentences on the at-a-glance page) stays whole instead of interleaving line by line.
     */
    static String streamText(Path pdf, int page) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            return text(doc, page, page, false);
        }
    }

    private static String text(PDDocument doc, int from, int to, boolean byPosition) throws IOException {
        PDFTextStripper stripper = new PDFTextStripper();
        stripper.setSortByPosition(byPosition);
        stripper.setStartPage(from);
        stripper.setEndPage(to);
        return stripper.getText(doc);
    }

    /** -Dreport.check.dir=/tmp/report-check keeps the PDF for a visual check. */
    static void keepCopy(Path file) throws IOException {
        String check = System.getProperty("report.check.dir");
        if (check != null) {
            Files.createDirectories(Path.of(check));
            Files.copy(file, Path.of(check).resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
