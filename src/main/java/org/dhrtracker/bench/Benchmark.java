package org.dhrtracker.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.dhrtracker.BatchConfiguration;
import org.dhrtracker.DatabaseVendor;
import org.dhrtracker.DhrTrackerApplication;
import org.dhrtracker.intake.IngestReturnsJobConfiguration;
import org.dhrtracker.intake.InboxFileWriter;
import org.dhrtracker.reconcile.ReconcileJobConfiguration;
import org.dhrtracker.register.ImportRegisterJobConfiguration;
import org.dhrtracker.report.ReportJobConfiguration;
import org.dhrtracker.report.ReportKind;
import org.dhrtracker.report.PartnershipReportPdf;
import org.dhrtracker.report.ReportService;
import org.dhrtracker.themes.CodeThemesStepConfiguration;
import org.dhrtracker.schedule.JobDefinition;
import org.dhrtracker.schedule.MonthlyJobConfiguration;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The national benchmark: generates the national data set ({@link NationalData}) at a scale, loads
 * its registers and its earlier month of returns, then times the monthly run of the last month in
 * this process: ingest of every return, reconcile, the partnership reports and the national workbook.
 * Then, on the same data and in the same process, the floor of each stage: what the libraries alone
 * take to do the stage's raw work ({@link Floors}). Prints each time, rows per second, the peak heap
 * and the ratio of pipeline to floor.
 */
public final class Benchmark {

    /** The as-at date of the month measured: fixed, so every run generates the same data. */
    public static final LocalDate AS_AT = LocalDate.of(2025, 3, 31);
    /** Months of returns unless told: the earlier one is loaded before the measured one, so the run has history. */
    public static final int MONTHS = 2;
    public static final long SEED = 20250331L;
    /** How many times the warm-up writes the earlier month's reports before the month. */
    static final int WARM_UP_PASSES = 2;
    /** What the national monthly run produces. */
    static final List<ReportKind> REPORTS = List.of(ReportKind.PARTNERSHIP, ReportKind.NATIONAL_WORKBOOK);
    /** The monthly job as a national service defines it: every review, the partnership reports and the national workbook. */
    public static final JobDefinition NATIONAL = new JobDefinition("national", MonthlyJobConfiguration.JOB, "0 0 7 1W * *",
            JobDefinition.AsAtRule.END_OF_PREVIOUS_MONTH, List.of(), REPORTS, ReportService.DEFAULT_OUTPUT, List.of(), null);

    private final double scale;
    private final int months;
    private final Path home;
    private final PrintStream out;
    private ProcessWatch watch;

    /** @param months months of returns: the last one is measured, the earlier ones are loaded before it as its history */
    public Benchmark(double scale, int months, Path home, PrintStream out) {
        this.scale = scale;
        this.months = months;
        this.home = home.toAbsolutePath().normalize();
        this.out = out;
    }

