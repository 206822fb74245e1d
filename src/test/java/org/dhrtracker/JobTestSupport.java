package org.dhrtracker;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import org.dhrtracker.intake.IngestReturnsJobConfiguration;
import org.dhrtracker.reconcile.ReconcileJobConfiguration;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.test.JobOperatorTestUtils;
import org.springframework.batch.test.MetaDataInstanceFactory;
import org.springframework.batch.test.context.SpringBatchTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the functional tests: the real application context, the real jobs and a real HSQLDB
 * file database in a HOME of its own under target/ (with the postgres profile, {@code -Ppostgres},
 * the PostgreSQL database the profile names). All test classes share one context (one
 * database); {@link #resetHome()} gives a test a clean register, inbox and output.
 */
@SpringBootTest
@SpringBatchTest
public abstract class JobTestSupport {

    /** The demo data the README's monthly command loads, read from the working tree. */
    public static final Path DEMO_REGISTER = Path.of("data", "register", "DHR1-register.csv");
    public static final Path DEMO_RETURNS = Path.of("data", "returns");
    /** Dates of the demo returns, each reconciled by {@link #demoReconciled()}. */
    public static final List<LocalDate> DEMO_RECONCILED = List.of(LocalDate.of(2014, 6, 30), LocalDate.of(2014, 12, 31),
            LocalDate.of(2015, 3, 31), LocalDate.of(2015, 5, 31), LocalDate.of(2016, 5, 31));

    private static final Path HOME = Path.of("target", "test-homes", UUID.randomUUID().toString()).toAbsolutePath();

    @DynamicPropertySource
    static void home(DynamicPropertyRegistry registry) {
        registry.add("dhr.home", HOME::toString);
    }

    @Autowired
    protected JobOperatorTestUtils jobOperatorTestUtils;

    @Autowired
    protected List<Job> jobs;

    @Autowired
    protected JdbcTemplate db;

    @Autowired
    protected Home home;

    /** Empties every table (register, returns, statuses and the Batch job repository) and HOME's folders. */
    protected void resetHome() throws IOException {
        TestDatabase.empty(db);
        for (Path dir : List.of(home.inbox(), home.archive(), home.rejected(), home.out())) {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).filter(p -> !p.equals(dir)).forEach(p -> p.toFile().delete());
            }
        }
    }

    /**
     * The job and step executions @SpringBatchTest's scope listeners use. Declared so that they do
     * not pick a helper of ours that merely returns an execution.
     */
    public JobExecution getJobExecution() {
        return MetaDataInstanceFactory.createJobExecution();
    }

    public StepExecution getStepExecution() {
        return MetaDataInstanceFactory.createStepExecution();
    }

    protected JobParametersBuilder params() {
        return new JobParametersBuilder().addString(BatchConfiguration.RUN, UUID.randomUUID().toString());
    }

    protected JobParametersBuilder params(LocalDate asAt) {
        return params().addLocalDate(BatchConfiguration.AS_AT, asAt);
    }

    protected JobExecution run(String jobName, JobParametersBuilder params) throws Exception {
        jobOperatorTestUtils.setJob(jobs.stream().filter(j -> j.getName().equals(jobName)).findFirst().orElseThrow());
        return jobOperatorTestUtils.startJob(params.toJobParameters());
    }

    protected JobExecution importRegister(Path file) throws Exception {
        return run("import-register", params().addString(BatchConfiguration.FILE, file.toAbsolutePath().toString()));
    }

    /** Copies the demo files whose names start with one of the prefixes (e.g. "2015-") into the inbox. */
    protected void dropDemoReturns(String... prefixes) throws IOException {
        try (Stream<Path> files = Files.list(DEMO_RETURNS)) {
            for (Path f : files.sorted().toList()) {
                if (Stream.of(prefixes).anyMatch(p -> f.getFileName().toString().startsWith(p))) {
                    Files.copy(f, home.inbox().resolve(f.getFileName()));
                }
            }
        }
    }

    /** A clean HOME with the demo register, every demo return ingested, and the review reconciled as at each of {@link #DEMO_RECONCILED}. */
    protected void demoReconciled() throws Exception {
        resetHome();
        importRegister(DEMO_REGISTER);
        dropDemoReturns("2014-", "2015-", "2016-");
        assertThat(run(IngestReturnsJobConfiguration.JOB, params()).getStatus()).isEqualTo(BatchStatus.COMPLETED);
        for (LocalDate date : DEMO_RECONCILED) {
            assertThat(run(ReconcileJobConfiguration.JOB, params(date)).getStatus()).isEqualTo(BatchStatus.COMPLETED);
        }
    }

    protected int count(String sql, Object... args) {
        return db.queryForObject(sql, Integer.class, args);
    }

    /** The execution context of a step of a run (not a StepExecution: @SpringBatchTest would take that for a factory). */
    protected static ExecutionContext stepContext(JobExecution run, String stepName) {
        return run.getStepExecutions().stream().filter(s -> s.getStepName().equals(stepName)).findFirst().orElseThrow()
                .getExecutionContext();
    }
}
