package org.dhrtracker.schedule;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Objects;

import org.dhrtracker.intake.InboxFileWriter;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The recent job executions, from Spring Batch's job repository, newest first. */
@Component
public class History {

    /**
     * One execution.
     *
     * @param read items read by its steps (files for an ingest, rows for an import)
     * @param written items written
     * @param rejected files rejected (ingest), 0 otherwise
     * @param exitCode the exit code, "FAILED (interrupted)" for a run its process did not finish ({@link RunRecovery})
     */
    public record Run(long id, String job, LocalDateTime start, LocalDateTime end, String status, String exitCode, long read,
            long written, long rejected) {

        /** Null while the run has not ended. */
        public Duration duration() {
            return start == null || end == null ? null : Duration.between(start, end);
        }
    }

    private final JdbcTemplate db;
    private final JobRepository jobRepository;

    public History(JdbcTemplate db, JobRepository jobRepository) {
        this.db = db;
        this.jobRepository = jobRepository;
    }

    public List<Run> recent(int count) {
        // The repository API lists by job instance and name; the newest ids across every job come from its table.
        List<Long> ids = db.query(con -> {
            var st = con.prepareStatement("SELECT JOB_EXECUTION_ID FROM BATCH_JOB_EXECUTION ORDER BY JOB_EXECUTION_ID DESC");
            st.setMaxRows(count);
            return st;
        }, (rs, i) -> rs.getLong(1));
        return ids.stream().map(jobRepository::getJobExecution).filter(Objects::nonNull).map(History::run).toList();
    }

    private static Run run(JobExecution e) {
        long read = 0;
        long written = 0;
        long rejected = 0;
        for (StepExecution s : e.getStepExecutions()) {
            read += s.getReadCount();
            written += s.getWriteCount();
            var c = s.getExecutionContext();
            rejected += c.getInt(InboxFileWriter.REJECTED, 0) + c.getInt(InboxFileWriter.SIGN_OFFS_REJECTED, 0);
        }
        return new Run(e.getId(), e.getJobInstance().getJobName(), e.getStartTime(), e.getEndTime(), e.getStatus().name(),
                e.getExitStatus().getExitCode() + (RunRecovery.isInterrupted(e) ? " (interrupted)" : ""), read, written, rejected);
    }
}
