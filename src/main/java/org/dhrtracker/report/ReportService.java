package org.dhrtracker.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.dhrtracker.Home;
import org.dhrtracker.reconcile.Reconciler;
import org.dhrtracker.register.RegisterRepository;
import org.dhrtracker.register.Review;
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
    private final HomeOfficePack homeOffice;
    private final ReturnPacks returnPacks;
    private final PartnershipReportPdf partnershipReport;
    private final RegisterRepository register;
    private final Home home;

    public ReportService(ReportDataLoader loader, Reconciler reconciler, BoardReportPdf boardReport, MasterWorkbook workbook,
            FindingsCsv findingsCsv, ChaseLists chaseLists, HomeOfficePack homeOffice, ReturnPacks returnPacks,
            PartnershipReportPdf partnershipReport, RegisterRepository register, Home home) {
        this.findingsCsv = findingsCsv;
        this.chaseLists = chaseLists;
        this.loader = loader;
        this.reconciler = reconciler;
        this.boardReport = boardReport;
        this.workbook = workbook;
        this.homeOffice = homeOffice;
        this.returnPacks = returnPacks;
        this.partnershipReport = partnershipReport;
        this.register = register;
        this.home = home;
    }

    public static final String DEFAULT_OUTPUT = "out/{partnership}";

    /**
     * Writes the reports of one review and returns their paths. Reconciles first if that date was
     * never reconciled. Return packs and the partnership report are per partnership, not per review: see
     * {@link #producePartnerships}.
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
                    case HOME_OFFICE -> written.addAll(homeOffice.write(data, file));
                    case FINDINGS, RETURN_PACKS, PARTNERSHIP -> {
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
     * Writes what is produced once per partnership, for each partnership of these reviews, from all of
     * that partnership's reviews (not only those named): with {@link ReportKind#RETURN_PACKS} the
     * return pack of every agency with open actions, into &lt;output&gt;/return-packs/; with
     * {@link ReportKind#PARTNERSHIP} the partnership report. Nothing when neither kind is asked for.
     */
    public List<Path> producePartnerships(Collection<String> reviewIds, LocalDate asAt, Collection<ReportKind> kinds,
            String output) {
        boolean packs = kinds.contains(ReportKind.RETURN_PACKS);
        boolean partnershipReports = kinds.contains(ReportKind.PARTNERSHIP);
        if (!packs && !partnershipReports) {
            return List.of();
        }
        Set<String> partnerships = new LinkedHashSet<>();
        reviewIds.forEach(id -> register.review(id).map(Review::partnership).ifPresent(partnerships::add));
        List<Path> written = new ArrayList<>();
        try {
            for (String partnership : partnerships) {
                List<ReportData> reviews = new ArrayList<>();
                for (String id : register.reviewIds()) {
                    if (register.review(id).map(r -> partnership.equals(r.partnership())).orElse(false)) {
                        reviews.add(data(id, asAt));
                    }
                }
                Path dir = folder(output, partnership);
                if (packs) {
                    written.addAll(returnPacks.write(reviews, dir));
                }
                if (partnershipReports) {
                    Files.createDirectories(dir);
                    Path file = dir.resolve(ReportKind.PARTNERSHIP.fileName(safe(partnership), asAt));
                    partnershipReport.write(reviews, file);
                    written.add(file);
                }
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
    static String safe(String id) {
        return id.replaceAll("[^A-Za-z0-9._-]", "_");
    }
}
