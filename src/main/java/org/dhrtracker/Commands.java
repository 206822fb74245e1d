package org.dhrtracker;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.dhrtracker.intake.IngestReturnsJobConfiguration;
import org.dhrtracker.intake.InboxFileWriter;
import org.dhrtracker.intake.SignOffService;
import org.dhrtracker.oversight.OversightExport;
import org.dhrtracker.reconcile.NationalLetters;
import org.dhrtracker.reconcile.ReconcileJobConfiguration;
import org.dhrtracker.register.ImportRegisterJobConfiguration;
import org.dhrtracker.register.RegisterRepository;
import org.dhrtracker.register.plan.ImportPlanJobConfiguration;
import org.dhrtracker.report.ReportJobConfiguration;
import org.dhrtracker.report.SpreadsheetText;
import org.dhrtracker.schedule.JobDefinition;
import org.dhrtracker.schedule.History;
import org.dhrtracker.schedule.JobDefinitions;
import org.dhrtracker.schedule.MonthlyJobConfiguration;
import org.dhrtracker.schedule.RunRecovery;
import org.dhrtracker.tabular.SafeText;
import org.dhrtracker.themes.ThemeCoding;
import org.dhrtracker.themes.ThemesText;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.stereotype.Component;

/** Carries out a command line by starting the jobs, and tells the user what happened. */
@Component
class Commands {

    static final int OK = 0;
    static final int FAILED = 1;
    static final int REJECTED = 2;
    static final int USAGE = 64;

    private final JobOperator jobOperator;
    private final Map<String, Job> jobs;
    private final RegisterRepository register;
    private final DemoData demo;
    private final JobDefinitions definitions;
    private final Clock clock;
    private final Home home;
    private final SignOffService signOffs;
    private final History history;
    private final RunRecovery recovery;
    private final ThemeCoding themes;
    private final NationalLetters letters;
    private final OversightExport oversight;
    private final PrintStream out = System.out;
    /** Runs resumed at start: a command asking for the same run gets the resumed one instead of a new one. */
    private List<JobExecution> resumed = List.of();

    Commands(JobOperator jobOperator, List<Job> jobs, RegisterRepository register, DemoData demo, JobDefinitions definitions,
            Clock clock, Home home, SignOffService signOffs, History history, RunRecovery recovery, ThemeCoding themes,
            NationalLetters letters, OversightExport oversight) {
        this.themes = themes;
        this.letters = letters;
        this.oversight = oversight;
        this.history = history;
        this.recovery = recovery;
        this.jobOperator = jobOperator;
        this.jobs = jobs.stream().collect(Collectors.toMap(Job::getName, j -> j));
        this.register = register;
        this.demo = demo;
        this.definitions = definitions;
        this.clock = clock;
        this.home = home;
        this.signOffs = signOffs;
    }

    int run(Invocation inv) throws Exception {
        switch (inv.command()) {
            // One command at a time per HOME: a run still marked running was left by a process that ended.
            case "ingest", "monthly" -> resumed = recovery.resumeInterrupted(out);
            case "import-register", "import-plan", "reconcile", "report", "export-oversight" -> recovery.markInterrupted(out);
            default -> { }
        }
        return switch (inv.command()) {
            case "import-register" -> importRegister(Path.of(inv.arguments().get(0)), inv.review());
            case "import-plan" -> importPlan(Path.of(inv.arguments().get(0)), inv);
            case "ingest" -> ingest();
            case "reconcile" -> reconcile(inv);
            case "report" -> report(inv, null);
            case "monthly" -> monthly(inv);
            case "sign-off" -> signOff(inv);
            case "history" -> history();
            case "themes" -> themes(inv);
            case "national" -> national(inv);
            case "export-oversight" -> exportOversight(inv);
            default -> throw new IllegalStateException(inv.command());
        };
    }

    private int importRegister(Path file, String review) throws Exception {
        if (!Files.isRegularFile(file)) {
            out.println(file + ": no such file");
            return REJECTED;
        }
        JobParametersBuilder p = params().addString(BatchConfiguration.FILE, file.toAbsolutePath().toString());
        if (review != null) {
            p.addString(BatchConfiguration.REVIEW, review);
        }
        JobExecution run = start(ImportRegisterJobConfiguration.JOB, p);
        if (run.getExitStatus().getExitCode().equals(ImportRegisterJobConfiguration.REJECTED.getExitCode())) {
            out.println(SafeText.escape(file.getFileName()) + " was rejected; the register is unchanged:");
            out.println(run.getExitStatus().getExitDescription());
            return REJECTED;
        }
        for (StepExecution step : run.getStepExecutions()) {
            String toCheck = step.getExecutionContext().getString(ImportRegisterJobConfiguration.TARGETS_TO_CHECK, "");
            if (!toCheck.isEmpty()) {
                out.println("Target dates to check (no date could be read, so no due date): " + toCheck);
            }
        }
        return finish(run, "Register imported from " + SafeText.escape(file.getFileName()) + ": " + writes(run) + " actions. Reviews: "
                + String.join(", ", register.reviewIds()));
    }

