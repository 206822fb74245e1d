package org.dhrtracker.register;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.dhrtracker.BatchConfiguration;
import org.dhrtracker.JobTestSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;

/** import-register on a real database: a good register is saved whole, a bad one changes nothing. */
class ImportRegisterJobTest extends JobTestSupport {

    private static final Path SMALL = Path.of("src/test/resources/registers/small-register.csv");

    @TempDir
    Path dir;

    private List<String> lines;

    @BeforeEach
    void importSmallRegister() throws Exception {
        resetHome();
        assertThat(importRegister(SMALL).getExitStatus()).isEqualTo(ExitStatus.COMPLETED);
        lines = Files.readAllLines(SMALL);
    }

    @Test
    void registerHoldsReviewRecommendationsAndActionsWithDerivedDueDates() {
        assertThat(db.queryForMap("SELECT partnership, title FROM review WHERE review_id = 'DHR1'"))
                .containsEntry("PARTNERSHIP", "NABSCOP").containsEntry("TITLE", "Nuneaton Domestic Homicide Review (DHR1)");
        assertThat(count("SELECT COUNT(*) FROM recommendation")).isEqualTo(2);
        Map<String, Object> action = db.queryForMap("""
                SELECT a.agency_code, a.action_text, a.target_date_text, a.due_date, r.number, r.owning_body, r.scope, r.source
                FROM action a JOIN recommendation r ON r.recommendation_id = a.recommendation_id WHERE a.action_ref = '28-GEH'""");
        assertThat(action).containsEntry("AGENCY_CODE", "GEH").containsEntry("NUMBER", "28")
                .containsEntry("OWNING_BODY", "ALL AGENCIES").containsEntry("SCOPE", "LOCAL").containsEntry("SOURCE", "OVERVIEW")
                .containsEntry("TARGET_DATE_TEXT", "July 2014")
                .containsEntry("ACTION_TEXT", "Link to be created on both GEH Trust website and Sexual Assault Referral Centre website");
        assertThat(action.get("DUE_DATE").toString()).isEqualTo("2014-07-31");
    }

    @Test
    void reimportUpdatesInPlace() throws Exception {
        String keys = "SELECT review_id, action_ref, action_id, agency_code FROM %s ORDER BY review_id, action_ref";
        assertThat(db.queryForList(keys.formatted("action_key"))).as("the keys intake checks returns against")
                .isEqualTo(db.queryForList(keys.formatted("action"))).hasSize(3);
        // action 16 handed to another agency
        Path changed = write("changed.csv", String.join("\n", lines).replace("July 2014", "Sept 2014")
                .replace(",16,POLICE,Warwickshire Police,", ",16,GEH,George Eliot Hospital NHS Trust,"));

        assertThat(importRegister(changed).getExitStatus()).isEqualTo(ExitStatus.COMPLETED);

        assertThat(count("SELECT COUNT(*) FROM action")).isEqualTo(3);
        assertThat(db.queryForObject("SELECT due_date FROM action WHERE action_ref = '28-GEH'", Object.class).toString())
                .isEqualTo("2014-09-30");
        assertThat(db.queryForObject("SELECT agency_code FROM action_key WHERE action_ref = '16'", String.class)).isEqualTo("GEH");
        assertThat(db.queryForList(keys.formatted("action_key"))).isEqualTo(db.queryForList(keys.formatted("action")));
    }

    @Test
    void targetsWithNoReadableDateAreListedForTheCoordinator() throws Exception {
        Path file = write("holiday.csv", String.join("\n", lines).replace("Dec 2014", "Significant holiday dates"));

        JobExecution run = importRegister(file);

        assertThat(run.getExitStatus()).isEqualTo(ExitStatus.COMPLETED);
        assertThat(stepContext(run, "import-register").getString(ImportRegisterJobConfiguration.TARGETS_TO_CHECK)).isEqualTo("DHR1 16");
        assertThat(db.queryForMap("SELECT target_date_text, due_date, due_date_note FROM action WHERE action_ref = '16'"))
                .containsEntry("TARGET_DATE_TEXT", "Significant holiday dates").containsEntry("DUE_DATE", null)
                .containsEntry("DUE_DATE_NOTE", "no date could be read: check the target date");
    }

    static Stream<Arguments> badRegisters() {
        return Stream.of(
                Arguments.of("missing column", (Edit) l -> l.replace(",Agency name,", ",Agency title,"),
                        "bad.csv, row 1, column Agency name: required column is missing"),
                Arguments.of("unparseable due date", (Edit) l -> l.replace("April 2014,", "April 2014,2014-02-30"),
                        "bad.csv, row 3, column Due date:"),
                Arguments.of("missing action text", (Edit) l -> l.replace("Link to be created on the force website", ""),
                        "bad.csv, row 3, column Action: a value is required"),
                Arguments.of("unknown source", (Edit) l -> l.replace(",16,Overview,", ",16,Appendix,"),
                        "bad.csv, row 2, column Source:"),
                Arguments.of("action ref used twice", (Edit) l -> l.replace(",28-GEH,", ",28-POLICE,"),
                        "bad.csv, row 4, column Action ref: action ref '28-POLICE' is already used at row 3"),
                Arguments.of("empty file", (Edit) l -> "", "bad.csv: "));
    }

    /** An edit of the register file's text. */
    interface Edit {
        String apply(String text);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badRegisters")
    void badRegisterIsRejectedAndChangesNothing(String why, Edit edit, String expectedProblem) throws Exception {
        List<Map<String, Object>> before = snapshot();
        // Also change a value that would otherwise be updated, to show nothing is applied.
        Path bad = write("bad.csv", edit.apply(String.join("\n", lines).replace("July 2014", "Sept 2014")));

        JobExecution run = importRegister(bad);

        assertThat(run.getExitStatus().getExitCode()).isEqualTo(ImportRegisterJobConfiguration.REJECTED.getExitCode());
        assertThat(run.getExitStatus().getExitDescription()).contains(expectedProblem);
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void reviewOtherThanTheOneNamedIsRejected() throws Exception {
        List<Map<String, Object>> before = snapshot();

        JobExecution run = run("import-register", params().addString(BatchConfiguration.FILE, SMALL.toAbsolutePath().toString())
                .addString(BatchConfiguration.REVIEW, "DHR2"));

        assertThat(run.getExitStatus().getExitDescription())
                .contains("small-register.csv, row 2, column Review: review 'DHR1' is not the review being imported (DHR2)");
        assertThat(snapshot()).isEqualTo(before);
    }

    private List<Map<String, Object>> snapshot() {
        return db.queryForList("""
                SELECT r.number, r.text, a.action_ref, a.agency_code, a.action_text, a.target_date_text, a.due_date
                FROM action a JOIN recommendation r ON r.recommendation_id = a.recommendation_id ORDER BY a.action_ref""");
    }

    private Path write(String name, String text) throws Exception {
        return Files.writeString(dir.resolve(name), text);
    }
}
