package org.dhrtracker.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.dhrtracker.BatchConfiguration;
import org.dhrtracker.DatabaseSchema;
import org.dhrtracker.JobTestSupport;
import org.dhrtracker.intake.InboxFileWriter;
import org.dhrtracker.intake.IngestReturnsJobConfiguration;
import org.dhrtracker.intake.SignOffService;
import org.dhrtracker.reconcile.ClosureRepository.Claim;
import org.dhrtracker.reconcile.ClosureRepository.Decision;
import org.dhrtracker.reconcile.ClosureRepository.RejectedClaim;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Checked closure on a real database with the real jobs: an agency's Completed is a claim, the
 * coordinator accepts or rejects it (sign-off file in the inbox, or the sign-off command), and only
 * an accepted claim makes the action Completed, as at any date.
 */
class CheckedClosureTest extends JobTestSupport {

    private static final String RETURN = "Review,Action ref,Agency,As at,Status,Progress,Evidence,Revised target date,Completion date,Reported by\n";
    private static final String SIGN_OFF = "Review,Action ref,Decision,Reason,Decided by,Decided on\n";
    /** Action 16 (POLICE) is due December 2014; it is claimed completed as at 31 March 2015. */
    private static final String CLAIM_16 = "DHR1,16,POLICE,2015-03-31,Completed,Raised with CAADA,CAADA letter,,,DA Strategic Lead\n";
    private static final LocalDate MARCH = LocalDate.of(2015, 3, 31);
    private static final LocalDate APRIL = LocalDate.of(2015, 4, 30);

    @Autowired
    ClosureRepository closure;

    @Autowired
    SignOffService signOffs;

    @Autowired
    DataSource dataSource;

    @BeforeEach
    void registerWithACompletionClaim() throws Exception {
        resetHome();
        assertThat(importRegister(Path.of("src/test/resources/registers/small-register.csv")).getExitStatus())
                .isEqualTo(ExitStatus.COMPLETED);
        drop("2015-03-31_POLICE.csv", RETURN + CLAIM_16);
        assertThat(ingest().getExitStatus()).isEqualTo(ExitStatus.COMPLETED);
    }

    @Test
    void aClaimAwaitingSignOffIsCompletionClaimedNotCompleted() throws Exception {
        assertThat(statusesAsAt(MARCH)).containsEntry("16", ActionStatus.CLAIMED);

        Claim claim = closure.claimsAsAt("DHR1", MARCH).get(actionId("16"));
        assertThat(claim.isPending()).isTrue();
        assertThat(claim.claimedAsAt()).isEqualTo(MARCH);
        assertThat(claim.evidence()).isEqualTo("CAADA letter");
        assertThat(closure.claimsAsAt("DHR1", MARCH)).containsOnlyKeys(actionId("16"));
        assertThat(ActionStatus.CLAIMED.isException()).isFalse();
    }

    @Test
    void acceptedBySignOffFileIsCompletedFromItsDecidedOnDateOnly() throws Exception {
        drop("2015-04-15_signoff.csv", SIGN_OFF + "DHR1,16,Accepted,,DHR Coordinator,15/04/2015\n");

        JobExecution run = ingest();

        assertThat(run.getExitStatus()).isEqualTo(ExitStatus.COMPLETED);
        var counts = stepContext(run, "ingest-returns");
        assertThat(counts.getInt(InboxFileWriter.SIGN_OFFS_ACCEPTED)).isEqualTo(1);
        assertThat(counts.getInt(InboxFileWriter.DECISIONS)).isEqualTo(1);
        assertThat(counts.getInt(InboxFileWriter.ACCEPTED)).isZero();
        assertThat(home.archive().resolve("2015-04-15_signoff.csv")).exists();
        assertThat(db.queryForMap("SELECT decision, decided_by, source FROM completion_decision"))
                .containsEntry("DECISION", "ACCEPTED").containsEntry("DECIDED_BY", "DHR Coordinator")
                .containsEntry("SOURCE", "2015-04-15_signoff.csv, row 2");

        assertThat(statusesAsAt(APRIL)).containsEntry("16", ActionStatus.COMPLETED);
        // The board report as at 31 March is regenerated the same: the decision came after it.
        assertThat(statusesAsAt(MARCH)).containsEntry("16", ActionStatus.CLAIMED);
        Claim claim = closure.claimsAsAt("DHR1", APRIL).get(actionId("16"));
        assertThat(claim.decision()).isEqualTo(Decision.ACCEPTED);
        assertThat(claim.decidedOn()).isEqualTo(LocalDate.of(2015, 4, 15));
    }

    @Test
    void acceptedByCommandIsCompleted() throws Exception {
        List<String> refusals = signOffs.signOff("DHR1", "16", "Accept", null, "DHR Coordinator", LocalDate.of(2015, 4, 1));

        assertThat(refusals).isEmpty();
        assertThat(db.queryForObject("SELECT source FROM completion_decision", String.class)).isEqualTo("command");
        assertThat(statusesAsAt(APRIL)).containsEntry("16", ActionStatus.COMPLETED);
    }

