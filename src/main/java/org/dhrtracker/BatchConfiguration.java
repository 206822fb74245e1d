package org.dhrtracker;

import java.time.Clock;

import org.springframework.batch.core.configuration.annotation.EnableBatchProcessing;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.core.configuration.annotation.EnableJdbcJobRepository;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Spring Batch with its job repository in the product's own database, so a run's history and
 * restart state live beside the register.
 */
@Configuration
@EnableBatchProcessing
@EnableJdbcJobRepository(dataSourceRef = "dataSource", transactionManagerRef = "transactionManager")
public class BatchConfiguration {

    /** Job parameter names shared by the jobs. */
    public static final String AS_AT = "asAt";
    public static final String REVIEW = "review";
    public static final String FILE = "file";
    public static final String RUN = "run";

    /** The review ids of a {@link #REVIEW} parameter (comma separated), or null for every review. */
    public static java.util.List<String> reviews(String parameter) {
        return parameter == null || parameter.isBlank() ? null
                : java.util.Arrays.stream(parameter.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    /** The parameters of a new run: each run is an instance of its own, so a job can run again for the same date. */
    public static org.springframework.batch.core.job.parameters.JobParametersBuilder newRun(Clock clock) {
        return new org.springframework.batch.core.job.parameters.JobParametersBuilder().addString(RUN, java.time.Instant.now(clock).toString());
    }

    /** A step that runs one tasklet in a transaction. */
    public static Step taskletStep(String name, JobRepository jobRepository, PlatformTransactionManager transactionManager,
            Tasklet tasklet) {
        return new StepBuilder(name, jobRepository).tasklet(tasklet, transactionManager).build();
    }

    /** A job of one step. */
    public static Job oneStepJob(String name, JobRepository jobRepository, Step step) {
        return new JobBuilder(name, jobRepository).start(step).build();
    }

    @Bean
    Clock clock() {
        return Clock.systemDefaultZone();
    }
}
