package org.dhrtracker.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.dhrtracker.JobTestSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;

/**
 * ingest-returns on a real database: good returns are applied whole, bad ones are rejected whole
 * with a message naming file, row and column, and leave the database as it was.
 */
class IngestReturnsJobTest extends JobTestSupport {

    private static final String HEADER = "Review,Action ref,Agency,As at,Status,Progress,Evidence,Revised target date,Completion date,Reported by\n";
    private static final String GOOD_ROW = "DHR1,28-POLICE,POLICE,2014-06-30,Completed,Link live on force website,Screenshot,,2014-04-30,DA Strategic Lead\n";

    @BeforeEach
    void registerWithOneAcceptedReturn() throws Exception {
        resetHome();
        assertThat(importRegister(Path.of("src/test/resources/registers/small-register.csv")).getExitStatus())
                .isEqualTo(ExitStatus.COMPLETED);
        drop("2014-06-30_POLICE.csv", HEADER + GOOD_ROW);
        JobExecution first = ingest();
        assertThat(first.getExitStatus()).isEqualTo(ExitStatus.COMPLETED);
        assertThat(count("SELECT COUNT(*) FROM progress_update")).isEqualTo(1);
    }

    @Test
    void acceptedReturnKeepsEveryFieldAndWhereItCameFrom() throws Exception {
        drop("2015-03-31_GEH.csv", HEADER
                + "DHR1,28-GEH,GEH,31/03/2015,In progress,\"Trust website link live;\nSARC link awaited\",,2015-06-30,,Safeguarding Lead\n");
        JobExecution run = ingest();

        assertThat(run.getExitStatus()).isEqualTo(ExitStatus.COMPLETED);
        Map<String, Object> row = db.queryForMap("""
                SELECT u.agency_code, p.as_at, u.status, u.progress, u.revised_target_date, u.reported_by, u.source_row, f.file_name
                FROM progress_update u JOIN action a ON a.action_id = u.action_id JOIN return_part p ON p.part_id = u.part_id JOIN return_file f ON f.return_file_id = p.return_file_id
                WHERE a.action_ref = '28-GEH'""");
        assertThat(row).containsEntry("AGENCY_CODE", "GEH").containsEntry("STATUS", "IN_PROGRESS")
                .containsEntry("PROGRESS", "Trust website link live;\nSARC link awaited")
                .containsEntry("REPORTED_BY", "Safeguarding Lead").containsEntry("SOURCE_ROW", 2)
                .containsEntry("FILE_NAME", "2015-03-31_GEH.csv");
        assertThat(row.get("AS_AT").toString()).isEqualTo("2015-03-31");
        assertThat(row.get("REVISED_TARGET_DATE").toString()).isEqualTo("2015-06-30");
        assertThat(home.archive().resolve("2015-03-31_GEH.csv")).exists();
        assertThat(inbox()).isEmpty();
    }

    @Test
    void xlsxReturnIsReadLikeCsv() throws Exception {
        Path file = home.inbox().resolve("2015-03-31_GEH.xlsx");
        try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            var sheet = wb.createSheet("Return");
            String[] header = HEADER.strip().split(",");
            var h = sheet.createRow(0);
            for (int i = 0; i < header.length; i++) {
                h.createCell(i).setCellValue(header[i]);
            }
            var r = sheet.createRow(1);
            r.createCell(0).setCellValue("DHR1");
            r.createCell(1).setCellValue("28-GEH");
            r.createCell(2).setCellValue("GEH");
            var date = r.createCell(3);
            date.setCellValue(LocalDate.of(2015, 3, 31));
            var style = wb.createCellStyle();
            style.setDataFormat(wb.createDataFormat().getFormat("dd/mm/yyyy"));
            date.setCellStyle(style);
            r.createCell(4).setCellValue("completed");
            r.createCell(8).setCellValue("2015-02-28");
            wb.write(out);
        }
        JobExecution run = ingest();

