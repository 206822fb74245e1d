package org.dhrtracker.reconcile;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.dhrtracker.BatchConfiguration;
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

/** reconcile: every action's status as at {@code asAt}, for the reviews named (comma separated) or all. */
@Configuration
public class ReconcileJobConfiguration {

    public static final String JOB = "reconcile";

    private static final Logger log = LoggerFactory.getLogger(ReconcileJobConfiguration.class);

    @Bean
    Job reconcileJob(JobRepository jobRepository, Step reconcileStep) {
        return BatchConfiguration.oneStepJob(JOB, jobRepository, reconcileStep);
    }

    @Bean
    Step reconcileStep(JobRepository jobRepository, PlatformTransactionManager transactionManager, Tasklet reconcileTasklet) {
        return BatchConfiguration.taskletStep("reconcile", jobRepository, transactionManager, reconcileTasklet);
    }

    @Bean
    @StepScope
    Tasklet reconcileTasklet(@Value("#{jobParameters['" + BatchConfiguration.AS_AT + "']}") LocalDate asAt,
            @Value("#{jobParameters['" + BatchConfiguration.REVIEW + "']}") String review, Reconciler reconciler) {
        return (contribution, chunkContext) -> {
            List<String> reviews = BatchConfiguration.reviews(review);
            Map<ActionStatus, Integer> counts = new EnumMap<>(ActionStatus.class);
            for (String id : reviews == null ? java.util.Collections.<String>singletonList(null) : reviews) {
                reconciler.reconcile(id, asAt).forEach((status, n) -> counts.merge(status, n, Integer::sum));
            }
            int total = counts.values().stream().mapToInt(Integer::intValue).sum();
            contribution.incrementWriteCount(total);
            log.info("Reconciled {} actions as at {}: {}", total, asAt, counts);
            return RepeatStatus.FINISHED;
        };
    }
}
