package org.dhrtracker.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.dhrtracker.Home;
import org.dhrtracker.reconcile.Reconciler;
import org.dhrtracker.register.RegisterRepository;
import org.springframework.stereotype.Service;

/**
 * Produces the reports of a run as at a date into a folder under HOME (default out/&lt;partnership&gt;/):
 * each review's own reports, each partnership's, and the national workbook. The reviews are loaded
 * {@link #BATCH} partnerships at a time, each once, and let go once written: a national run holds
 * a few partnerships' data at a time.
 */
@Service
public class ReportService {

    public static final String DEFAULT_OUTPUT = "out/{partnership}";
    /** The folder the national workbook goes to: the output folder of a partnership of this name. */
    public static final String NATIONAL = "national";

    /** Parts of a run timed separately, as the report step records them ({@link Run#seconds()}). */
    public static final String LOADING = "report-data";
    /** The part of a run that codes the partnerships' recommendations for their reports' themes sections. */
    public static final String THEMES = "partnership-themes";

    private final ReportDataLoader loader;
    private final Reconciler reconciler;
    private final BoardReportPdf boardReport;
    private final MasterWorkbook workbook;
    private final FindingsCsv findingsCsv;
    private final ChaseLists chaseLists;
    private final HomeOfficePack homeOffice;
    private final ReturnPacks returnPacks;
    private final PartnershipReportPdf partnershipReport;
    private final NationalWorkbook nationalWorkbook;
    private final RegisterRepository register;
    private final Home home;

    public ReportService(ReportDataLoader loader, Reconciler reconciler, BoardReportPdf boardReport, MasterWorkbook workbook,
            FindingsCsv findingsCsv, ChaseLists chaseLists, HomeOfficePack homeOffice, ReturnPacks returnPacks,
            PartnershipReportPdf partnershipReport, NationalWorkbook nationalWorkbook, RegisterRepository register, Home home) {
        this.findingsCsv = findingsCsv;
        this.chaseLists = chaseLists;
        this.loader = loader;
        this.reconciler = reconciler;
        this.boardReport = boardReport;
        this.workbook = workbook;
        this.homeOffice = homeOffice;
        this.returnPacks = returnPacks;
        this.partnershipReport = partnershipReport;
        this.nationalWorkbook = nationalWorkbook;
        this.register = register;
        this.home = home;
    }

    /**
     * What a run wrote, and how long its parts took.
     *
     * @param seconds seconds spent on each part: {@link #LOADING} (the reports' data from the database), and each
     *        report kind's id (writing that kind)
     * @param cpuSeconds the CPU time of the run's thread on each part
     */
    /** Partnerships loaded and written together (about 110 reviews; the national month at ten times the country peaked at 423 MB of heap). */
    static final int BATCH = 16;

    public record Run(List<Path> files, Map<String, Double> seconds, Map<String, Double> cpuSeconds) {
    }

