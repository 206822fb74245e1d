package org.dhrtracker.report;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.dhrtracker.BatchConfiguration;
import org.dhrtracker.register.RegisterRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * report: the reports of one review (or every review) as at {@code asAt}: board PDF, master
 * workbook, chase lists and Home Office pack of each review; once per partnership of those reviews,
 * the return packs of its agencies and the partnership report. Parameter {@code reports} names the
 * kinds (default all), {@code output} the folder under HOME (default out/{partnership}); the paths
 * written are left in the step's execution context under {@link #OUTPUTS}. A distribution step follows:
 * with parameter {@code distribution} and SMTP configured, the board PDFs are e-mailed ({@link Distribution}).
 */
@Configuration
public class ReportJobConfiguration {

    public static final String JOB = "report";
    public static final String REPORTS = "reports";
    public static final String OUTPUT = "output";
    /** Job parameter: only the reviews of this partnership (when no review is named). */
    public static final String PARTNERSHIP = "partnership";
    public static final String OUTPUTS = "outputs";
    /** Step context keys of the seconds each part of the run took: this, then a report kind's id or "report-data". */
    public static final String SECONDS = "seconds.";
    /** The same for the CPU time of the step's thread. */
    public static final String CPU_SECONDS = "cpu-seconds.";

    private static final Logger log = LoggerFactory.getLogger(ReportJobConfiguration.class);

    /** The themes' tags coded and stored first ({@code code-themes}), in transactions of their own. */
    @Bean
    Job reportJob(JobRepository jobRepository, Step codeThemesStep, Step reportStep, Step distributeStep) {
        return new JobBuilder(JOB, jobRepository).start(codeThemesStep).next(reportStep).next(distributeStep).build();
    }

    /** After the report step: e-mails the board PDFs to the run's distribution list (see {@link Distribution}). */
    @Bean
    Step distributeStep(JobRepository jobRepository, PlatformTransactionManager transactionManager, Tasklet distributeTasklet) {
        return BatchConfiguration.taskletStep("distribute", jobRepository, transactionManager, distributeTasklet);
    }

    @Bean
    @StepScope
    Tasklet distributeTasklet(@Value("#{jobParameters['" + BatchConfiguration.AS_AT + "']}") LocalDate asAt,
            @Value("#{jobParameters['" + BatchConfiguration.REVIEW + "']}") String review,
            @Value("#{jobParameters['" + Distribution.DISTRIBUTION + "']}") String distribution, Distribution service) {
        return (contribution, chunkContext) -> service.distribute(contribution, chunkContext.getStepContext().getStepExecution(),
                asAt, review, distribution);
    }

    @Bean
    Step reportStep(JobRepository jobRepository, PlatformTransactionManager transactionManager, Tasklet reportTasklet) {
        return BatchConfiguration.taskletStep("report", jobRepository, transactionManager, reportTasklet);
    }

    @Bean
    @StepScope
    Tasklet reportTasklet(@Value("#{jobParameters['" + BatchConfiguration.AS_AT + "']}") LocalDate asAt,
            @Value("#{jobParameters['" + BatchConfiguration.REVIEW + "']}") String review,
            @Value("#{jobParameters['" + REPORTS + "']}") String reports,
            @Value("#{jobParameters['" + OUTPUT + "']}") String output,
            @Value("#{jobParameters['" + PARTNERSHIP + "']}") String partnership, ReportService service, RegisterRepository register,
            FindingsCsv findingsCsv) {
        return (contribution, chunkContext) -> {
            EnumSet<ReportKind> kinds = EnumSet.noneOf(ReportKind.class);
            if (reports == null || reports.isBlank()) {
                kinds = EnumSet.complementOf(EnumSet.of(ReportKind.NATIONAL_WORKBOOK));
            } else {
                for (String id : reports.split(",")) {
                    kinds.add(ReportKind.fromId(id));
                }
            }
            List<String> named = BatchConfiguration.reviews(review);
            List<String> reviews = named != null ? named : register.partnerships().entrySet().stream()
                    .filter(r -> partnership == null || r.getValue().equals(partnership)).map(Map.Entry::getKey).toList();
            List<String> written = new ArrayList<>();
            String folder = output == null ? ReportService.DEFAULT_OUTPUT : output;
            ReportService.Run run = service.produce(reviews, asAt, kinds, folder);
            List<Path> files = run.files();
            var context = chunkContext.getStepContext().getStepExecution().getExecutionContext();
            run.seconds().forEach((part, seconds) -> context.putDouble(SECONDS + part, seconds));
            run.cpuSeconds().forEach((part, seconds) -> context.putDouble(CPU_SECONDS + part, seconds));
            log.info("Report parts, seconds: {}", run.seconds());
            for (Path p : files) {
                written.add(p.toString());
                log.info("Wrote {}", p);
            }
            // findings.csv in each output folder: the findings of every review this run reported on.
            Map<Path, List<Path>> findings = written.stream().map(Path::of)
                    .filter(p -> p.getFileName().toString().endsWith("-findings-" + asAt + ".csv"))
                    .collect(Collectors.groupingBy(Path::getParent, LinkedHashMap::new, Collectors.toList()));
            for (Map.Entry<Path, List<Path>> dir : findings.entrySet()) {
                Path all = dir.getKey().resolve(FindingsCsv.RUN_FILE);
                findingsCsv.combine(dir.getValue(), all);
                written.add(0, all.toString());
            }
            contribution.incrementWriteCount(written.size());
            chunkContext.getStepContext().getStepExecution().getExecutionContext().putString(OUTPUTS, String.join("\n", written));
            return RepeatStatus.FINISHED;
        };
    }
}