    private int importPlan(Path file, Invocation inv) throws Exception {
        if (!Files.isRegularFile(file)) {
            out.println(file + ": no such file");
            return REJECTED;
        }
        JobParametersBuilder p = params().addString(BatchConfiguration.FILE, file.toAbsolutePath().toString())
                .addString(BatchConfiguration.REVIEW, inv.review());
        if (inv.asAt() != null) {
            p.addLocalDate(BatchConfiguration.AS_AT, inv.asAt());
        }
        if (inv.partnership() != null) {
            p.addString(ImportPlanJobConfiguration.PARTNERSHIP, inv.partnership());
        }
        if (inv.agency() != null) {
            p.addString(ImportPlanJobConfiguration.AGENCY, inv.agency());
        }
        JobExecution run = start(ImportPlanJobConfiguration.JOB, p);
        var context = run.getStepExecutions().iterator().next().getExecutionContext();
        String report = context.getString(ImportPlanJobConfiguration.REPORT, "");
        if (!report.isEmpty()) {
            printImportReport(Path.of(report));
        }
        if (run.getExitStatus().getExitCode().equals(ImportRegisterJobConfiguration.REJECTED.getExitCode())) {
            out.println(SafeText.escape(file.getFileName()) + " was rejected; the register is unchanged:");
            out.println(run.getExitStatus().getExitDescription());
            if (!report.isEmpty()) {
                out.println("Import report: " + report);
            }
            return REJECTED;
        }
        return finish(run, "Plan imported into review " + inv.review() + " from " + SafeText.escape(file.getFileName()) + ": "
                + context.getString(ImportPlanJobConfiguration.COUNTS, "") + ".\n"
                + context.getLong(ImportPlanJobConfiguration.FLAGS, 0) + " flags for you to check; every source row and flag is in the import report: "
                + report);
    }

    /** Every source row, what it became and its flags: the CSV report, as a table on the console. */
    private void printImportReport(Path report) throws java.io.IOException {
        try (var in = Files.newBufferedReader(report)) {
            var rows = org.apache.commons.csv.CSVFormat.RFC4180.parse(in).getRecords();
            for (var row : rows.subList(Math.min(2, rows.size()), rows.size())) {
                String flags = row.size() > 2 ? SpreadsheetText.fromCsv(row.get(2)) : "";
                out.printf("  %-22s %s%s%n", SafeText.escape(row.get(0)), SafeText.escape(SpreadsheetText.fromCsv(row.get(1))),
                        flags.isEmpty() ? "" : "  [" + SafeText.escape(flags) + "]");
            }
        }
    }

    private int ingest() throws Exception {
        JobExecution run = start(IngestReturnsJobConfiguration.JOB, params());
        printIntake(run);
        return finish(run, null);
    }

    private int reconcile(Invocation inv) throws Exception {
        LocalDate asAt = asAt(inv, null);
        if (asAt == null || !knownReview(inv.review())) {
            return asAt == null ? USAGE : REJECTED;
        }
        JobExecution run = start(ReconcileJobConfiguration.JOB, scoped(params(), asAt, inv.review()));
        return finish(run, "Reconciled " + writes(run) + " actions as at " + asAt + ".");
    }

    private int report(Invocation inv, JobDefinition definition) throws Exception {
        LocalDate asAt = asAt(inv, definition);
        if (asAt == null || !knownReview(inv.review())) {
            return asAt == null ? USAGE : REJECTED;
        }
        JobExecution run = start(ReportJobConfiguration.JOB, scoped(params(), asAt, inv.review()));
        printOutputs(run);
        return finish(run, null);
    }

    private int monthly(Invocation inv) throws Exception {
        JobDefinition definition;
        try {
            definition = definitions.get(MonthlyJobConfiguration.JOB);
        } catch (IllegalArgumentException e) {
            out.println("Job definition error: " + e.getMessage());
            return FAILED;
        }
        if (register.isEmpty()) {
            out.println("The register in " + home.root() + " is empty: loading the demo review (DHR1) and its returns from data/.");
            for (Path file : demo.registerFiles()) {
                int code = importRegister(file, null);
                if (code != OK) {
                    return code;
                }
            }
            out.println("Dropped " + demo.dropReturnsInInbox().size() + " demo returns and sign-off files into " + home.inbox() + ".");
        }
        LocalDate asAt = asAt(inv, definition);
        String review = inv.review() != null ? inv.review() : definition.reviewsParameter();
        if (asAt == null || !knownReview(review)) {
            return asAt == null ? USAGE : REJECTED;
        }
        JobParametersBuilder p = MonthlyJobConfiguration.parameters(params(), definition, asAt, inv.review());
        JobExecution run = start(MonthlyJobConfiguration.JOB, p);
        printIntake(run);
        printOutputs(run);
        return finish(run, "Monthly run as at " + asAt + " done.");
    }

