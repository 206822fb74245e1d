package org.dhrtracker.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.dhrtracker.Home;
import org.dhrtracker.reconcile.Reconciler;
import org.springframework.stereotype.Service;

/** Produces the reports of a review as at a date into a folder under HOME (default out/&lt;partnership&gt;/). */
@Service
public class ReportService {

    private final ReportDataLoader loader;
    private final Reconciler reconciler;
    private final BoardReportPdf boardReport;
    private final MasterWorkbook workbook;
    private final FindingsCsv findingsCsv;
    private final ChaseLists chaseLists;
    private final Home home;

    public ReportService(ReportDataLoader loader, Reconciler reconciler, BoardReportPdf boardReport, MasterWorkbook workbook,
            FindingsCsv findingsCsv, ChaseLists chaseLists, Home home) {
        this.findingsCsv = findingsCsv;
        this.chaseLists = chaseLists;
        this.loader = loader;
        this.reconciler = reconciler;
        this.boardReport = boardReport;
        this.workbook = workbook;
        this.home = home;
    }

    public static final String DEFAULT_OUTPUT = "out/{partnership}";

    /**
     * Writes the reports and returns their paths. Reconciles first if that date was never reconciled.
     *
     * @param output folder under HOME; {partnership} is replaced by the review's partnership
     */
    public List<Path> produce(String reviewId, LocalDate asAt, Collection<ReportKind> kinds, String output) {
        if (!reconciler.isReconciled(reviewId, asAt)) {
            reconciler.reconcile(reviewId, asAt);
        }
        ReportData data = loader.load(reviewId, asAt);
        Path dir = home.root().resolve(output.replace("{partnership}", safe(data.partnership()))).normalize();
        if (!dir.startsWith(home.root())) {
            throw new IllegalArgumentException("output folder " + output + " is outside HOME");
        }
        List<Path> written = new ArrayList<>();
        try {
            Files.createDirectories(dir);
            // The findings are written by every run, whatever else it produces.
            Path findings = dir.resolve(ReportKind.FINDINGS.fileName(safe(reviewId), asAt));
            findingsCsv.write(data, findings);
            written.add(findings);
            for (ReportKind kind : kinds) {
                Path file = dir.resolve(kind.fileName(safe(reviewId), asAt));
                switch (kind) {
                    case BOARD_PDF -> boardReport.write(data, file);
                    case WORKBOOK -> workbook.write(data, file);
                    case CHASE_LISTS -> written.addAll(chaseLists.write(data, dir.resolve("chase")));
                    case FINDINGS -> {
                    }
                }
                if (kind == ReportKind.BOARD_PDF || kind == ReportKind.WORKBOOK) {
                    written.add(file);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return written;
    }

    /** Identifiers become file names: nothing that could climb out of the folder. */
    private static String safe(String id) {
        return id.replaceAll("[^A-Za-z0-9._-]", "_");
    }
}