    public int run() throws Exception {
        if (Files.isDirectory(home)) {
            try (Stream<Path> files = Files.list(home)) {
                if (files.findAny().isPresent()) {
                    out.println("benchmark: " + home + " is not empty; give --home a new or empty folder.");
                    return 64;
                }
            }
        }
        NationalData data = new NationalData(NationalData.Shape.national(scale, months, AS_AT, SEED));
        NationalData.Shape shape = data.shape();
        printMachine(shape);
        Path generated = home.resolve("generated");
        Files.createDirectories(generated.resolve("register"));
        long t0 = System.nanoTime();
        List<Path> registers = data.writeRegisters(generated.resolve("register"));
        Map<LocalDate, List<Path>> returns = new LinkedHashMap<>();
        for (LocalDate month : shape.returnDates()) {
            Path dir = Files.createDirectories(generated.resolve("returns").resolve(month.toString()));
            returns.put(month, data.writeReturns(dir, month));
        }
        out.printf("Generated %d register files and %d return files in %.1f s%n", registers.size(),
                returns.values().stream().mapToInt(List::size).sum(), seconds(t0));

        try (ProcessWatch watch = new ProcessWatch();
                ConfigurableApplicationContext context = new SpringApplication(DhrTrackerApplication.class)
                        .run("--dhr.home=" + home, "--logging.level.org.dhrtracker=WARN")) {
            this.watch = watch;
            // Its floors work on a copy of the database's files.
            if (context.getBean(org.springframework.jdbc.core.JdbcTemplate.class)
                    .execute((org.springframework.jdbc.core.ConnectionCallback<DatabaseVendor>) DatabaseVendor::of) != DatabaseVendor.HSQLDB) {
                out.println("benchmark: runs on the embedded HSQLDB database only, not with the postgres profile.");
                return 1;
            }
            Runner runner = new Runner(context);
            // Setup, not measured: the registers, and the earlier months ingested and reconciled.
            long t = System.nanoTime();
            for (Path register : registers) {
                runner.check(runner.run(ImportRegisterJobConfiguration.JOB,
                        runner.params().addString(BatchConfiguration.FILE, register.toString())));
            }
            out.printf("Setup: registers imported (%d actions) in %.1f s%n", shape.actions(), seconds(t));
            LocalDate measured = AS_AT;
            for (Map.Entry<LocalDate, List<Path>> month : returns.entrySet()) {
                if (month.getKey().equals(measured)) {
                    continue;
                }
                t = System.nanoTime();
                drop(month.getValue());
                runner.check(runner.run(IngestReturnsJobConfiguration.JOB, runner.params()));
                runner.check(runner.run(ReconcileJobConfiguration.JOB, runner.params().addLocalDate(BatchConfiguration.AS_AT, month.getKey())));
                out.printf("Setup: returns as at %s ingested and reconciled in %.1f s%n", month.getKey(), seconds(t));
            }
            // The floors run after the month, in a process whose code is compiled by then. So that the month's is too, the
            // process first writes the earlier month's reports, every partnership's, as serve did in the months before:
            // Jasper's code kept getting faster over several hundred reports, and one partnership's left the month paying
            // for it. Twice: the floors come after the warm-up and the month, two passes of the same code, and after one
            // pass the month's reports still ran slower than the same job run again after the floors (docs/BENCHMARKS.md).
            t = System.nanoTime();
            LocalDate earlier = shape.returnDates().get(shape.months() - 2);
            for (int pass = 0; pass < WARM_UP_PASSES; pass++) {
                runner.check(runner.run(ReportJobConfiguration.JOB, runner.params()
                        .addLocalDate(BatchConfiguration.AS_AT, earlier)
                        .addString(ReportJobConfiguration.REPORTS, REPORTS.stream().map(ReportKind::id).collect(Collectors.joining(",")))
                        .addString(ReportJobConfiguration.OUTPUT, "warm-up")));
            }
            out.printf("Setup: warm-up, the reports as at %s (%d partnership reports and the national workbook) written %d times, in %.1f s%n",
                    earlier, shape.partnerships(), WARM_UP_PASSES, seconds(t));
            // The floors' database: a copy of this one as it is before the month.
            Path snapshot = snapshot(context, home.resolve("floors").resolve("database"));
            drop(returns.get(measured));

            // The measured month: the monthly job as a national definition runs it.
            System.gc();
            long started = System.currentTimeMillis();
            JobExecution monthly = runner.run(MonthlyJobConfiguration.JOB,
                    MonthlyJobConfiguration.parameters(runner.params(), NATIONAL, measured, null));
            long ended = System.currentTimeMillis();
            runner.check(monthly);
            out.printf("Monthly run as at %s (ingest, reconcile, %s): %.1f s, CPU of all threads %.1f s, peak heap %s, after GC %s (max heap %s)%n",
                    measured, REPORTS.stream().map(ReportKind::id).collect(Collectors.joining(", ")), (ended - started) / 1000.0,
                    watch.cpuSeconds(started, ended), mb(watch.peak(started, ended)), mb(watch.peakLive(started, ended)),
                    mb(ProcessWatch.max()));

            // The floors, on the same data in the same process.
            Floors floors = new Floors(Files.createDirectories(home.resolve("floors")), hsqldbSettings(context));
            List<Path> monthFiles = returns.get(measured);
            Floors.Measured parse = floors.csvParse(monthFiles);
            List<Path> variants = SCHEMA_VARIANTS ? copies(snapshot, SchemaVariant.values().length) : List.of();
            Floors.Measured insert;
            Floors.Measured reconcile;
            List<String> reviews = java.util.stream.IntStream.range(0, shape.reviews()).mapToObj(data::reviewId).toList();
            try (java.sql.Connection copy = floors.open(snapshot)) {
                insert = floors.jdbcInsert(copy, monthFiles);
                reconcile = floors.reconcile(copy, measured, reviews);
                // Not shut down: HSQLDB's SHUTDOWN can deadlock with the checkpoint its timer starts after a large log.
            }
            Floors.Measured reportData = floors.reportData(context.getBean(javax.sql.DataSource.class), measured, reviews);
            Floors.Measured jasper = floors.jasper(data, context.getBean(PartnershipReportPdf.class),
                    context.getEnvironment().getProperty("dhr.marking"), measured);
            Floors.Measured generation = floors.generation(data);
            Floors.Measured sxssf = floors.sxssf(data, measured);

            List<Stage> stages = stages(monthly, watch, List.of(
                    new Floor("parse + insert", parse.rows(), parse.seconds() + insert.seconds(),
                            watch.threadCpuSeconds(parse.from(), parse.to()) + insert.cpuSeconds()),
                    floor("read + insert", reconcile),
                    floor("read", reportData),
                    floor("fill + export", jasper),
                    new Floor("SXSSF", sxssf.rows(), sxssf.seconds() - generation.seconds(),
                            watch.threadCpuSeconds(sxssf.from(), sxssf.to()) - watch.threadCpuSeconds(generation.from(), generation.to()))));
            print(stages, (ended - started) / 1000.0, watch.threadCpuSeconds(started, ended));
            out.println("The code-themes step, and the report step's parts: " + parts);
            out.printf("Floors: CSV parse %.2f s (%s rows/s), JDBC insert %.2f s (%s rows/s), generating the workbook's rows %.2f s (taken off SXSSF)%n",
                    parse.seconds(), perSecond(parse.rows(), parse.seconds()), insert.seconds(), perSecond(insert.rows(), insert.seconds()),
                    generation.seconds());
            for (int v = 0; v < variants.size(); v++) {
                SchemaVariant variant = SchemaVariant.values()[v];
                try (java.sql.Connection copy = floors.open(variants.get(v))) {
                    variant.apply(copy);
                    Floors.Measured m = floors.jdbcInsert(copy, monthFiles);
                    out.printf("JDBC insert %s: %.2f s, CPU %.2f s (%s rows/s)%n", variant.what, m.seconds(), m.cpuSeconds(),
                            perSecond(m.rows(), m.seconds()));
                }
            }
        }
        return 0;
    }

