package org.dhrtracker.register.plan;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.dhrtracker.BatchConfiguration;
import org.dhrtracker.Home;
import org.dhrtracker.tabular.SafeText;
import org.dhrtracker.intake.ReturnRepository;
import org.dhrtracker.intake.ReturnRow;
import org.dhrtracker.intake.ReturnStatus;
import org.dhrtracker.reconcile.ClosureRepository;
import org.dhrtracker.reconcile.ClosureRepository.Decision;
import org.dhrtracker.reconcile.ClosureRepository.NewDecision;
import org.dhrtracker.register.ImportRegisterJobConfiguration;
import org.dhrtracker.register.RegisterRepository;
import org.dhrtracker.register.RegisterRepository.ActionKey;
import org.dhrtracker.register.Review;
import org.dhrtracker.register.plan.PlanImport.ReviewInfo;
import org.dhrtracker.report.OutputCsv;
import org.dhrtracker.tabular.FileDigest;
import org.dhrtracker.tabular.Problem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * import-plan: reads an action plan document, and when it is understood whole, creates or updates
 * the review's register and records the progress its progress column reports, in one transaction.
 * With an agency, the document is that agency's return: the register is left as it is and only
 * the progress of the agency's own actions is recorded.
 * Writes the import report (every source row, what it became, every flag) either way.
 */
@Configuration
public class ImportPlanJobConfiguration {

    public static final String JOB = "import-plan";
    public static final String PARTNERSHIP = "partnership";
    /** Job parameter: the plan is this agency's return (its copy with the progress column updated). */
    public static final String AGENCY = "agency";
    /** Step context keys. */
    public static final String REPORT = "import.report";
    public static final String COUNTS = "import.counts";
    public static final String FLAGS = "import.flags";
    public static final String IGNORED = "import.ignored";

    private static final Logger log = LoggerFactory.getLogger(ImportPlanJobConfiguration.class);

    @Bean
    Job importPlanJob(JobRepository jobRepository, PlatformTransactionManager transactionManager, Tasklet importPlanTasklet) {
        return BatchConfiguration.oneStepJob(JOB, jobRepository,
                BatchConfiguration.taskletStep(JOB, jobRepository, transactionManager, importPlanTasklet));
    }

