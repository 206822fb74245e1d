package org.dhrtracker.schedule;

import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** monthly: ingest the inbox, reconcile as at the date, and produce the reports; the same steps as the single jobs. */
@Configuration
public class MonthlyJobConfiguration {

    public static final String JOB = "monthly";

    @Bean
    Job monthlyJob(JobRepository jobRepository, Step ingestReturnsStep, Step reconcileStep, Step reportStep) {
        return new JobBuilder(JOB, jobRepository).start(ingestReturnsStep).next(reconcileStep).next(reportStep).build();
    }
}
