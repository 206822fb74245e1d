package org.dhrtracker.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import org.dhrtracker.JobTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;

/** A job definition for one board: only its partnership's reviews are reported on. */
class PartnershipDefinitionTest extends JobTestSupport {

    private static final String DEFINITION = """
            job=monthly
            cron=0 0 7 1W * *
            as-at=end-of-previous-month
            reports=board-pdf
            output=out/{partnership}
            """;

    @TempDir
    Path jobs;

    @Test
    void aBoardsDefinitionReportsOnlyItsPartnershipsReviews() throws Exception {
        resetHome();
        assertThat(importRegister(DEMO_REGISTER).getExitStatus()).isEqualTo(ExitStatus.COMPLETED);
        Path other = jobs.resolve("other-register.csv");
        Files.writeString(other, Files.readString(Path.of("src/test/resources/registers/small-register.csv"))
                .replace("DHR1,NABSCOP,Nuneaton and Bedworth Safer Communities Partnership", "XR1,OTHER,Another Partnership"));
        assertThat(importRegister(other).getExitStatus()).isEqualTo(ExitStatus.COMPLETED);
        Files.writeString(jobs.resolve("board-other.properties"), DEFINITION + "partnership=OTHER\n");
        JobDefinition definition = new JobDefinitions(jobs).get("board-other");

        var run = run(MonthlyJobConfiguration.JOB, MonthlyJobConfiguration.parameters(params(), definition, LocalDate.of(2016, 5, 31), null));

        assertThat(run.getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(home.out().resolve("OTHER/XR1-board-report-2016-05-31.pdf")).isNotEmptyFile();
        assertThat(home.out().resolve("NABSCOP")).doesNotExist();
    }

    @Test
    void reviewsAndPartnershipTogetherAreRefused() throws Exception {
        Files.writeString(jobs.resolve("both.properties"), DEFINITION + "reviews=DHR1\npartnership=NABSCOP\n");

        assertThatThrownBy(() -> new JobDefinitions(jobs).get("both")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("both.properties: give reviews or partnership, not both");
    }
}
