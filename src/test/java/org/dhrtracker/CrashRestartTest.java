package org.dhrtracker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dhrtracker.ChildJvm.fileCount;
import static org.dhrtracker.ChildJvm.open;
import static org.dhrtracker.ChildJvm.rows;
import static org.dhrtracker.ChildJvm.shutdown;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * A monthly run in a JVM of its own is killed hard (SIGKILL) in the middle of its ingest; the next
 * monthly resumes it, and the database then holds what an uninterrupted run on the same inbox
 * gives: every update once, no file left in the inbox.
 */
@ExtendWith(OutputCaptureExtension.class)
class CrashRestartTest {

    private static final String AS_AT = "2016-05-31";
    /** Enough returns that the ingest takes a few seconds, so the kill lands in the middle of it. */
    private static final int GENERATED_RETURNS = 300;
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @Test
    void aMonthlyRunKilledMidIngestIsResumedAndEndsAsAnUninterruptedRun(CapturedOutput output) throws Exception {
        TestDatabase.assumeFileDatabases();
        Path root = Path.of("target", "test-homes", "crash-" + UUID.randomUUID()).toAbsolutePath();
        Path crashed = prepare(root.resolve("crashed"));
        Path reference = prepare(root.resolve("reference"));
        int files = fileCount(crashed.resolve("inbox"));

        assertThat(DhrTrackerApplication.run(new String[] {"monthly", "--as-at", AS_AT, "--home", reference.toString()})).isZero();

        try (ChildJvm child = ChildJvm.start(root.resolve("child.log"), List.of(), "monthly", "--as-at", AS_AT, "--home",
                crashed.toString())) {
            // The first files archived: the ingest is under way (a file moves only after its transaction commits).
            assertThat(child.waitUntil(() -> fileCount(crashed.resolve("archive")) >= 5, TIMEOUT))
                    .as("the child is still ingesting (see %s)", root.resolve("child.log")).isTrue();
            child.kill(); // SIGKILL: no shutdown hook, no SHUTDOWN of the database
        }
        int archivedAtKill = fileCount(crashed.resolve("archive"));
        assertThat(fileCount(crashed.resolve("inbox"))).as("killed in the middle of the ingest").isPositive();

        int exit = DhrTrackerApplication.run(new String[] {"monthly", "--as-at", AS_AT, "--home", crashed.toString()});

        assertThat(exit).isZero();
        assertThat(output.getOut()).contains("was interrupted (its process ended before it finished): marked FAILED")
                .containsPattern("Resuming the monthly run of \\S+ \\S+ interrupted")
                .contains("Monthly run as at " + AS_AT + " done.");
        assertThat(fileCount(crashed.resolve("inbox"))).isZero();
        assertThat(fileCount(crashed.resolve("archive"))).isEqualTo(files).isGreaterThan(archivedAtKill);
        assertThat(fileCount(crashed.resolve("rejected"))).isZero();
        try (Connection c = open(crashed); Connection r = open(reference)) {
            var tables = DomainTables.read(c);
            assertThat(tables).isEqualTo(DomainTables.read(r));
            for (String table : List.of("progress_update", "return_file", "completion_decision", "action_status")) {
                assertThat(tables.get(table)).as(table).isNotEmpty();
            }
            assertThat(rows(c, "SELECT COUNT(*) FROM return_file")).containsExactly(List.of(String.valueOf(files)));
            assertThat(rows(c, "SELECT STATUS, EXIT_MESSAGE FROM BATCH_JOB_EXECUTION ORDER BY JOB_EXECUTION_ID"))
                    .extracting(row -> row.get(0)).endsWith("FAILED", "COMPLETED");
            shutdown(c);
            shutdown(r);
        }

        assertThat(DhrTrackerApplication.run(new String[] {"history", "--home", crashed.toString()})).isZero();
        String[] history = output.getOut().substring(output.getOut().lastIndexOf("   Run  Job")).split("\\R");
        assertThat(history[1]).contains("monthly").contains("COMPLETED");
        assertThat(history[2]).contains("monthly").contains("FAILED (interrupted)");
    }

    /** A HOME with the demo register, the demo returns and sign-offs, and many generated returns in its inbox. */
    private static Path prepare(Path home) throws IOException {
        assertThat(DhrTrackerApplication.run(new String[] {"import-register", JobTestSupport.DEMO_REGISTER.toString(), "--home",
                home.toString()})).isZero();
        Path inbox = home.resolve("inbox");
        try (Stream<Path> demo = Files.list(JobTestSupport.DEMO_RETURNS)) {
            for (Path f : demo.toList()) {
                Files.copy(f, inbox.resolve(f.getFileName()));
            }
        }
        // Earlier than every demo return, so they change no status as at the run's date; each file's content its own.
        LocalDate day = LocalDate.of(2012, 1, 1);
        for (int i = 0; i < GENERATED_RETURNS; i++, day = day.plusDays(1)) {
            Files.writeString(inbox.resolve(String.format("%s_POLICE-%03d.csv", day, i)),
                    "Review,Action ref,Agency,As at,Status,Progress,Evidence,Revised target date,Completion date,Reported by\n"
                            + "DHR1,12,POLICE," + day + ",In progress,Update " + i + " of the generated returns,,,,DA Strategic Lead\n"
                            + "DHR1,13a,POLICE," + day + ",Not started,,,,,DA Strategic Lead\n");
        }
        return home;
    }
}
