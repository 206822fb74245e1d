package org.dhrtracker.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.dhrtracker.Home;
import org.dhrtracker.reconcile.Reconciler;
import org.springframework.jdbc.core.JdbcTemplate;
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
    private final PartnershipReportPdf partnershipReport;
    private final JdbcTemplate jdbc;

    public ReportService(ReportDataLoader loader, Reconciler reconciler, BoardReportPdf boardReport, MasterWorkbook workbook,
            FindingsCsv findingsCsv, ChaseLists chaseLists, Home home, PartnershipReportPdf partnershipReport, JdbcTemplate jdbc) {
        this.partnershipReport = partnershipReport;
        this.jdbc = jdbc;
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
        ReportData data = data(reviewId, asAt);
        Path dir = folder(output, data.partnership());
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
                    case FINDINGS, PARTNERSHIP -> {
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

    /**
     * With {@link ReportKind#PARTNERSHIP} among the kinds, writes the partnership report of each
     * partnership of the reviews, covering all of that partnership's reviews; else nothing.
     */
    public List<Path> producePartnerships(List<String> reviewIds, LocalDate asAt, Collection<ReportKind> kinds, String output) {
        if (!kinds.contains(ReportKind.PARTNERSHIP) || reviewIds.isEmpty()) {
            return List.of();
        }
        Set<String> partnerships = new TreeSet<>();
        reviewIds.forEach(id -> partnerships.add(jdbc.queryForObject("SELECT partnership FROM review WHERE review_id = ?",
                String.class, id)));
        List<Path> written = new ArrayList<>();
        try {
            for (String partnership : partnerships) {
                List<ReportData> reviews = jdbc.queryForList("SELECT review_id FROM review WHERE partnership = ? ORDER BY review_id",
                        String.class, partnership).stream().map(id -> data(id, asAt)).toList();
                Path dir = folder(output, partnership);
                Files.createDirectories(dir);
                Path file = dir.resolve(ReportKind.PARTNERSHIP.fileName(safe(partnership), asAt));
                partnershipReport.write(reviews, file);
                written.add(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return written;
    }

    /** Reconciles first if that date was never reconciled. */
    private ReportData data(String reviewId, LocalDate asAt) {
        if (!reconciler.isReconciled(reviewId, asAt)) {
            reconciler.reconcile(reviewId, asAt);
        }
        return loader.load(reviewId, asAt);
    }

    private Path folder(String output, String partnership) {
        Path dir = home.root().resolve(output.replace("{partnership}", safe(partnership))).normalize();
        if (!dir.startsWith(home.root())) {
            throw new IllegalArgumentException("output folder " + output + " is outside HOME");
        }
        return dir;
    }

    /** Identifiers become file names: nothing that could climb out of the folder. */
    private static String safe(String id) {
        return id.replaceAll("[^A-Za-z0-9._-]", "_");
    }
}
