package org.dhrtracker.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import org.dhrtracker.BatchConfiguration;
import org.dhrtracker.JobTestSupport;
import org.dhrtracker.bench.NationalData;
import org.dhrtracker.intake.IngestReturnsJobConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.step.StepExecution;

/** Reconcile commits a few reviews at a time and still reconciles every action once. */
class ReconcileInTransactionsTest extends JobTestSupport {

    private static final LocalDate AS_AT = LocalDate.of(2025, 3, 31);

    @AfterEach
    void restore() {
        ReconcileJobConfiguration.reviewsPerTransaction = 100;
    }

    @Test
    void everyActionIsReconciledOnceAcrossTransactionsOfThreeReviews() throws Exception {
        resetHome();
        NationalData data = new NationalData(new NationalData.Shape(10, 7, 30, 75, 10, 1, AS_AT, 5));
        for (Path register : data.writeRegisters(Files.createDirectories(home.root().resolve("generated")))) {
            assertThat(importRegister(register).getExitStatus()).isEqualTo(ExitStatus.COMPLETED);
        }
        data.writeReturns(home.inbox(), AS_AT);
        assertThat(run(IngestReturnsJobConfiguration.JOB, params()).getExitStatus()).isEqualTo(ExitStatus.COMPLETED);
        ReconcileJobConfiguration.reviewsPerTransaction = 3;

        JobExecution run = run(ReconcileJobConfiguration.JOB, params(AS_AT));

        assertThat(run.getExitStatus()).isEqualTo(ExitStatus.COMPLETED);
        StepExecution step = run.getStepExecutions().iterator().next();
        assertThat(step.getCommitCount()).isEqualTo(4);
        assertThat(step.getWriteCount()).isEqualTo(750);
        assertThat(count("SELECT COUNT(*) FROM action_status WHERE as_at = ?", java.sql.Date.valueOf(AS_AT))).isEqualTo(750);
        assertThat(count("SELECT COUNT(DISTINCT action_id) FROM action_status WHERE as_at = ?", java.sql.Date.valueOf(AS_AT)))
                .isEqualTo(750);

        // Again for the same date: the statuses are replaced, not added to.
        assertThat(run(ReconcileJobConfiguration.JOB, params(AS_AT).addString(BatchConfiguration.REVIEW, "CSP002-DHR3,CSP001-DHR1"))
                .getExitStatus()).isEqualTo(ExitStatus.COMPLETED);
        assertThat(count("SELECT COUNT(*) FROM action_status WHERE as_at = ?", java.sql.Date.valueOf(AS_AT))).isEqualTo(750);
    }
}
