package org.dhrtracker.schedule;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.dhrtracker.BatchConfiguration;
import org.dhrtracker.Home;
import org.dhrtracker.intake.InboxFileWriter;
import org.dhrtracker.intake.InboxGate;
import org.dhrtracker.intake.IngestReturnsJobConfiguration;
import org.dhrtracker.intake.SettledFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.scheduling.support.CronTrigger;
import org.springframework.stereotype.Component;

/**
 * The serve command: ingests each inbox file once it has settled, and runs the job definitions of
 * jobs/ on their cron schedules, one run per job at a time ({@link JobGuard}). Started by the
 * command line only (not at context start); stopped when the context closes (SIGTERM), before the
 * database shuts down: no new runs, a running job is let finish for {@code dhr.serve.stop-wait-seconds}
 * and then asked to stop after its current chunk (an ingest: its current file).
 */
@Component
public class ServeService implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ServeService.class);

    private final JobOperator jobOperator;
    private final Map<String, Job> jobs;
    private final JobRepository jobRepository;
    private final JobDefinitions definitions;
    private final InboxGate gate;
    private final Home home;
    private final Clock clock;
    private final JobGuard guard;
    private final Duration poll;
    private final Duration stopWait;
    private final SettledFiles settling;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final List<ScheduledFuture<?>> scheduled = new ArrayList<>();
    /** Files whose ingest failed, as they were then: not tried again until they change. */
    private Map<Path, SettledFiles.State> failed = Map.of();
    private ThreadPoolTaskScheduler scheduler;
    private LocalDateTime startedAt;
    private volatile boolean running;

    @Autowired
    public ServeService(JobOperator jobOperator, List<Job> jobs, JobRepository jobRepository, JobDefinitions definitions, InboxGate gate,
            Home home, Clock clock, JobGuard guard, @Value("${dhr.serve.settle-seconds:5}") double settleSeconds,
            @Value("${dhr.serve.poll-seconds:2}") double pollSeconds, @Value("${dhr.serve.stop-wait-seconds:60}") double stopWaitSeconds) {
        this.jobOperator = jobOperator;
        this.jobs = jobs.stream().collect(Collectors.toMap(Job::getName, j -> j));
        this.jobRepository = jobRepository;
        this.definitions = definitions;
        this.gate = gate;
        this.home = home;
        this.clock = clock;
        this.guard = guard;
        this.settling = new SettledFiles(seconds(settleSeconds));
        this.poll = seconds(pollSeconds);
        this.stopWait = seconds(stopWaitSeconds);
    }

    private static Duration seconds(double s) {
        return Duration.ofMillis(Math.round(s * 1000));
    }

    /** Starts watching and scheduling; throws {@link IllegalArgumentException} for a wrong job definition. */
    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        List<JobDefinition> defs;
        try {
            defs = definitions.load();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        startedAt = LocalDateTime.now(clock);
        gate.admitOnly(file -> settling.isSettled(file, clock.instant()));
        scheduler = new ThreadPoolTaskScheduler();
        // One thread watches the inbox, one runs the scheduled jobs; JobGuard keeps them off each other's jobs.
        scheduler.setPoolSize(2);
        scheduler.setThreadNamePrefix("serve-");
        scheduler.setClock(clock);
        scheduler.initialize();
        scheduled.add(scheduler.scheduleWithFixedDelay(this::pollInbox, poll));
        log.info("serve: HOME {}, settle {} ms, poll {} ms", home.root(), settling.settle().toMillis(), poll.toMillis());
        for (JobDefinition d : defs) {
            scheduled.add(scheduler.schedule(() -> runDefinition(d), new CronTrigger(d.cron(), clock.getZone())));
            log.info("serve: {} cron '{}', next run {}", d.name(), d.cron(), d.nextRuns(ZonedDateTime.now(clock), 1));
        }
        running = true;
    }

    /** Blocks until the service has stopped. */
    public void awaitStop() throws InterruptedException {
        stopped.await();
    }

    /** One poll of the inbox: ingests the files that have settled, unless an ingest is running. */
    void pollInbox() {
        try {
            Map<Path, SettledFiles.State> now = SettledFiles.scan(home.inbox());
            Set<Path> settled = settling.observe(now, clock.instant());
            boolean news = settled.stream().anyMatch(f -> !now.get(f).equals(failed.get(f)));
            if (news) {
                guard.runExclusively(List.of(IngestReturnsJobConfiguration.JOB), () -> ingest(settled, now));
            }
        } catch (RuntimeException e) {
            log.error("serve: inbox poll failed: {}", e.toString());
        }
    }

    private void ingest(Set<Path> settled, Map<Path, SettledFiles.State> states) {
        JobExecution run = start(IngestReturnsJobConfiguration.JOB, BatchConfiguration.newRun(clock));
        if (run == null || run.getStatus() != BatchStatus.COMPLETED) {
            failed = settled.stream().collect(Collectors.toMap(f -> f, states::get));
            return;
        }
        failed = Map.of();
        run.getStepExecutions().forEach(s -> {
            var c = s.getExecutionContext();
            log.info("ingest-returns #{}: {} accepted, {} rejected, {} duplicate, {} sign-off files", run.getId(),
                    c.getInt(InboxFileWriter.ACCEPTED, 0), c.getInt(InboxFileWriter.REJECTED, 0) + c.getInt(InboxFileWriter.SIGN_OFFS_REJECTED, 0),
                    c.getInt(InboxFileWriter.DUPLICATE, 0) + c.getInt(InboxFileWriter.SIGN_OFFS_DUPLICATE, 0),
                    c.getInt(InboxFileWriter.SIGN_OFFS_ACCEPTED, 0));
        });
    }

    /** A scheduled run of a job definition; the monthly job ingests too, so it takes the ingest's lock as well. */
    void runDefinition(JobDefinition definition) {
        try {
            LocalDate asAt = definition.asAt().asAt(clock);
            boolean ran = guard.runExclusively(List.of(definition.name(), definition.job(), IngestReturnsJobConfiguration.JOB), () -> {
                start(definition.job(), MonthlyJobConfiguration.parameters(BatchConfiguration.newRun(clock), definition, asAt, null));
            });
            if (!ran) {
                log.warn("{}: skipped, a run is in progress", definition.name());
            }
        } catch (RuntimeException e) {
            log.error("{}: scheduled run failed: {}", definition.name(), e.toString());
        }
    }

    private JobExecution start(String job, JobParametersBuilder params) {
        try {
            JobExecution run = jobOperator.start(jobs.get(job), params.toJobParameters());
            log.info("{} #{}: {} {} in {} ms", job, run.getId(), run.getStatus(), run.getExitStatus().getExitCode(),
                    run.getStartTime() == null || run.getEndTime() == null ? 0 : Duration.between(run.getStartTime(), run.getEndTime()).toMillis());
            return run;
        } catch (Exception e) {
            log.error("{}: could not start: {}", job, e.toString());
            return null;
        }
    }

    @Override
    public synchronized void stop() {
        if (!running) {
            return;
        }
        running = false;
        scheduled.forEach(f -> f.cancel(false));
        var executor = scheduler.getScheduledExecutor();
        executor.shutdown();
        try {
            if (!executor.awaitTermination(stopWait.toMillis(), TimeUnit.MILLISECONDS)) {
                stopRunningJobs();
                executor.awaitTermination(stopWait.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        gate.admitAll();
        log.info("serve: stopped");
        stopped.countDown();
    }

    /** Asks this serve's running executions to stop after their current chunk. */
    private void stopRunningJobs() {
        for (String name : jobs.keySet()) {
            for (JobExecution e : jobRepository.findRunningJobExecutions(name)) {
                if (e.getStartTime() != null && !e.getStartTime().isBefore(startedAt)) {
                    try {
                        jobOperator.stop(e);
                        log.warn("{} #{}: asked to stop", name, e.getId());
                    } catch (Exception ex) {
                        log.warn("{} #{}: could not stop: {}", name, e.getId(), ex.toString());
                    }
                }
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Started by the serve command, not with every command's context. */
    @Override
    public boolean isAutoStartup() {
        return false;
    }
}