    /**
     * With -Ddhr.bench.schema-variants=true the insert floor is run again on a copy of the database
     * with progress_update's foreign key on part_id (and the index HSQLDB makes for it), as the schema
     * was before the parts kept the ranges of their updates' ids: what the ranges save the intake,
     * measured in the same process.
     */
    static final boolean SCHEMA_VARIANTS = Boolean.getBoolean("dhr.bench.schema-variants");

    enum SchemaVariant {
        PART_KEY("with the foreign key on part_id, as before the ranges");

        final String what;

        SchemaVariant(String what) {
            this.what = what;
        }

        void apply(java.sql.Connection c) throws java.sql.SQLException {
            try (java.sql.Statement s = c.createStatement()) {
                s.execute("ALTER TABLE progress_update ADD CONSTRAINT progress_update_part_fk FOREIGN KEY (part_id) REFERENCES return_part (part_id)");
                c.commit();
                s.execute("CHECKPOINT");
            }
        }
    }

    /** Copies of the snapshot's files, for floors that change the database. */
    private static List<Path> copies(Path snapshot, int n) throws IOException {
        List<Path> copies = new java.util.ArrayList<>();
        for (int i = 1; i <= n; i++) {
            copies.add(copyDatabase(snapshot, snapshot.resolveSibling(snapshot.getFileName() + "-" + i)));
        }
        return copies;
    }

    /** A floor: what it is, rows, seconds, CPU seconds. */
    record Floor(String what, long rows, double seconds, double cpuSeconds) {
    }

    private Floor floor(String what, Floors.Measured m) {
        return new Floor(what, m.rows(), m.seconds(), watch.threadCpuSeconds(m.from(), m.to()));
    }

    /** A stage of the run beside its floor. */
    record Stage(String name, String unit, long rows, double seconds, double cpuSeconds, long peakHeap, long liveHeap, Floor floor) {
        double ratio() {
            return floor.seconds() > 0 ? seconds / floor.seconds() : 0;
        }
    }

