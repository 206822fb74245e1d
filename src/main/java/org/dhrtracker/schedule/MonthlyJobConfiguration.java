package org.dhrtracker.schedule;

import java.time.LocalDate;
import java.util.stream.Collectors;

import org.dhrtracker.BatchConfiguration;
import org.dhrtracker.report.Distribution;
import org.dhrtracker.report.ReportJobConfiguration;
import org.dhrtracker.report.ReportKind;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * monthly: ingest the inbox, reconcile as at the date, code the themes of recommendations new since (code-themes),
 * produce the reports and distribute them (e-mail, when SMTP is
 * configured and the definition has a distribution list); the same steps as the single jobs.
 */
@Configuration
public class MonthlyJobConfiguration {

    public static final String JOB = "monthly";

    /**
     * The parameters of a monthly run of a definition: as-at date, reviews (null: the definition's), reports, output
     * folder and distribution list.
     */
    public static JobParametersBuilder parameters(JobParametersBuilder run, JobDefinition definition, LocalDate asAt, String review) {
        run.addLocalDate(BatchConfiguration.AS_AT, asAt);
        String reviews = review != null ? review : definition.reviewsParameter();
        if (reviews != null) {
            run.addString(BatchConfiguration.REVIEW, reviews);
        } else if (definition.partnership() != null) {
            run.addString(ReportJobConfiguration.PARTNERSHIP, definition.partnership());
        }
        if (!definition.distribution().isEmpty()) {
            run.addString(Distribution.DISTRIBUTION, String.join(",", definition.distribution()));
        }
        return run.addString(ReportJobConfiguration.REPORTS, definition.reports().stream().map(ReportKind::id).collect(Collectors.joining(",")))
                .addString(ReportJobConfiguration.OUTPUT, definition.output());
    }

    @Bean
    Job monthlyJob(JobRepository jobRepository, Step ingestReturnsStep, Step reconcileStep, Step codeThemesStep, Step reportStep,
            Step distributeStep) {
        return new JobBuilder(JOB, jobRepository).start(ingestReturnsStep).next(reconcileStep).next(codeThemesStep).next(reportStep)
                .next(distributeStep).build();
    }
}