    @Bean
    @StepScope
    Tasklet importPlanTasklet(@Value("#{jobParameters['" + BatchConfiguration.FILE + "']}") String file,
            @Value("#{jobParameters['" + BatchConfiguration.REVIEW + "']}") String reviewId,
            @Value("#{jobParameters['" + BatchConfiguration.AS_AT + "']}") LocalDate asAt,
            @Value("#{jobParameters['" + PARTNERSHIP + "']}") String partnership,
            @Value("#{jobParameters['" + AGENCY + "']}") String agency,
            @Value("${dhr.marking}") String marking, RegisterRepository register, ReturnRepository returns,
            AgencyDirectory agencies, PlanSynonyms synonyms, ClosureRepository closure, Home home, Clock clock) {
        return (contribution, chunkContext) -> {
            Path path = Path.of(file);
            Review known = register.review(reviewId).orElse(null);
            ReviewInfo review = new ReviewInfo(reviewId, partnership != null ? partnership : known == null ? null : known.partnership(),
                    known == null ? null : known.partnershipName(), known == null ? null : known.title());
            if (agency != null && known == null) {
                contribution.setExitStatus(ImportRegisterJobConfiguration.rejected(List.of(Problem.ofFile(path.getFileName().toString(),
                        "review " + reviewId + " is not in the register: import its plan first"))));
                return RepeatStatus.FINISHED;
            }
            PlanImport plan = PlanImport.read(path, review, asAt, agencies, synonyms.all());
            var context = contribution.getStepExecution().getExecutionContext();
            Path report = writeReport(plan, home.out().resolve("imports"), marking);
            context.putString(REPORT, report.toString());
            List<Problem> problems = new java.util.ArrayList<>(plan.problems());
            Map<String, ActionKey> registered = register.actionKeys().getOrDefault(reviewId, Map.of());
            if (agency != null && problems.isEmpty()) {
                problems.addAll(checkAgencyReturn(plan, reviewId, registered));
            }
            if (!problems.isEmpty()) {
                log.warn("{}: rejected, the register is unchanged ({} problems)", SafeText.escape(plan.fileName()), problems.size());
                problems.forEach(p -> log.warn("  {}", SafeText.escape(p)));
                contribution.setExitStatus(ImportRegisterJobConfiguration.rejected(problems));
                return RepeatStatus.FINISHED;
            }
            List<PlanUpdate> updates = plan.updates();
            if (agency == null) {
                register.save(plan.entries());
                registered = register.actionKeys().get(reviewId);
            } else {
                // An agency's copy of the plan is its return: only its own actions' progress counts.
                Map<String, ActionKey> owners = registered;
                updates = updates.stream().filter(u -> owners.get(u.actionRef()).agency().equals(agency)).toList();
                context.putLong(IGNORED, plan.updates().size() - updates.size());
            }
            int applied = 0;
            String sha = FileDigest.sha256(path);
            if (!updates.isEmpty() && !returns.alreadyApplied(sha)) {
                Map<String, ActionKey> actions = registered;
                List<ReturnRow> rows = updates.stream().map(u -> new ReturnRow(u.row(), reviewId, actions.get(u.actionRef()).actionId(),
                        actions.get(u.actionRef()).agency(), plan.asAt(), u.status(), u.progress(), null, null, u.completionDate(),
                        (agency == null ? "action plan " : agency + " return ") + plan.fileName()))
                        .toList();
                returns.apply(plan.fileName(), sha, rows, clock.instant());
                applied = rows.size();
                if (agency == null) {
                    // The partnership's own plan: its COMPLETED entries are the coordinator's, so they
                    // are accepted as at the plan's date. An agency's copy only claims completion.
                    closure.record(updates.stream().filter(u -> u.status() == ReturnStatus.COMPLETED)
                            .map(u -> new NewDecision(actions.get(u.actionRef()).actionId(), Decision.ACCEPTED, null,
                                    "action plan", plan.asAt(), plan.fileName() + ", row " + u.row()))
                            .toList(), clock.instant());
                }
            }
            long recommendations = plan.entries().stream().map(e -> e.recommendation().key()).distinct().count();
            long flags = plan.report().stream().mapToLong(l -> l.flags().size()).sum();
            context.putString(COUNTS, (agency == null ? recommendations + " recommendations, " + plan.entries().size() + " actions, "
                    : "returned by " + agency + ", register unchanged, ") + applied + " progress updates"
                    + (plan.asAt() == null ? "" : " as at " + plan.asAt())
                    + (agency == null ? "" : "; " + context.getLong(IGNORED, 0) + " updates of other agencies' actions ignored"));
            context.putLong(FLAGS, flags);
            contribution.incrementWriteCount(plan.entries().size());
            log.info("{}: review {}: {}; {} flags to check (see {})", SafeText.escape(plan.fileName()), reviewId, context.getString(COUNTS),
                    flags, report.getFileName());
            return RepeatStatus.FINISHED;
        };
    }

    /** The actions of an agency's copy of a plan must be those of the register. */
    private static List<Problem> checkAgencyReturn(PlanImport plan, String reviewId, Map<String, ActionKey> registered) {
        return plan.updates().stream().filter(u -> !registered.containsKey(u.actionRef()))
                .map(u -> new Problem(plan.fileName(), u.row(), PlanColumn.ACTION.label(),
                        "action " + u.actionRef() + " is not in the register of review " + reviewId))
                .toList();
    }

    /** The import report as CSV: the marking, then a row per source row. */
    static Path writeReport(PlanImport plan, Path dir, String marking) throws IOException {
        Files.createDirectories(dir);
        Path report = dir.resolve(plan.fileName().replaceAll("[^A-Za-z0-9._-]", "_") + ".import-report.csv");
        try (OutputCsv csv = OutputCsv.create(report, marking)) {
            csv.record("Where", "Became", "Flags");
            for (PlanReportLine line : plan.report()) {
                csv.record(line.location(), line.became(), String.join("; ", line.flags()));
            }
            for (Problem p : plan.problems()) {
                csv.record(p.row() > 0 ? "row " + p.row() : "file", "REJECTED", p.toString());
            }
        }
        return report;
    }
}
