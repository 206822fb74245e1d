package org.dhrtracker.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

/** The monthly definition's fire times and as-at dates, and one run per job at a time. */
class ScheduleTest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    private final JobDefinition monthly = load();

    private static JobDefinition load() {
        try {
            return new JobDefinitions(Path.of("jobs")).get("monthly");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void monthlyRunsAtSevenOnTheFirstWorkingDay() {
        List<ZonedDateTime> runs = monthly.nextRuns(ZonedDateTime.of(2026, 7, 15, 12, 0, 0, 0, LONDON), 4);

        assertThat(runs).extracting(ZonedDateTime::toLocalDateTime).extracting(Object::toString).containsExactly(
                "2026-08-03T07:00", // Saturday 1 August: Monday 3rd, not Friday 31 July
                "2026-09-01T07:00", // Tuesday
                "2026-10-01T07:00", // Thursday
                "2026-11-02T07:00"); // Sunday 1 November: Monday 2nd
    }

    @Test
    void aRunReportsAsAtTheEndOfThePreviousMonth() {
        ZonedDateTime run = monthly.nextRuns(ZonedDateTime.of(2026, 8, 15, 0, 0, 0, 0, LONDON), 1).get(0);
        assertThat(run.toLocalDateTime()).hasToString("2026-09-01T07:00");
        Clock atRun = Clock.fixed(run.toInstant(), LONDON);

        assertThat(monthly.asAt().asAt(atRun)).isEqualTo(LocalDate.of(2026, 8, 31));
        assertThat(monthly.asAt().asAt(LocalDate.of(2026, 3, 2))).isEqualTo(LocalDate.of(2026, 2, 28));
        assertThat(JobDefinition.AsAtRule.TODAY.asAt(LocalDate.of(2026, 3, 2))).isEqualTo(LocalDate.of(2026, 3, 2));
    }

    @Test
    void twoConcurrentTriggersOfOneJobRunItOnce() throws Exception {
        JobGuard guard = new JobGuard();
        AtomicInteger runs = new AtomicInteger();
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread first = new Thread(() -> guard.runExclusively(List.of("monthly", "ingest-returns"), () -> {
            runs.incrementAndGet();
            running.countDown();
            await(release);
        }));
        first.start();
        assertThat(running.await(10, TimeUnit.SECONDS)).isTrue();

        boolean second = guard.runExclusively(List.of("monthly"), runs::incrementAndGet);
        boolean ingest = guard.runExclusively(List.of("ingest-returns"), runs::incrementAndGet);
        boolean other = guard.runExclusively(List.of("reconcile"), () -> { });
        release.countDown();
        first.join(10_000);

        assertThat(second).isFalse();
        assertThat(ingest).as("the monthly run holds the inbox too").isFalse();
        assertThat(other).isTrue();
        assertThat(runs).hasValue(1);
        assertThat(guard.runExclusively(List.of("monthly"), runs::incrementAndGet)).as("free again once the run ended").isTrue();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
