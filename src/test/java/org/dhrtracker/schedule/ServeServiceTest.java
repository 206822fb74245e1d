package org.dhrtracker.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

import org.dhrtracker.JobTestSupport;
import org.dhrtracker.intake.InboxGate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * serve on a real database: a file still being written is not read, a settled file is ingested
 * whole, and the same content dropped twice under different names is applied once. Short settle
 * and poll times; every wait is a poll with a timeout.
 */
class ServeServiceTest extends JobTestSupport {

    private static final String HEADER = "Review,Action ref,Agency,As at,Status,Progress,Evidence,Revised target date,Completion date,Reported by\n";
    private static final String ROWS = "DHR1,16,POLICE,2015-03-31,In progress,Raised with CAADA,,,,DA Strategic Lead\n"
            + "DHR1,28-POLICE,POLICE,2015-03-31,Completed,Link live on force website,Screenshot,,2015-02-28,DA Strategic Lead\n";
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @Autowired
    JobOperator jobOperator;
    @Autowired
    JobRepository jobRepository;
    @Autowired
    JobDefinitions definitions;
    @Autowired
    InboxGate gate;
    @Autowired
    Clock clock;
    @Autowired
    JobGuard guard;

    private ServeService serve;

    @BeforeEach
    void registerAndServe() throws Exception {
        resetHome();
        assertThat(importRegister(Path.of("src/test/resources/registers/small-register.csv")).getExitStatus()).isEqualTo(ExitStatus.COMPLETED);
        serve = new ServeService(jobOperator, jobs, jobRepository, definitions, gate, home, clock, guard, 1.0, 0.2, 30);
        serve.start();
    }

    @AfterEach
    void stopServing() {
        serve.stop();
    }

    @Test
    void aFileWrittenSlowlyIsIngestedOnlyOnceCompleteAndThenWhole() throws Exception {
        Path file = home.inbox().resolve("2015-03-31_POLICE.csv");
        byte[] content = (HEADER + ROWS).getBytes(StandardCharsets.UTF_8);
        AtomicBoolean done = new AtomicBoolean();
        Files.createFile(file);
        Thread writer = new Thread(() -> {
            // Five pieces 400 ms apart, cut mid-row: each piece alone would be a readable but partial return.
            try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.APPEND)) {
                int piece = content.length / 5 + 1;
                for (int from = 0; from < content.length; from += piece) {
                    out.write(content, from, Math.min(piece, content.length - from));
                    out.flush();
                    Thread.sleep(400);
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            } finally {
                done.set(true);
            }
        });
        writer.start();
        while (!done.get()) {
            assertThat(count("SELECT COUNT(*) FROM return_file")).as("nothing read while the file is written").isZero();
            assertThat(file).exists();
            Thread.sleep(50);
        }
        writer.join();

        await(() -> Files.exists(home.archive().resolve("2015-03-31_POLICE.csv")));
        assertThat(count("SELECT COUNT(*) FROM progress_update")).isEqualTo(2);
        assertThat(count("SELECT COUNT(*) FROM return_file")).isEqualTo(1);
        assertThat(home.rejected()).isEmptyDirectory();
        assertThat(home.inbox()).isEmptyDirectory();
    }

    @Test
    void theSameContentDroppedTwiceUnderTwoNamesIsAppliedOnce() throws Exception {
        Files.writeString(home.inbox().resolve("2015-03-31_POLICE.csv"), HEADER + ROWS);
        await(() -> Files.exists(home.archive().resolve("2015-03-31_POLICE.csv")));
        Files.writeString(home.inbox().resolve("police return (copy).csv"), HEADER + ROWS);
        await(() -> Files.exists(home.archive().resolve("police return (copy).csv")));

        assertThat(count("SELECT COUNT(*) FROM return_file")).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM progress_update")).isEqualTo(2);
        assertThat(home.inbox()).isEmptyDirectory();
    }

    @Test
    void temporaryNamesAreLeftAloneUntilRenamed() throws Exception {
        Path part = home.inbox().resolve("2015-03-31_POLICE.csv.part");
        Files.writeString(part, HEADER + ROWS);
        Instant until = Instant.now().plusSeconds(2);
        while (Instant.now().isBefore(until)) {
            assertThat(part).exists();
            assertThat(count("SELECT COUNT(*) FROM return_file")).isZero();
            Thread.sleep(100);
        }
        Files.move(part, home.inbox().resolve("2015-03-31_POLICE.csv"));
        await(() -> Files.exists(home.archive().resolve("2015-03-31_POLICE.csv")));
        assertThat(count("SELECT COUNT(*) FROM progress_update")).isEqualTo(2);
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(TIMEOUT);
        while (!condition.getAsBoolean()) {
            assertThat(Instant.now()).as("waited %s", TIMEOUT).isBefore(deadline);
            Thread.sleep(100);
        }
    }

}
