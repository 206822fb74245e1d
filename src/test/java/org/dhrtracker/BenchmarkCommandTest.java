package org.dhrtracker;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * The benchmark command as docs/BENCHMARKS.md runs it, at a two-hundredth of the country: it must
 * print every figure the document quotes. No time is asserted: it is a command, not a timed test.
 */
@ExtendWith(OutputCaptureExtension.class)
class BenchmarkCommandTest {

    @Test
    void printsEachStageBesideItsFloorWithTheRatio(CapturedOutput output) throws Exception {
        // The benchmark runs on its own HSQLDB database under HOME; with the postgres profile it would use the shared one.
        TestDatabase.assumeFileDatabases();
        Path home = Path.of("target", "test-homes", "benchmark-" + UUID.randomUUID()).toAbsolutePath();

        assertThat(DhrTrackerApplication.run(new String[] {"benchmark", "--scale", "0.005", "--months", "3", "--home", home.toString()}))
                .isZero();

        assertThat(output.getOut()).contains("scale 0.005: 2 partnerships, 10 reviews, 300 recommendations, 750 actions, 3 months of returns")
                .contains("Setup: returns as at 2025-01-31 ingested and reconciled").contains("Setup: returns as at 2025-02-28 ingested")
                .doesNotContain("Setup: returns as at 2025-03-31")
                .contains("Machine: ").contains("max heap")
                .contains("collector " + java.lang.management.ManagementFactory.getGarbageCollectorMXBeans().get(0).getName())
                .containsPattern("Setup: registers imported \\(750 actions\\)")
                .containsPattern("Monthly run as at 2025-03-31 .*peak heap \\d+ MB")
                .containsPattern("intake +750 updates .*\\| parse \\+ insert .*\\| +\\d+\\.\\d\\d")
                .containsPattern("reconcile +750 actions .*\\| read \\+ insert .*\\| +\\d+\\.\\d\\d")
                .containsPattern("report data +750 actions .*\\| read .*\\| +\\d+\\.\\d\\d")
                .containsPattern("partnership reports +2 reports .*\\| fill \\+ export .*\\| +\\d+\\.\\d\\d")
                .containsPattern("national workbook +750 actions .*\\| SXSSF .*\\| +\\d+\\.\\d\\d")
                .containsPattern("month .*\\| sum of floors .*\\| +\\d+\\.\\d\\d")
                .containsPattern("The code-themes step, and the report step's parts: code-themes \\d+\\.\\d\\d s \\(CPU .*partnership-themes")
                .contains("Floors: CSV parse");
        assertThat(home.resolve("out").resolve("national").resolve("national-workbook-2025-03-31.xlsx")).isRegularFile();
        // Before the month, the process wrote the earlier month's reports of every partnership, as serve would have.
        assertThat(output.getOut()).contains("Setup: warm-up, the reports as at 2025-02-28 (2 partnership reports and the national workbook)");
        try (var pdfs = Files.walk(home.resolve("warm-up"))) {
            assertThat(pdfs.map(p -> p.getFileName().toString()).filter(n -> n.contains("-partnership-report-2025-02-28")))
                    .hasSize(2);
        }
        assertThat(home.resolve("warm-up").resolve("national-workbook-2025-02-28.xlsx")).isRegularFile();

        // Its data is generated afresh: a HOME that holds anything is refused, and left as it is.
        assertThat(DhrTrackerApplication.run(new String[] {"benchmark", "--scale", "0.005", "--home", home.toString()})).isEqualTo(64);
        assertThat(output.getOut()).contains("is not empty; give --home a new or empty folder");
        assertThat(Files.isDirectory(home.resolve("db"))).isTrue();
        assertThat(DhrTrackerApplication.run(new String[] {"benchmark", "--scale", "0", "--home", home.toString()}))
                .isEqualTo(Commands.USAGE);
        assertThat(DhrTrackerApplication.run(new String[] {"benchmark", "--months", "1", "--home", home.toString()}))
                .isEqualTo(Commands.USAGE);
    }
}
