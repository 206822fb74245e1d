package org.dhrtracker.reconcile;

import java.time.LocalDate;
import java.util.Collections;
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

/**
 * reconcile: every action's status as at {@code asAt}, for the reviews named (comma separated) or all,
 * {@link #reviewsPerTransaction} reviews to a transaction.
 */
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
        // The reviews listed and sorted once per step, as the step-scoped tasklet is made: each call below is one
        // transaction of a few reviews, and listing them all again in each call grew with the square of the register.
        List<String> named = BatchConfiguration.reviews(review);
        // In Java's order, which the resumption compares by (a database's collation may differ).
        List<String> reviews = (named != null ? named : reconciler.reviewIds()).stream().sorted().distinct().toList();
        return (contribution, chunkContext) -> {
            var context = chunkContext.getStepContext().getStepExecution().getExecutionContext();
            // Each call is a transaction of its own: resumed after the last review it committed.
            int found = Collections.binarySearch(reviews, context.getString(DONE_UP_TO, ""));
            int from = found >= 0 ? found + 1 : -found - 1;
            List<String> batch = reviews.subList(from, Math.min(reviews.size(), from + reviewsPerTransaction));
            for (String id : batch) {
                reconciler.reconcile(id, asAt).forEach((status, n) -> {
                    context.putInt(COUNT + status.name(), context.getInt(COUNT + status.name(), 0) + n);
                    contribution.incrementWriteCount(n);
                });
            }
            if (!batch.isEmpty() && !batch.get(batch.size() - 1).equals(reviews.get(reviews.size() - 1))) {
                context.putString(DONE_UP_TO, batch.get(batch.size() - 1));
                return RepeatStatus.CONTINUABLE;
            }
            Map<ActionStatus, Integer> counts = new EnumMap<>(ActionStatus.class);
            for (ActionStatus status : ActionStatus.values()) {
                counts.put(status, context.getInt(COUNT + status.name(), 0));
            }
            log.info("Reconciled {} actions as at {}: {}", counts.values().stream().mapToInt(Integer::intValue).sum(), asAt, counts);
            return RepeatStatus.FINISHED;
        };
    }

    /**
     * Reviews reconciled per transaction: a transaction's new rows stay in memory until it commits, and a
     * national register has 150,000 actions (100 reviews are some 7,500). Not final: a test lowers it.
     */
    static int reviewsPerTransaction = 100;
    /** Step context: the last review reconciled and committed. */
    static final String DONE_UP_TO = "reconciled.up-to";
    /** Step context: actions reconciled so far in each status (this, then the status). */
    static final String COUNT = "reconciled.";
}
