package org.dhrtracker.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which inbox files are completely written: unchanged in size and time for the settle time. */
class SettledFilesTest {

    private static final Instant T0 = Instant.parse("2026-09-01T07:00:00Z");
    private static final Path A = Path.of("inbox/a.csv");
    private static final SettledFiles.State SMALL = new SettledFiles.State(100, T0);
    private static final SettledFiles.State BIGGER = new SettledFiles.State(200, T0.plusSeconds(1));

    private final SettledFiles settling = new SettledFiles(Duration.ofSeconds(3));

    @Test
    void aFileSettlesOnlyOnceUnchangedForTheSettleTime() {
        assertThat(settling.observe(Map.of(A, SMALL), T0)).isEmpty();
        assertThat(settling.observe(Map.of(A, SMALL), T0.plusSeconds(2))).isEmpty();
        assertThat(settling.observe(Map.of(A, SMALL), T0.plusSeconds(3))).containsExactly(A);
    }

    @Test
    void aFileThatGrowsStartsOver() {
        settling.observe(Map.of(A, SMALL), T0);
        assertThat(settling.observe(Map.of(A, BIGGER), T0.plusSeconds(3))).isEmpty();
        assertThat(settling.observe(Map.of(A, BIGGER), T0.plusSeconds(5))).isEmpty();
        assertThat(settling.observe(Map.of(A, BIGGER), T0.plusSeconds(6))).containsExactly(A);
    }

    @Test
    void aFileThatGoesAndComesBackStartsOver() {
        settling.observe(Map.of(A, SMALL), T0);
        settling.observe(Map.of(), T0.plusSeconds(1));
        assertThat(settling.observe(Map.of(A, SMALL), T0.plusSeconds(3))).isEmpty();
    }

    @Test
    void isSettledChecksTheFileIsStillAsSeen(@TempDir Path inbox) throws Exception {
        Path file = inbox.resolve("r.csv");
        Files.writeString(file, "Review\n");
        Files.setLastModifiedTime(file, FileTime.from(T0));
        settling.observe(SettledFiles.scan(inbox), T0);
        assertThat(settling.isSettled(file, T0.plusSeconds(1))).isFalse();
        assertThat(settling.isSettled(file, T0.plusSeconds(3))).isTrue();

        Files.writeString(file, "Review,Action ref\n");
        assertThat(settling.isSettled(file, T0.plusSeconds(4))).isFalse();
    }

    @Test
    void temporaryAndPartialNamesAreNotWaitingFiles(@TempDir Path inbox) throws Exception {
        for (String name : new String[] {"r.csv.part", "r.csv.tmp", "r.CSV.TMP", "~$return.xlsx", ".hidden.csv", "r.xlsx.crdownload",
            "r.csv.errors.txt", "r.csv", "r.xlsx"}) {
            Files.writeString(inbox.resolve(name), "x");
        }
        assertThat(SettledFiles.scan(inbox).keySet()).extracting(p -> p.getFileName().toString())
                .containsExactlyInAnyOrder("r.csv", "r.xlsx");
    }

    @Test
    void progressIsLoggedEveryFiftyFilesOrEveryFewSeconds() {
        assertThat(IngestProgress.isDue(1, Duration.ofSeconds(1))).isFalse();
        assertThat(IngestProgress.isDue(50, Duration.ofSeconds(1))).isTrue();
        assertThat(IngestProgress.isDue(1, Duration.ofSeconds(5))).isTrue();
        assertThat(IngestProgress.isDue(0, Duration.ofSeconds(60))).isFalse();
    }
}