    private int signOff(Invocation inv) {
        Invocation.SignOff s = inv.signOff();
        List<String> refusals = signOffs.signOff(inv.review(), s.action(), s.decision(), s.reason(), s.by(), inv.asAt());
        if (!refusals.isEmpty()) {
            out.println("Sign-off refused; nothing recorded:");
            refusals.forEach(r -> out.println("  " + r));
            return REJECTED;
        }
        out.println("Recorded: " + inv.review() + " action " + s.action() + ", completion "
                + (s.decision().equals("Accept") ? "accepted" : "rejected") + " on "
                + (inv.asAt() != null ? inv.asAt() : LocalDate.now(clock)) + ". It counts from the next reconcile or report.");
        return OK;
    }

    /** Corrects one recommendation's themes, or prints the themes x reviews matrix and the untagged. */
    private int themes(Invocation inv) {
        Invocation.Coding c = inv.coding();
        if (c.corrects()) {
            List<String> refusals = themes.correct(inv.review(), c.recommendation(), c.add(), c.remove());
            if (!refusals.isEmpty()) {
                out.println("Themes not changed:");
                refusals.forEach(r -> out.println("  " + r));
                return REJECTED;
            }
            out.println("Recorded: " + inv.review() + " recommendation " + c.recommendation() + ", added " + c.add() + ", removed "
                    + c.remove() + ".");
        }
        if (!knownReview(inv.review())) {
            return REJECTED;
        }
        ThemeCoding.Matrix m = themes.matrix(inv.review());
        out.println(ThemesText.matrix(m));
        return OK;
    }

    private int national(Invocation inv) {
        Invocation.Coding c = inv.coding();
        List<String> refusals = letters.record(inv.review(), c.recommendation(), c.recipient(), c.sent(), c.answered());
        if (!refusals.isEmpty()) {
            out.println("Letter not recorded:");
            refusals.forEach(r -> out.println("  " + r));
            return REJECTED;
        }
        out.println("Recorded: " + inv.review() + " recommendation " + c.recommendation() + ", letter to " + SafeText.escape(c.recipient())
                + (c.sent() == null ? ", not sent yet" : ", sent " + c.sent()) + (c.answered() == null ? "" : ", answered " + c.answered())
                + ".");
        return OK;
    }

    private int exportOversight(Invocation inv) throws Exception {
        int reconciled = reconcile(inv);
        if (reconciled != OK) {
            return reconciled;
        }
        for (Path file : oversight.write(inv.review(), asAt(inv, null))) {
            out.println("Oversight:    " + file);
        }
        return OK;
    }

    /** The last runs, newest first: one line each. */
    private int history() {
        List<History.Run> runs = history.recent(HISTORY_RUNS);
        if (runs.isEmpty()) {
            out.println("No job has run in " + home.root() + ".");
            return OK;
        }
        String format = "%6s  %-15s  %-19s  %-19s  %9s  %-9s  %-25s  %7s  %7s  %8s%n";
        out.printf(format, "Run", "Job", "Started", "Ended", "Duration", "Status", "Exit status", "Read", "Written", "Rejected");
        for (History.Run r : runs) {
            out.printf(format, r.id(), r.job(), time(r.start()), time(r.end()),
                    r.duration() == null ? "" : String.format("%.1f s", r.duration().toMillis() / 1000.0), r.status(), r.exitCode(),
                    r.read(), r.written(), r.rejected());
        }
        return OK;
    }

    static final int HISTORY_RUNS = 20;

    private static String time(java.time.LocalDateTime t) {
        return t == null ? "" : t.withNano(0).toString().replace('T', ' ');
    }

    private JobParametersBuilder params() {
        return BatchConfiguration.newRun(clock);
    }

    private static JobParametersBuilder scoped(JobParametersBuilder p, LocalDate asAt, String review) {
        p.addLocalDate(BatchConfiguration.AS_AT, asAt);
        if (review != null) {
            p.addString(BatchConfiguration.REVIEW, review);
        }
        return p;
    }