    private void print(List<Stage> stages, double monthSeconds, double monthCpu) {
        String format = "%-20s %8s %-8s %9s %9s %8s %9s %9s  | %-15s %9s %9s %8s | %6s %6s%n";
        out.println();
        out.printf(format, "stage", "rows", "", "seconds", "rows/s", "CPU s", "peak heap", "after GC", "floor", "seconds", "rows/s",
                "CPU s", "ratio", "CPU");
        double floorTotal = 0;
        for (Stage s : stages) {
            floorTotal += s.floor().seconds();
            boolean floor = !s.floor().what().isEmpty();
            out.printf(format, s.name(), s.rows() > 0 ? s.rows() : "", s.unit(), decimal(s.seconds()), perSecond(s.rows(), s.seconds()),
                    decimal(s.cpuSeconds()), mb(s.peakHeap()), mb(s.liveHeap()), s.floor().what(), floor ? decimal(s.floor().seconds()) : "",
                    perSecond(s.floor().rows(), s.floor().seconds()), floor ? decimal(s.floor().cpuSeconds()) : "",
                    floor ? decimal(s.ratio()) : "", floor ? decimal(s.cpuSeconds() / s.floor().cpuSeconds()) : "");
        }
        out.printf(format, "month", "", "", String.format("%.2f", monthSeconds), "", String.format("%.2f", monthCpu), "", "", "sum of floors",
                String.format("%.2f", floorTotal), "", "", String.format("%.2f", monthSeconds / floorTotal), "");
        out.println("""
                seconds: on the clock. CPU s: CPU time of the thread that runs the jobs and the floors (not the collector's or
                the compiler's), less disturbed than the clock by other work on the machine. The report step's parts run
                interleaved, 16 partnerships at a time, and share its heap figures. peak heap: the most heap in use during the
                step, garbage not yet collected included; after GC: the most still in use after a collection (an upper bound
                of what was live). ratio: seconds of the stage / seconds of its floor; CPU: the same for CPU time.""");
    }

    /** Two decimals; blank for a figure not measured (NaN). */
    private static String decimal(double d) {
        return Double.isNaN(d) ? "" : String.format("%.2f", d);
    }

    private static String perSecond(long rows, double seconds) {
        return seconds > 0 ? String.format("%.0f", rows / seconds) : "";
    }

    /**
     * Copies the database's files (HSQLDB: after a checkpoint, the data file and the script hold everything)
     * into the folder, for the floors to work on the same data.
     */
    private static Path snapshot(ConfigurableApplicationContext context, Path dir) throws IOException {
        org.springframework.jdbc.core.JdbcTemplate jdbc = context.getBean(org.springframework.jdbc.core.JdbcTemplate.class);
        jdbc.execute("CHECKPOINT");
        return copyDatabase(Path.of(context.getEnvironment().getProperty("dhr.home")).resolve("db"), dir);
    }

    private static Path copyDatabase(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        for (String ext : List.of(".properties", ".script", ".data")) {
            Files.copy(from.resolve(Floors.DATABASE + ext), to.resolve(Floors.DATABASE + ext), StandardCopyOption.REPLACE_EXISTING);
        }
        return to;
    }

    /** The URL properties of the product's HSQLDB database: the floors' databases get the same. */
    private static String hsqldbSettings(ConfigurableApplicationContext context) {
        String url = context.getEnvironment().getProperty("spring.datasource.url", "");
        return url.contains(";") ? url.substring(url.indexOf(';')) : "";
    }

    /**
     * The stages of the monthly run, from its step executions and the parts the report step timed,
     * each with its floor (in the order intake, reconcile, report data, partnership reports, national workbook).
     */
    /** The parts the report step timed, for the record. */
    private String parts = "";

    private List<Stage> stages(JobExecution run, ProcessWatch watch, List<Floor> floors) {
        List<Stage> stages = new ArrayList<>();
        // the code-themes step (before the report step) is the partnership reports' themes work too
        double[] themesStep = {0, 0};
        for (StepExecution step : run.getStepExecutions()) {
            long from = epochMillis(step.getStartTime());
            long to = epochMillis(step.getEndTime());
            double seconds = (to - from) / 1000.0;
            long peak = watch.peak(from, to);
            long live = watch.peakLive(from, to);
            double cpu = watch.threadCpuSeconds(from, to);
            var context = step.getExecutionContext();
            switch (step.getStepName()) {
                case "ingest-returns" -> stages.add(new Stage("intake", "updates", context.getInt(InboxFileWriter.ROWS, 0), seconds, cpu, peak,
                        live, floors.get(0)));
                case "reconcile" -> stages.add(new Stage("reconcile", "actions", step.getWriteCount(), seconds, cpu, peak, live, floors.get(1)));
                case CodeThemesStepConfiguration.STEP -> {
                    themesStep[0] = seconds;
                    themesStep[1] = cpu;
                }
                case "report" -> {
                    // The report step's parts run interleaved, a batch of partnerships at a time: CPU and heap are the step's.
                    // CPU of the step's thread alone (not the collector's): its parts interleave.
                    String data = ReportService.LOADING;
                    String findings = ReportKind.FINDINGS.id();
                    stages.add(new Stage("report data", "actions", floors.get(2).rows(), part(context, SECONDS, data) + part(context, SECONDS, findings),
                            part(context, CPU, data) + part(context, CPU, findings), peak, live, floors.get(2)));
                    // The partnership reports with their themes sections and the step that codes for them, which the floor
                    // does not do
                    String themes = ReportService.THEMES;
                    String partnership = ReportKind.PARTNERSHIP.id();
                    stages.add(new Stage("partnership reports", "reports", floors.get(3).rows(),
                            part(context, SECONDS, partnership) + part(context, SECONDS, themes) + themesStep[0],
                            part(context, CPU, partnership) + part(context, CPU, themes) + themesStep[1], peak, live, floors.get(3)));
                    String workbook = ReportKind.NATIONAL_WORKBOOK.id();
                    stages.add(new Stage("national workbook", "actions", floors.get(4).rows(), part(context, SECONDS, workbook),
                            part(context, CPU, workbook), peak, live, floors.get(4)));
                    stages.add(new Stage("(report step)", "", 0, seconds, cpu, peak, live, new Floor("", 0, 0, 0)));
                    parts = String.format("%s %.2f s (CPU %.2f s), ", CodeThemesStepConfiguration.STEP, themesStep[0], themesStep[1])
                            + context.entrySet().stream().filter(e -> e.getKey().startsWith(SECONDS))
                            .map(e -> String.format("%s %.2f s (CPU %.2f s)", e.getKey().substring(SECONDS.length()), (Double) e.getValue(),
                                    part(context, CPU, e.getKey().substring(SECONDS.length()))))
                            .sorted().collect(Collectors.joining(", "));
                }
                default -> {
                }
            }
        }
        return stages;
    }

