package org.dhrtracker.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

import org.dhrtracker.JobTestSupport;
import org.dhrtracker.schedule.RunRecovery;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A run killed after a file's transaction committed and before the file moved, on both databases:
 * the committed state is that of a real ingest, the kill is rewound by hand (the file put back in the
 * inbox, the run and its step marked running again, as a dead process leaves them), and the resumed run
 * only finishes the move. The kills themselves are in the fault-injection test (HSQLDB only).
 */
class IntakeRecoveryTest extends JobTestSupport {

    private static final String HEADER = "Review,Action ref,Agency,As at,Status,Progress,Evidence,Revised target date,Completion date,Reported by\n";
    private static final String GOOD = HEADER + "DHR1,16,POLICE,2015-03-31,In progress,Raised with CAADA,,,,DA Strategic Lead\n";

    @Autowired
    private RunRecovery recovery;

    @BeforeEach
    void register() throws Exception {
        resetHome();
        assertThat(importRegister(Path.of("src/test/resources/registers/small-register.csv")).getExitStatus())
                .isEqualTo(ExitStatus.COMPLETED);
    }

    @Test
    void aRejectedFileCommittedButNotMovedIsMovedWithItsErrorsAndItsRefusedRowsAreNotRecordedTwice() throws Exception {
        drop("bad.csv", HEADER + "DHR1,99z,POLICE,2015-03-31,In progress,,,,,\nDHR1,28-GEH,POLICE,2015-03-31,Completed,,,,,\n");
        JobExecution run = ingest();
        String errors = Files.readString(home.rejected().resolve("bad.csv.errors.txt"));
        assertThat(errors).startsWith("OFFICIAL-SENSITIVE\nbad.csv, row 2, column Action ref: unknown action ref '99z'");
        assertThat(count("SELECT COUNT(*) FROM refused_update")).isEqualTo(2);

        killedBeforeTheMove(run, home.rejected().resolve("bad.csv"));
        JobExecution resumed = resume();

        assertThat(count("SELECT COUNT(*) FROM refused_update")).isEqualTo(2);
        assertThat(stepContext(resumed, "ingest-returns").getInt(InboxFileWriter.REJECTED)).isEqualTo(1);
        assertThat(home.inbox()).isEmptyDirectory();
        assertThat(home.rejected().resolve("bad.csv")).exists();
        assertThat(Files.readString(home.rejected().resolve("bad.csv.errors.txt"))).isEqualTo(errors);
    }

    @Test
    void anAcceptedFileCommittedButNotMovedIsArchivedNeitherAppliedNorCountedAgain() throws Exception {
        drop("good.csv", GOOD);
        JobExecution run = ingest();
        assertThat(count("SELECT COUNT(*) FROM progress_update")).isEqualTo(1);

        killedBeforeTheMove(run, home.archive().resolve("good.csv"));
        JobExecution resumed = resume();

        assertThat(count("SELECT COUNT(*) FROM progress_update")).isEqualTo(1);
        var counts = stepContext(resumed, "ingest-returns");
        assertThat(counts.getInt(InboxFileWriter.ACCEPTED)).isEqualTo(1);
        assertThat(counts.getInt(InboxFileWriter.DUPLICATE)).isZero();
        assertThat(home.inbox()).isEmptyDirectory();
        assertThat(home.archive().resolve("good.csv")).exists();
        assertThat(home.archive().resolve("good-2.csv")).doesNotExist();
    }

    @Test
    void aCopyUnderAnotherNameOfTheFileLastAppliedBeforeTheKillCountsAsADuplicate() throws Exception {
        drop("good.csv", GOOD);
        JobExecution run = ingest();
        // Killed after good.csv had moved; its copy was waiting behind it.
        killedBeforeTheMove(run, null);
        drop("good (copy).csv", GOOD);

        JobExecution resumed = resume();

        var counts = stepContext(resumed, "ingest-returns");
        assertThat(counts.getInt(InboxFileWriter.ACCEPTED)).isEqualTo(1);
        assertThat(counts.getInt(InboxFileWriter.DUPLICATE)).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM progress_update")).isEqualTo(1);
        assertThat(home.archive().resolve("good (copy).csv")).exists();
    }

    private JobExecution ingest() throws Exception {
        return run(IngestReturnsJobConfiguration.JOB, params());
    }

    /**
     * What a kill between the commit of the run's last file and its move leaves: the file (if given)
     * back in the inbox, its .errors.txt gone, the run and its step still running.
     */
    private void killedBeforeTheMove(JobExecution run, Path moved) throws Exception {
        if (moved != null) {
            Files.move(moved, home.inbox().resolve(moved.getFileName()), StandardCopyOption.ATOMIC_MOVE);
            Files.deleteIfExists(moved.resolveSibling(moved.getFileName() + ".errors.txt"));
        }
        db.update("UPDATE BATCH_STEP_EXECUTION SET STATUS = 'STARTED', EXIT_CODE = 'EXECUTING', END_TIME = NULL WHERE JOB_EXECUTION_ID = ?",
                run.getId());
        db.update("UPDATE BATCH_JOB_EXECUTION SET STATUS = 'STARTED', EXIT_CODE = 'UNKNOWN', END_TIME = NULL WHERE JOB_EXECUTION_ID = ?",
                run.getId());
    }

    private JobExecution resume() {
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        List<JobExecution> resumed = recovery.resumeInterrupted(new PrintStream(console, true));
        assertThat(console.toString()).contains("marked FAILED").contains("Resuming the ingest-returns run");
        assertThat(resumed).singleElement().extracting(JobExecution::getStatus).isEqualTo(BatchStatus.COMPLETED);
        assertThat(db.queryForList("SELECT EXIT_MESSAGE FROM BATCH_JOB_EXECUTION WHERE STATUS = 'FAILED'", String.class))
                .singleElement().asString().contains(RunRecovery.INTERRUPTED);
        return resumed.get(0);
    }

    private void drop(String name, String content) throws Exception {
        Files.writeString(home.inbox().resolve(name), content);
    }
}