    @Test
    void aRejectedClaimReopensTheActionAndGoesBackToTheAgency() throws Exception {
        drop("2015-04-15_signoff.csv", SIGN_OFF + "DHR1,16,reject,No evidence supplied: please send the letter,DHR Coordinator,2015-04-15\n");
        assertThat(ingest().getExitStatus()).isEqualTo(ExitStatus.COMPLETED);

        // Due December 2014 and no longer completed: overdue.
        assertThat(statusesAsAt(APRIL)).containsEntry("16", ActionStatus.OVERDUE);
        List<RejectedClaim> rejected = closure.rejectedAsAt("DHR1", APRIL);
        assertThat(rejected).hasSize(1);
        RejectedClaim r = rejected.get(0);
        assertThat(r.actionRef()).isEqualTo("16");
        assertThat(r.agency()).isEqualTo("POLICE");
        assertThat(r.decidedBy()).isEqualTo("DHR Coordinator");
        assertThat(r.claim().reason()).isEqualTo("No evidence supplied: please send the letter");
        assertThat(r.claim().decidedOn()).isEqualTo(LocalDate.of(2015, 4, 15));
        assertThat(closure.rejectedAsAt("DHR1", MARCH)).isEmpty();
        assertThat(closure.rejectedAsAt(null, APRIL)).hasSize(1);
    }

    @Test
    void completedAgainAfterARejectionIsANewClaimAwaitingSignOff() throws Exception {
        signOffs.signOff("DHR1", "16", "Reject", "No evidence supplied", null, LocalDate.of(2015, 4, 15));
        drop("2015-05-31_POLICE.csv", RETURN + "DHR1,16,POLICE,2015-05-31,Completed,Letter attached,CAADA letter,,,DA Strategic Lead\n");
        assertThat(ingest().getExitStatus()).isEqualTo(ExitStatus.COMPLETED);
        LocalDate may = LocalDate.of(2015, 5, 31);

        assertThat(statusesAsAt(may)).containsEntry("16", ActionStatus.CLAIMED);
        Claim claim = closure.claimsAsAt("DHR1", may).get(actionId("16"));
        assertThat(claim.isPending()).isTrue();
        assertThat(claim.claimedAsAt()).isEqualTo(may);
        assertThat(statusesAsAt(APRIL)).containsEntry("16", ActionStatus.OVERDUE);

        signOffs.signOff("DHR1", "16", "Accept", null, null, LocalDate.of(2015, 6, 10));
        assertThat(statusesAsAt(LocalDate.of(2015, 6, 30))).containsEntry("16", ActionStatus.COMPLETED);
        assertThat(statusesAsAt(may)).containsEntry("16", ActionStatus.CLAIMED);
    }

    @Test
    void aSignOffFileIsAppliedAfterTheReturnsOfTheSameRunWhateverItsName() throws Exception {
        drop("a-signoff.csv", SIGN_OFF + "DHR1,28-GEH,Accept,,,2015-04-10\n");
        drop("b-return.csv", RETURN + "DHR1,28-GEH,GEH,2015-03-31,Completed,Link live,Link on GEH website,,,Safeguarding Lead\n");

        JobExecution run = ingest();

        assertThat(run.getExitStatus()).isEqualTo(ExitStatus.COMPLETED);
        assertThat(statusesAsAt(APRIL)).containsEntry("28-GEH", ActionStatus.COMPLETED);
    }

    @Test
    void theSameSignOffFileTwiceIsAppliedOnce() throws Exception {
        drop("signoff.csv", SIGN_OFF + "DHR1,16,Accept,,,2015-04-10\n");
        ingest();
        drop("signoff (copy).csv", SIGN_OFF + "DHR1,16,Accept,,,2015-04-10\n");

        JobExecution run = ingest();

        assertThat(stepContext(run, "ingest-returns").getInt(InboxFileWriter.SIGN_OFFS_DUPLICATE)).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM completion_decision")).isEqualTo(1);
    }