        assertThat(run.getExitStatus()).isEqualTo(ExitStatus.COMPLETED);
        Map<String, Object> row = db.queryForMap("""
                SELECT p.as_at, u.status, u.completion_date FROM progress_update u JOIN action a ON a.action_id = u.action_id
                JOIN return_part p ON p.part_id = u.part_id WHERE a.action_ref = '28-GEH'""");
        assertThat(row.get("AS_AT").toString()).isEqualTo("2015-03-31");
        assertThat(row.get("COMPLETION_DATE").toString()).isEqualTo("2015-02-28");
        assertThat(row).containsEntry("STATUS", "COMPLETED");
    }

    static Stream<Arguments> badReturns() {
        return Stream.of(
                Arguments.of("missing column",
                        "Review,Action ref,Agency,Status,Progress\nDHR1,28-POLICE,POLICE,Completed,Done\n",
                        "row 1, column As at: required column is missing"),
                Arguments.of("unknown review",
                        HEADER + "DHR9,28-POLICE,POLICE,2015-03-31,In progress,,,,,\n",
                        "row 2, column Review: unknown review 'DHR9'"),
                Arguments.of("unknown action",
                        HEADER + GOOD_ROW.replace("2014-06-30", "2015-03-31") + "DHR1,99z,POLICE,2015-03-31,In progress,,,,,\n",
                        "row 3, column Action ref: unknown action ref '99z'"),
                Arguments.of("unparseable date",
                        HEADER + "DHR1,16,POLICE,31/13/2015,In progress,,,,,\n",
                        "row 2, column As at:"),
                Arguments.of("another agency's action",
                        HEADER + "DHR1,28-GEH,POLICE,2015-03-31,Completed,,,,,\n",
                        "row 2, column Agency: action 28-GEH belongs to GEH"),
                Arguments.of("status not in the list",
                        HEADER + "DHR1,16,POLICE,2015-03-31,Nearly there,,,,,\n",
                        "row 2, column Status:"),
                Arguments.of("completion after as-at",
                        HEADER + "DHR1,16,POLICE,2015-03-31,Completed,,,,2015-04-30,\n",
                        "row 2, column Completion date: completion date 2015-04-30 is after the as-at date 2015-03-31"),
                Arguments.of("progress without a status",
                        HEADER + "DHR1,16,POLICE,2015-03-31,,Some progress,,,,\n",
                        "row 2, column Status: a value is required"),
                Arguments.of("no row answered (a return pack sent back blank)",
                        HEADER + "DHR1,16,POLICE,2015-03-31,,,,,,DA Strategic Lead\n",
                        "bad.csv: the file has no update rows"),
                Arguments.of("empty file", "", "bad.csv: "),
                Arguments.of("header only", HEADER, "bad.csv: "));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badReturns")
    void badReturnIsRejectedWholeAndChangesNothing(String why, String content, String expectedProblem) throws Exception {
        List<Map<String, Object>> before = db.queryForList("SELECT * FROM progress_update ORDER BY update_id");
        int filesBefore = count("SELECT COUNT(*) FROM return_file");
        drop("bad.csv", content);

        JobExecution run = ingest();

        assertThat(run.getExitStatus().getExitCode()).isEqualTo(IngestReturnsJobConfiguration.WITH_REJECTIONS.getExitCode());
        assertThat(db.queryForList("SELECT * FROM progress_update ORDER BY update_id")).isEqualTo(before);
        assertThat(count("SELECT COUNT(*) FROM return_file")).isEqualTo(filesBefore);
        assertThat(home.rejected().resolve("bad.csv")).exists();
        assertThat(inbox()).isEmpty();
        String errors = Files.readString(home.rejected().resolve("bad.csv.errors.txt"));
        // The protective marking, then a line per problem.
        assertThat(errors).startsWith("OFFICIAL-SENSITIVE\nbad.csv").contains(expectedProblem);
        assertThat(stepContext(run, "ingest-returns").getInt(InboxFileWriter.REJECTED)).isEqualTo(1);
    }

    @Test
    void oneBadFileDoesNotStopTheOthers() throws Exception {
        drop("a-bad.csv", HEADER + "DHR1,16,POLICE,2015-03-31,Nearly there,,,,,\n");
        drop("b-good.csv", HEADER + "DHR1,16,POLICE,2015-03-31,In progress,Raised with CAADA,,,,\n");

        JobExecution run = ingest();

        var step = stepContext(run, "ingest-returns");
        assertThat(step.getInt(InboxFileWriter.REJECTED)).isEqualTo(1);
        assertThat(step.getInt(InboxFileWriter.ACCEPTED)).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM progress_update")).isEqualTo(2);
    }

    @Test
    void theSameReturnDroppedTwiceIsAppliedOnce() throws Exception {
        drop("2014-06-30_POLICE (copy).csv", HEADER + GOOD_ROW);

        JobExecution run = ingest();

        assertThat(run.getExitStatus()).isEqualTo(ExitStatus.COMPLETED);
        assertThat(stepContext(run, "ingest-returns").getInt(InboxFileWriter.DUPLICATE)).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM progress_update")).isEqualTo(1);
    }

    @Test
    void moreReturnsThanTheReadAheadHoldsAreAppliedInTheOrderListedAndTheReadingEndsWithTheStep() throws Exception {
        // Two transactions and more of returns, one of them bad; each names the same action, with its own progress.
        int files = 2 * IngestReturnsJobConfiguration.FILES_PER_TRANSACTION + 5;
        List<String> expected = new java.util.ArrayList<>(List.of("Link live on force website"));
        for (int i = 0; i < files; i++) {
            String status = i == 30 ? "Nearly there" : "In progress";
            drop(String.format("r%02d.csv", i), HEADER + "DHR1,16,POLICE,2015-03-31," + status + ",Step " + i + ",,,,\n");
            if (i != 30) {
                expected.add("Step " + i);
            }
        }

        JobExecution run = ingest();

        var step = stepContext(run, "ingest-returns");
        assertThat(step.getInt(InboxFileWriter.ACCEPTED)).isEqualTo(files - 1);
        assertThat(step.getInt(InboxFileWriter.REJECTED)).isEqualTo(1);
        assertThat(db.queryForList("SELECT progress FROM progress_update ORDER BY update_id", String.class)).isEqualTo(expected);
        assertThat(home.rejected().resolve("r30.csv")).exists();
        assertThat(inbox()).isEmpty();
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().equals("inbox-read-ahead"));
    }

    private JobExecution ingest() throws Exception {
        return run(IngestReturnsJobConfiguration.JOB, params());
    }

    private void drop(String name, String content) throws Exception {
        Files.writeString(home.inbox().resolve(name), content);
    }

    private List<Path> inbox() throws Exception {
        try (Stream<Path> files = Files.list(home.inbox())) {
            return files.toList();
        }
    }
}