    private static final String SECONDS = ReportJobConfiguration.SECONDS;
    private static final String CPU = ReportJobConfiguration.CPU_SECONDS;

    private static double part(org.springframework.batch.infrastructure.item.ExecutionContext context, String key, String part) {
        return context.containsKey(key + part) ? context.getDouble(key + part) : 0;
    }

    private void drop(List<Path> files) throws IOException {
        for (Path f : files) {
            Files.copy(f, home.resolve("inbox").resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private void printMachine(NationalData.Shape shape) {
        Runtime rt = Runtime.getRuntime();
        out.printf("dhr-tracker benchmark, scale %s: %d partnerships, %d reviews, %d recommendations, %d actions, %d months of returns%n",
                scale, shape.partnerships(), shape.reviews(), shape.recommendations(), shape.actions(), shape.months());
        // the collector named: the intake took a third less time with ParallelGC than with G1 at 1× (docs/BENCHMARKS.md, 4 December, afternoon)
        String collectors = String.join(" + ", java.lang.management.ManagementFactory.getGarbageCollectorMXBeans().stream()
                .map(java.lang.management.GarbageCollectorMXBean::getName).toList());
        out.printf("Machine: %d processors, %s %s, Java %s (%s), max heap %s, collector %s, load average %.2f%n", rt.availableProcessors(),
                System.getProperty("os.name"), System.getProperty("os.arch"), System.getProperty("java.version"),
                System.getProperty("java.vm.name"), mb(rt.maxMemory()), collectors,
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        if (!collectors.contains("PS ")) {
            out.println("Note: docs/BENCHMARKS.md's figures were taken with the throughput collector (-XX:+UseParallelGC); this run uses "
                    + collectors);
        }
    }

    static String mb(long bytes) {
        return String.format("%.0f MB", bytes / 1048576.0);
    }

    static double seconds(long nanoStart) {
        return (System.nanoTime() - nanoStart) / 1e9;
    }

    private static long epochMillis(LocalDateTime t) {
        return t.atZone(ZoneId.systemDefault()).toInstant().toEpochMilli();
    }

    /** Starts jobs of the application context and waits for them. */
    private static final class Runner {
        private final JobOperator operator;
        private final Map<String, Job> jobs;
        private final Clock clock;

        Runner(ConfigurableApplicationContext context) {
            this.operator = context.getBean(JobOperator.class);
            this.jobs = context.getBeansOfType(Job.class).values().stream().collect(Collectors.toMap(Job::getName, j -> j));
            this.clock = context.getBean(Clock.class);
        }

        JobParametersBuilder params() {
            return BatchConfiguration.newRun(clock).addLong("n", System.nanoTime());
        }

        JobExecution run(String job, JobParametersBuilder params) throws Exception {
            return operator.start(jobs.get(job), params.toJobParameters());
        }

        void check(JobExecution run) {
            if (run.getStatus() != BatchStatus.COMPLETED || !run.getExitStatus().getExitCode().startsWith("COMPLETED")
                    || run.getExitStatus().getExitCode().contains("REJECTIONS")) {
                throw new IllegalStateException("The " + run.getJobInstance().getJobName() + " job ended " + run.getExitStatus()
                        + " " + run.getAllFailureExceptions());
            }
        }
    }
}
