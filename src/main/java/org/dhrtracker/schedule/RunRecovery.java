package org.dhrtracker.schedule;

import java.io.PrintStream;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.dhrtracker.BatchConfiguration;
import org.dhrtracker.FaultPoints;
import org.dhrtracker.intake.IngestReturnsJobConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Crash safety: runs that a process left unfinished (killed, or the machine went down) are marked
 * FAILED and the ones that take the inbox (monthly, ingest-returns) are resumed from where they
 * stopped. One process works on a HOME at a time (serve holds HOME/serve.lock, commands run one after
 * another), so a run still STARTING, STARTED or STOPPING when a process starts is a dead one.
 *
 * <p>A resumed run is a Spring Batch restart of the same job instance with the same parameters:
 * completed steps are skipped; the ingest step starts again with what is still in the inbox and the
 * counts committed with the files already applied (a file whose transaction committed but that was not
 * yet moved is recognised by its content and archived without being applied again); reconcile and
 * report are re-run, which replaces what they wrote.
 */
@Component
public class RunRecovery {

    /** The exit description of a run, and of its running steps, that its process did not finish. */
    public static final String INTERRUPTED = "interrupted: the process ended before the run did";

    /** The jobs resumed on start: those that take files from the inbox. */
    static final Set<String> RESUMED_JOBS = Set.of(MonthlyJobConfiguration.JOB, IngestReturnsJobConfiguration.JOB);

    private static final Logger log = LoggerFactory.getLogger(RunRecovery.class);

    private final JobRepository jobRepository;
    private final JobOperator jobOperator;
    private final JdbcTemplate db;
    private final TransactionTemplate transaction;

    public RunRecovery(JobRepository jobRepository, JobOperator jobOperator, JdbcTemplate db,
            PlatformTransactionManager transactionManager) {
        this.jobRepository = jobRepository;
        this.jobOperator = jobOperator;
        this.db = db;
        this.transaction = new TransactionTemplate(transactionManager);
    }

    /**
     * Marks every run left running by a process that has ended as FAILED, with its running steps
     * (end time now, exit status FAILED "interrupted…"), so that it can be restarted; oldest first.
     * Each run in one transaction: a process killed while marking leaves the run as it was (still
     * running, marked by the next start), never FAILED without the "interrupted" that has it resumed.
     * Call only when no other process can be running a job on this database.
     */
    public List<JobExecution> markInterrupted(PrintStream out) {
        List<JobExecution> marked = new ArrayList<>();
        for (String job : jobRepository.getJobNames()) {
            marked.addAll(jobRepository.findRunningJobExecutions(job));
        }
        marked.sort(Comparator.comparing(JobExecution::getId));
        for (JobExecution e : marked) {
            List<StepExecution> running = e.getStepExecutions().stream().filter(s -> s.getStatus().isRunning()).toList();
            transaction.executeWithoutResult(tx -> {
                // Batch 6's recover(): running steps and the run FAILED with an end time, so the instance can be restarted.
                jobOperator.recover(e);
                FaultPoints.reach(FaultPoints.RECOVERY_MARKING);
                ExitStatus interrupted = ExitStatus.FAILED.addExitDescription(INTERRUPTED);
                for (StepExecution s : running) {
                    s.setExitStatus(interrupted);
                    jobRepository.update(s);
                }
                e.setExitStatus(interrupted);
                jobRepository.update(e);
            });
            out.println("The " + e.getJobInstance().getJobName() + " run #" + e.getId() + " of " + time(e.getStartTime())
                    + " was interrupted (its process ended before it finished): marked FAILED.");
            log.warn("{} #{}: left {} by a process that ended; marked FAILED ({})", e.getJobInstance().getJobName(), e.getId(),
                    running.isEmpty() ? "running" : "in step " + running.get(0).getStepName(), INTERRUPTED);
        }
        return marked;
    }

    /**
     * Marks the runs left unfinished ({@link #markInterrupted}), then restarts each monthly and
     * ingest-returns instance whose last run was interrupted, oldest first, and returns the resumed
     * runs (ended: the restart runs in the caller's thread).
     */
    public List<JobExecution> resumeInterrupted(PrintStream out) {
        markInterrupted(out);
        List<JobExecution> resumed = new ArrayList<>();
        for (JobExecution e : lastRunsInterrupted()) {
            out.println("Resuming the " + e.getJobInstance().getJobName() + " run of " + time(e.getStartTime())
                    + " interrupted (run #" + e.getId() + "): carrying on from where it stopped.");
            FaultPoints.reach(FaultPoints.RECOVERY_RESUMING);
            try {
                JobExecution again = jobOperator.restart(e);
                log.info("{} #{}: resumed as #{}: {}", e.getJobInstance().getJobName(), e.getId(), again.getId(), again.getStatus());
                resumed.add(again);
            } catch (Exception ex) {
                out.println("Could not resume run #" + e.getId() + ": " + ex.getMessage());
                log.error("{} #{}: could not resume: {}", e.getJobInstance().getJobName(), e.getId(), ex.toString());
            }
        }
        return resumed;
    }

    /** The interrupted runs of {@link #RESUMED_JOBS} that are the last run of their instance, oldest first. */
    private List<JobExecution> lastRunsInterrupted() {
        List<Long> ids = db.queryForList("""
                SELECT e.JOB_EXECUTION_ID FROM BATCH_JOB_EXECUTION e
                WHERE e.STATUS = 'FAILED' AND e.EXIT_MESSAGE LIKE ?
                  AND NOT EXISTS (SELECT 1 FROM BATCH_JOB_EXECUTION later
                                  WHERE later.JOB_INSTANCE_ID = e.JOB_INSTANCE_ID AND later.JOB_EXECUTION_ID > e.JOB_EXECUTION_ID)
                ORDER BY e.JOB_EXECUTION_ID""", Long.class, "%" + INTERRUPTED + "%");
        return ids.stream().map(jobRepository::getJobExecution).filter(Objects::nonNull)
                .filter(e -> RESUMED_JOBS.contains(e.getJobInstance().getJobName())).toList();
    }

    /**
     * Whether a resumed run stands for a new run of the job with these parameters: the same job and the
     * same parameters but the run stamp ({@link BatchConfiguration#RUN}).
     */
    public static boolean sameRun(JobExecution resumed, String job, JobParameters parameters) {
        return resumed.getJobInstance().getJobName().equals(job)
                && withoutRun(resumed.getJobParameters()).equals(withoutRun(parameters));
    }

    private static Object withoutRun(JobParameters p) {
        return p.parameters().stream().filter(jp -> !jp.name().equals(BatchConfiguration.RUN)).collect(java.util.stream.Collectors.toSet());
    }

    private static String time(LocalDateTime t) {
        return t == null ? "(not started)" : t.withNano(0).toString().replace('T', ' ');
    }

    /** Whether a run ended interrupted (its exit description says so). */
    public static boolean isInterrupted(JobExecution e) {
        return e.getStatus() == BatchStatus.FAILED && e.getExitStatus().getExitDescription().contains(INTERRUPTED);
    }
}