    private JobExecution start(String job, JobParametersBuilder params) throws Exception {
        var parameters = params.toJobParameters();
        for (JobExecution run : resumed) {
            if (RunRecovery.sameRun(run, job, parameters)) {
                return run;
            }
        }
        return jobOperator.start(jobs.get(job), parameters);
    }

    private LocalDate asAt(Invocation inv, JobDefinition definition) {
        LocalDate today = LocalDate.now(clock);
        LocalDate asAt = inv.asAt() != null ? inv.asAt()
                : (definition != null ? definition.asAt() : JobDefinition.AsAtRule.END_OF_PREVIOUS_MONTH).asAt(clock);
        if (asAt.isAfter(today)) {
            out.println("--as-at " + asAt + " is in the future: a report can only say what is known today.");
            return null;
        }
        return asAt;
    }

    private boolean knownReview(String reviews) {
        if (reviews == null) {
            return true;
        }
        List<String> known = register.reviewIds();
        for (String id : reviews.split(",")) {
            if (!known.contains(id.strip())) {
                out.println("Unknown review '" + id.strip() + "'. Reviews in the register: "
                        + (known.isEmpty() ? "none (run import-register first)" : String.join(", ", known)));
                return false;
            }
        }
        return true;
    }

    private void printIntake(JobExecution run) {
        for (StepExecution step : run.getStepExecutions()) {
            if (step.getStepName().equals("ingest-returns")) {
                var c = step.getExecutionContext();
                out.printf("Returns: %d files accepted (%d updates), %d rejected, %d already applied.%n",
                        c.getInt(InboxFileWriter.ACCEPTED, 0), c.getInt(InboxFileWriter.ROWS, 0),
                        c.getInt(InboxFileWriter.REJECTED, 0), c.getInt(InboxFileWriter.DUPLICATE, 0));
                if (c.getInt(InboxFileWriter.SIGN_OFFS_ACCEPTED, 0) + c.getInt(InboxFileWriter.SIGN_OFFS_REJECTED, 0)
                        + c.getInt(InboxFileWriter.SIGN_OFFS_DUPLICATE, 0) > 0) {
                    out.printf("Sign-offs: %d files accepted (%d decisions), %d rejected, %d already applied.%n",
                            c.getInt(InboxFileWriter.SIGN_OFFS_ACCEPTED, 0), c.getInt(InboxFileWriter.DECISIONS, 0),
                            c.getInt(InboxFileWriter.SIGN_OFFS_REJECTED, 0), c.getInt(InboxFileWriter.SIGN_OFFS_DUPLICATE, 0));
                }
                if (c.getInt(InboxFileWriter.REJECTED, 0) + c.getInt(InboxFileWriter.SIGN_OFFS_REJECTED, 0) > 0) {
                    out.println("Rejected files and their reasons are in " + home.rejected() + " (*.errors.txt).");
                }
            }
        }
    }

    private void printOutputs(JobExecution run) {
        for (StepExecution step : run.getStepExecutions()) {
            String outputs = step.getExecutionContext().getString(ReportJobConfiguration.OUTPUTS, "");
            for (String path : outputs.split("\n")) {
                if (!path.isBlank()) {
                    out.println(outputLabel(path) + path);
                }
            }
            step.getExecutionContext().getString(org.dhrtracker.report.Distribution.SUMMARY, "").lines().forEach(out::println);
        }
    }

    private static String outputLabel(String path) {
        if (path.contains("-home-office-")) {
            return "Home Office:  ";
        }
        if (path.contains("-return-pack-")) {
            return "Return pack:  ";
        }
        if (path.contains("-partnership-report-")) {
            return "Partnership:  ";
        }
        if (path.endsWith(".pdf")) {
            return "Board report: ";
        }
        if (path.endsWith(".xlsx")) {
            return "Workbook:     ";
        }
        return path.contains("-chase-") ? "Chase list:   " : "Findings:     ";
    }

    private int finish(JobExecution run, String success) {
        if (run.getStatus() != BatchStatus.COMPLETED) {
            out.println("The " + run.getJobInstance().getJobName() + " job " + run.getStatus().name().toLowerCase()
                    + ": " + run.getAllFailureExceptions().stream().map(Throwable::getMessage).findFirst().orElse("see the log"));
            return FAILED;
        }
        if (success != null) {
            out.println(success);
        }
        boolean rejections = run.getStepExecutions().stream()
                .anyMatch(s -> s.getExitStatus().getExitCode().equals(IngestReturnsJobConfiguration.WITH_REJECTIONS.getExitCode()));
        return rejections ? REJECTED : OK;
    }

    private static long writes(JobExecution run) {
        return run.getStepExecutions().stream().mapToLong(StepExecution::getWriteCount).sum();
    }
}
