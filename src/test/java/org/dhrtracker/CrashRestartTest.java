package org.dhrtracker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.env.StandardEnvironment;

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
        // Two HSQLDB file databases are compared; with the postgres profile both would be the one database.
        assumeFalse(List.of(new StandardEnvironment().getActiveProfiles()).contains("postgres"));
        Path root = Path.of("target", "test-homes", "crash-" + UUID.randomUUID()).toAbsolutePath();
        Path crashed = prepare(root.resolve("crashed"));
        Path reference = prepare(root.resolve("reference"));
        int files = fileCount(crashed.resolve("inbox"));

        assertThat(DhrTrackerApplication.run(new String[] {"monthly", "--as-at", AS_AT, "--home", reference.toString()})).isZero();

        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), DhrTrackerApplication.class.getName(), "monthly", "--as-at", AS_AT, "--home",
                crashed.toString())
                .redirectErrorStream(true).redirectOutput(root.resolve("child.log").toFile()).start();
        try {
            // The first files archived: the ingest is under way (a file moves only after its transaction commits).
            waitFor(() -> fileCount(crashed.resolve("archive")) >= 5 || !child.isAlive());
            assertThat(child.isAlive()).as("the child is still ingesting (see %s)", root.resolve("child.log")).isTrue();
        } finally {
            child.destroyForcibly(); // SIGKILL: no shutdown hook, no SHUTDOWN of the database
            child.waitFor();
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
            for (String table : List.of(PROGRESS_UPDATES, RETURN_FILES, DECISIONS, STATUSES)) {
                assertThat(rows(c, table)).as(table).isNotEmpty().isEqualTo(rows(r, table));
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

    /** The rows of each table that matter, ids and times left out, in a fixed order. */
    private static final String PROGRESS_UPDATES = """
            SELECT a.action_ref, u.agency_code, u.as_at, u.status, u.progress, u.evidence, u.revised_target_date,
                   u.completion_date, u.reported_by, f.sha256, u.source_row
            FROM progress_update u JOIN action a ON a.action_id = u.action_id JOIN return_file f ON f.return_file_id = u.return_file_id
            ORDER BY f.sha256, u.source_row""";
    private static final String RETURN_FILES = "SELECT file_name, sha256, row_count FROM return_file ORDER BY sha256";
    private static final String DECISIONS = """
            SELECT a.action_ref, d.decision, d.reason, d.decided_by, d.decided_on, d.source
            FROM completion_decision d JOIN action a ON a.action_id = d.action_id
            ORDER BY a.action_ref, d.decided_on, d.source""";
    private static final String STATUSES = """
            SELECT s.as_at, a.action_ref, s.status, s.rag, s.due_date
            FROM action_status s JOIN action a ON a.action_id = s.action_id ORDER BY s.as_at, a.action_ref""";

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

    private static int fileCount(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return (int) files.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().startsWith(".")).count();
        } catch (IOException e) {
            return 0;
        }
    }

    private static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited %s", TIMEOUT).isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    private static Connection open(Path home) throws SQLException {
        return DriverManager.getConnection("jdbc:hsqldb:file:" + home.resolve("db").resolve("dhr") + ";ifexists=true", "SA", "");
    }

    private static void shutdown(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("SHUTDOWN");
        }
    }

    private static List<List<String>> rows(Connection c, String sql) throws SQLException {
        List<List<String>> rows = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            ResultSetMetaData meta = rs.getMetaData();
            while (rs.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    row.add(rs.getString(i));
                }
                rows.add(row);
            }
        }
        return rows;
    }
}
