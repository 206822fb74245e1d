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
 * written are left in the step's execution context under {@link #OUTPUTS}.
 */
@Configuration
public class ReportJobConfiguration {

    public static final String JOB = "report";
    public static final String REPORTS = "reports";
    public static final String OUTPUT = "output";
    public static final String OUTPUTS = "outputs";

    private static final Logger log = LoggerFactory.getLogger(ReportJobConfiguration.class);

    @Bean
    Job reportJob(JobRepository jobRepository, Step reportStep) {
        return BatchConfiguration.oneStepJob(JOB, jobRepository, reportStep);
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
            @Value("#{jobParameters['" + OUTPUT + "']}") String output, ReportService service, RegisterRepository register,
            FindingsCsv findingsCsv) {
        return (contribution, chunkContext) -> {
            EnumSet<ReportKind> kinds = EnumSet.noneOf(ReportKind.class);
            if (reports == null || reports.isBlank()) {
                kinds = EnumSet.allOf(ReportKind.class);
            } else {
                for (String id : reports.split(",")) {
                    kinds.add(ReportKind.fromId(id));
                }
            }
            List<String> named = BatchConfiguration.reviews(review);
            List<String> reviews = named == null ? register.reviewIds() : named;
            List<String> written = new ArrayList<>();
            String folder = output == null ? ReportService.DEFAULT_OUTPUT : output;
            List<Path> files = new ArrayList<>();
            for (String id : reviews) {
                files.addAll(service.produce(id, asAt, kinds, folder));
            }
            files.addAll(service.producePartnerships(reviews, asAt, kinds, folder));
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