    static Stream<Arguments> badSignOffFiles() {
        String good = "DHR1,16,Accept,,DHR Coordinator,2015-04-15\n";
        return Stream.of(
                Arguments.of("unknown action", SIGN_OFF + good + "DHR1,99z,Accept,,,2015-04-15\n",
                        "bad.csv, row 3, column Action ref: unknown action ref '99z' in review DHR1"),
                Arguments.of("unknown review", SIGN_OFF + "DHR9,16,Accept,,,2015-04-15\n",
                        "bad.csv, row 2, column Review: unknown review 'DHR9'"),
                Arguments.of("rejection without a reason", SIGN_OFF + "DHR1,16,Reject,,,2015-04-15\n",
                        "bad.csv, row 2, column Reason: a rejection needs a reason"),
                Arguments.of("no claim to decide", SIGN_OFF + good + "DHR1,28-GEH,Accept,,,2015-04-15\n",
                        "bad.csv, row 3, column Action ref: action 28-GEH has no completion claim to decide as at 2015-04-15"),
                Arguments.of("decided before the claim", SIGN_OFF + "DHR1,16,Accept,,,2015-03-01\n",
                        "bad.csv, row 2, column Action ref: action 16 has no completion claim to decide as at 2015-03-01"),
                Arguments.of("bad decision word", SIGN_OFF + "DHR1,16,Approved,,,2015-04-15\n",
                        "bad.csv, row 2, column Decision: decision must be Accept or Reject (got 'Approved')"),
                Arguments.of("missing decision", SIGN_OFF + "DHR1,16,,,,2015-04-15\n",
                        "bad.csv, row 2, column Decision: a value is required"),
                Arguments.of("decided in the future", SIGN_OFF + "DHR1,16,Accept,,,2999-01-01\n",
                        "bad.csv, row 2, column Decided on: decided-on date 2999-01-01 is in the future"),
                Arguments.of("bad date", SIGN_OFF + "DHR1,16,Accept,,,31/13/2015\n", "bad.csv, row 2, column Decided on: "),
                Arguments.of("one action twice", SIGN_OFF + good + good.replace("Accept,", "Reject,Not yet"),
                        "bad.csv, row 3, column Action ref: action 16 is decided twice in this file (rows 2 and 3)"),
                Arguments.of("header only", SIGN_OFF, "bad.csv: the file has no decision rows"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badSignOffFiles")
    void aBadSignOffFileIsRejectedWholeAndRecordsNothing(String why, String content, String expected) throws Exception {
        drop("bad.csv", content);

        JobExecution run = ingest();

        assertThat(run.getExitStatus().getExitCode()).isEqualTo(IngestReturnsJobConfiguration.WITH_REJECTIONS.getExitCode());
        assertThat(stepContext(run, "ingest-returns").getInt(InboxFileWriter.SIGN_OFFS_REJECTED)).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM completion_decision")).isZero();
        assertThat(home.rejected().resolve("bad.csv")).exists();
        assertThat(Files.readString(home.rejected().resolve("bad.csv.errors.txt"))).contains(expected);
        assertThat(statusesAsAt(APRIL)).containsEntry("16", ActionStatus.CLAIMED);
    }

    @Test
    void theCommandRefusesWhatTheFileWouldAndRecordsNothing() {
        assertThat(signOffs.signOff("DHR1", "16", "Reject", null, null, APRIL))
                .containsExactly("--reason: a rejection needs a reason, for the agency");
        assertThat(signOffs.signOff("DHR1", "28-GEH", "Accept", null, null, APRIL))
                .singleElement().asString().startsWith("--action: action 28-GEH has no completion claim to decide as at 2015-04-30");
        assertThat(signOffs.signOff("DHR1", "99z", "Accept", null, null, APRIL))
                .containsExactly("--action: unknown action ref '99z' in review DHR1");
        assertThat(signOffs.signOff("DHR1", "16", "Accept", null, null, LocalDate.of(2999, 1, 1)))
                .containsExactly("--as-at: decided-on date 2999-01-01 is in the future");
        assertThat(count("SELECT COUNT(*) FROM completion_decision")).isZero();
    }

    @Test
    void anExistingDatabaseWithoutTheDecisionTableGetsIt() throws Exception {
        db.execute("DROP TABLE completion_decision");

        new DatabaseSchema(dataSource).afterPropertiesSet();

        assertThat(count("SELECT COUNT(*) FROM completion_decision")).isZero();
        assertThat(count("SELECT COUNT(*) FROM action")).isEqualTo(3);
    }

    // ----

    private JobExecution ingest() throws Exception {
        return run(IngestReturnsJobConfiguration.JOB, params());
    }

    private void drop(String name, String content) throws Exception {
        Files.writeString(home.inbox().resolve(name), content);
    }

    private long actionId(String ref) {
        return db.queryForObject("SELECT action_id FROM action WHERE action_ref = ?", Long.class, ref);
    }

    /** Runs the reconcile job as at the date: action ref → stored status. */
    private Map<String, ActionStatus> statusesAsAt(LocalDate asAt) throws Exception {
        assertThat(run(ReconcileJobConfiguration.JOB, params(asAt).addString(BatchConfiguration.REVIEW, "DHR1")).getExitStatus())
                .isEqualTo(ExitStatus.COMPLETED);
        Map<String, ActionStatus> statuses = new TreeMap<>();
        db.query("SELECT a.action_ref, s.status FROM action_status s JOIN action a ON a.action_id = s.action_id WHERE s.as_at = ?",
                rs -> {
                    statuses.put(rs.getString(1), ActionStatus.valueOf(rs.getString(2)));
                }, asAt);
        return statuses;
    }
}