    /**
     * Writes the reports of the reviews: for each review the findings and the kinds asked for that are
     * per review; for each partnership of those reviews the return packs and the partnership report,
     * from all of that partnership's reviews (not only those named); and the national workbook of the
     * reviews named. Reconciles a review first if that date was never reconciled.
     *
     * @param output folder under HOME; {partnership} is replaced by each review's partnership
     */
    public Run produce(List<String> reviewIds, LocalDate asAt, Collection<ReportKind> kinds, String output) {
        Timer timer = new Timer();
        List<Path> written = new ArrayList<>();
        Map<String, String> partnershipOf = register.partnerships();
        Set<String> named = new LinkedHashSet<>(reviewIds);
        Map<String, List<String>> runPartnerships = new LinkedHashMap<>();
        for (String id : reviewIds) {
            if (!partnershipOf.containsKey(id)) {
                throw new IllegalArgumentException("unknown review '" + id + "'");
            }
            runPartnerships.computeIfAbsent(partnershipOf.get(id), p -> new ArrayList<>());
        }
        boolean wholePartnerships = kinds.contains(ReportKind.RETURN_PACKS) || kinds.contains(ReportKind.PARTNERSHIP);
        partnershipOf.forEach((id, partnership) -> {
            if (runPartnerships.containsKey(partnership) && (wholePartnerships || named.contains(id))) {
                runPartnerships.get(partnership).add(id);
            }
        });
        boolean withHistory = kinds.contains(ReportKind.BOARD_PDF) || kinds.contains(ReportKind.WORKBOOK);
        Set<String> reconciled = reconciler.reconciledReviews(asAt);

        // Partnerships a batch at a time: their reviews loaded once, their reports and the partnerships' written,
        // then handed on (the run's own reviews) to the national workbook, if there is one, or let go. Each kind
        // of work is done for the whole batch in turn (the report data ran a little faster so than interleaved
        // partnership by partnership), and a batch of reviews is still little memory.
        List<Map.Entry<String, List<String>>> partnerships = new ArrayList<>(runPartnerships.entrySet());
        Stream<ReportData> reviews = java.util.stream.IntStream.range(0, (partnerships.size() + BATCH - 1) / BATCH).boxed().flatMap(b -> {
            Map<String, List<ReportData>> batch = new LinkedHashMap<>();
            timer.time(LOADING, () -> {
                for (Map.Entry<String, List<String>> p : partnerships.subList(b * BATCH, Math.min(partnerships.size(), (b + 1) * BATCH))) {
                    List<ReportData> data = new ArrayList<>();
                    for (String id : p.getValue()) {
                        if (!reconciled.contains(id)) {
                            reconciler.reconcile(id, asAt);
                        }
                        data.add(loader.load(id, asAt, withHistory));
                    }
                    batch.put(p.getKey(), data);
                }
            });
            batch.values().stream().flatMap(List::stream).filter(review -> named.contains(review.reviewId()))
                    .forEach(review -> written.addAll(produceReview(review, kinds, output, timer)));
            // The batch's themes sections first, timed as a part of their own: the coding's reads beside
            // Jasper's fill and export, which the partnership report's part is.
            Map<String, String> themes = new java.util.HashMap<>();
            if (kinds.contains(ReportKind.PARTNERSHIP)) {
                timer.time(THEMES, () -> batch.forEach((partnership, data) -> {
                    if (!data.isEmpty()) {
                        themes.put(partnership, partnershipReport.themesText(data));
                    }
                }));
            }
            batch.forEach((partnership, data) -> written.addAll(producePartnership(partnership, data, themes.get(partnership), asAt, kinds,
                    output, timer)));
            return batch.values().stream().flatMap(List::stream).filter(d -> named.contains(d.reviewId()));
        });
        if (kinds.contains(ReportKind.NATIONAL_WORKBOOK)) {
            Path file = folder(output, NATIONAL).resolve(ReportKind.NATIONAL_WORKBOOK.fileName(NATIONAL, asAt));
            timer.timeLessNested(ReportKind.NATIONAL_WORKBOOK.id(), () -> {
                try {
                    Files.createDirectories(file.getParent());
                    nationalWorkbook.write(reviews::iterator, asAt, file);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            written.add(file);
        } else {
            reviews.forEach(r -> {
            });
        }
        return new Run(written, timer.seconds(false), timer.seconds(true));
    }

    /** The findings of a review, and the kinds asked for that are per review. */
    private List<Path> produceReview(ReportData data, Collection<ReportKind> kinds, String output, Timer timer) {
        Path dir = folder(output, data.partnership());
        String reviewId = safe(data.reviewId());
        List<Path> written = new ArrayList<>();
        try {
            Files.createDirectories(dir);
            // The findings are written by every run, whatever else it produces.
            Path findings = dir.resolve(ReportKind.FINDINGS.fileName(reviewId, data.asAt()));
            timer.timeIo(ReportKind.FINDINGS.id(), () -> findingsCsv.write(data, findings));
            written.add(findings);
            for (ReportKind kind : kinds) {
                Path file = dir.resolve(kind.fileName(reviewId, data.asAt()));
                switch (kind) {
                    case BOARD_PDF -> timer.timeIo(kind.id(), () -> boardReport.write(data, file));
                    case WORKBOOK -> timer.timeIo(kind.id(), () -> workbook.write(data, file));
                    case CHASE_LISTS -> timer.timeIo(kind.id(), () -> written.addAll(chaseLists.write(data, dir.resolve("chase"))));
                    case HOME_OFFICE -> timer.timeIo(kind.id(), () -> written.addAll(homeOffice.write(data, file)));
                    case FINDINGS, RETURN_PACKS, PARTNERSHIP, NATIONAL_WORKBOOK -> {
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
     * What is produced once per partnership, from all of its reviews: with {@link ReportKind#RETURN_PACKS} the
     * return pack of every agency with open actions, into &lt;output&gt;/return-packs/; with
     * {@link ReportKind#PARTNERSHIP} the partnership report.
     */
    private List<Path> producePartnership(String partnership, List<ReportData> reviews, String themesText, LocalDate asAt,
            Collection<ReportKind> kinds, String output, Timer timer) {
        List<Path> written = new ArrayList<>();
        if (reviews.isEmpty()) {
            return written;
        }
        Path dir = folder(output, partnership);
        if (kinds.contains(ReportKind.RETURN_PACKS)) {
            timer.timeIo(ReportKind.RETURN_PACKS.id(), () -> written.addAll(returnPacks.write(reviews, dir)));
        }
        if (kinds.contains(ReportKind.PARTNERSHIP)) {
            Path file = dir.resolve(ReportKind.PARTNERSHIP.fileName(safe(partnership), asAt));
            timer.timeIo(ReportKind.PARTNERSHIP.id(), () -> {
                Files.createDirectories(dir);
                partnershipReport.write(reviews, themesText, file);
            });
            written.add(file);
        }
        return written;
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

    /**
     * Seconds spent on each part of a run, on the clock and in CPU time of the thread; a part may run
     * inside another and is then not counted twice.
     */
    private static final class Timer {
        private static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory.getThreadMXBean();

        /** Clock and CPU nanoseconds of each part. */
        private final Map<String, long[]> nanos = new LinkedHashMap<>();
        private final long[] nested = new long[2];

        interface IoWork {
            void run() throws IOException;
        }

        private static long[] now() {
            return new long[] {System.nanoTime(), THREADS.getCurrentThreadCpuTime()};
        }

        void time(String part, Runnable work) {
            long[] start = now();
            try {
                work.run();
            } finally {
                long[] end = now();
                for (int i = 0; i < 2; i++) {
                    long spent = end[i] - start[i];
                    nanos.computeIfAbsent(part, p -> new long[2])[i] += spent;
                    nested[i] += spent;
                }
            }
        }

        void timeIo(String part, IoWork work) {
            time(part, () -> {
                try {
                    work.run();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }

        /** Times work that runs the other parts inside it (the national workbook pulls the partnerships through). */
        void timeLessNested(String part, Runnable work) {
            long[] before = nested.clone();
            long[] start = now();
            work.run();
            long[] end = now();
            for (int i = 0; i < 2; i++) {
                nanos.computeIfAbsent(part, p -> new long[2])[i] += end[i] - start[i] - (nested[i] - before[i]);
            }
        }

        Map<String, Double> seconds(boolean cpu) {
            Map<String, Double> seconds = new LinkedHashMap<>();
            nanos.forEach((part, n) -> seconds.put(part, n[cpu ? 1 : 0] / 1e9));
            return seconds;
        }
    }
}
