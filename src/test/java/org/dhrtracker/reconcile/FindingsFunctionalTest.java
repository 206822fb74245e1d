package org.dhrtracker.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.dhrtracker.JobTestSupport;
import org.dhrtracker.report.ReportJobConfiguration;
import org.dhrtracker.schedule.MonthlyJobConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.ExitStatus;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.batch.core.job.JobExecution;

/**
 * Findings on the DHR1 register with returns constructed to raise each one, read back from the
 * findings.csv and the workbook the real monthly job writes.
 */
class FindingsFunctionalTest extends JobTestSupport {

    private static final LocalDate AS_AT = LocalDate.of(2015, 7, 15);
    private static final String HEADER = "Review,Action ref,Agency,As at,Status,Progress,Evidence,Revised target date,Completion date,Reported by\n";

    @Autowired
    private NationalLetters nationalLetters;

    @BeforeEach
    void demoRegister() throws Exception {
        resetHome();
        assertThat(importRegister(DEMO_REGISTER).getExitStatus()).isEqualTo(ExitStatus.COMPLETED);
    }

    @Test
    void everyFindingFromConstructedReturns() throws Exception {
        // 3 (SWPB) was due 31 March 2015: still in progress. 26-CHILDRENS is due 31 July 2015.
        drop("a_SWPB.csv", "DHR1,3,SWPB,2015-07-15,In progress,Website being built,,,,Lead\n");
        drop("a_CHILDRENS.csv", "DHR1,26-CHILDRENS,CHILDRENS,2015-07-15,In progress,Training being revised,,,,Lead\n");
        // 16 (POLICE): last heard of in March. 12 (POLICE): completed, no evidence. 14 (POLICE): target moved.
        drop("a_POLICE.csv", "DHR1,16,POLICE,2015-03-31,In progress,Raised with CAADA,,,,Lead\n"
                + "DHR1,12,POLICE,2015-07-15,Completed,Policy in place,,,2015-07-01,Lead\n"
                + "DHR1,14,POLICE,2015-07-15,In progress,I-cards in development,,2015-12-31,,Lead\n");
        // 20 (GEH): completed in March, in progress again in July.
        drop("a_GEH.csv", "DHR1,20,GEH,2015-03-31,Completed,Policy ratified,Policy document,,2015-03-15,Lead\n"
                + "DHR1,20,GEH,2015-07-15,In progress,Policy under review again,,,,Lead\n");
        // 2a and 2b (MARAC): 2a completed; two returns for 2b as at the same date disagree.
        drop("b_MARAC.csv", "DHR1,2a,MARAC,2015-07-15,Completed,Training delivered,Training records,,,Lead\n"
                + "DHR1,2b,MARAC,2015-07-15,Completed,Options presented,Minutes,,,Lead\n");
        drop("c_MARAC.csv", "DHR1,2b,MARAC,2015-07-15,In progress,Options still being researched,,,,Lead\n");
        // 29 (CCG) claims completion; the coordinator accepts 2a and rejects 29; 12's claim waits.
        drop("a_CCG.csv", "DHR1,29,CCG,2015-07-15,Completed,Guidance sent to GPs,Covering email,,,Lead\n");
        Files.writeString(home.inbox().resolve("d_signoff.csv"), "Review,Action ref,Decision,Reason,Decided by,Decided on\n"
                + "DHR1,2a,Accept,,DHR Coordinator,2015-07-15\n"
                + "DHR1,29,Reject,The email does not show which practices received it,DHR Coordinator,2015-07-15\n");
        // Rejected returns: an action the register does not have, and GEH's action updated by POLICE.
        drop("e_POLICE.csv", "DHR1,99z,POLICE,2015-07-15,In progress,Something,,,,Lead\n");
        drop("f_POLICE.csv", "DHR1,28-GEH,POLICE,2015-07-15,Completed,Link created,,,,Lead\n");

        // National letters: 5 to the Home Office unanswered since January; 6, about charging, sent to the Home Office.
        assertThat(nationalLetters.record("DHR1", "5", "Home Office", LocalDate.of(2015, 1, 10), null)).isEmpty();
        assertThat(nationalLetters.record("DHR1", "6", "Home Office", LocalDate.of(2015, 6, 1), LocalDate.of(2015, 6, 20))).isEmpty();

        JobExecution run = run(MonthlyJobConfiguration.JOB, params(AS_AT)
                .addString(ReportJobConfiguration.REPORTS, "workbook,chase-lists").addString(ReportJobConfiguration.OUTPUT, "out/{partnership}"));

        assertThat(run.getStatus()).isEqualTo(org.springframework.batch.core.BatchStatus.COMPLETED);
        Map<String, Set<String>> found = findingsCsv();
        // The run's findings.csv in the output folder holds the same (one review reported).
        assertThat(home.out().resolve("NABSCOP/findings.csv"))
                .hasSameTextualContentAs(home.out().resolve("NABSCOP/DHR1-findings-2015-07-15.csv"));
        assertThat(found.keySet()).containsExactlyInAnyOrderElementsOf(
                java.util.Arrays.stream(FindingCode.values()).map(Enum::name).toList());
        assertThat(found.get("UNKNOWN_ACTION")).containsExactly("99z");
        assertThat(found.get("NOT_OWN_ACTION")).containsExactly("28-GEH");
        assertThat(found.get("CLAIM_PENDING")).containsExactly("12");
        assertThat(found.get("CLAIM_REJECTED")).containsExactly("29");
        assertThat(found.get("OVERDUE")).contains("3", "20");
        assertThat(found.get("DUE_SOON")).contains("26-CHILDRENS");
        assertThat(found.get("NO_RETURN")).contains("16");
        assertThat(found.get("STALE")).containsExactly("16");
        assertThat(found.get("COMPLETED_WITHOUT_EVIDENCE")).containsExactly("12");
        assertThat(found.get("TARGET_SLIPPED")).containsExactly("14");
        assertThat(found.get("STATUS_WENT_BACKWARDS")).containsExactly("20");
        assertThat(found.get("CONFLICTING_UPDATES")).containsExactly("2b");
        assertThat(found.get("PARTLY_COMPLETE")).containsExactly("");
        assertThat(found.get("NATIONAL_UNANSWERED")).containsExactly("");
        assertThat(found.get("NATIONAL_MISROUTED")).containsExactly("");
        List<String> messages = records().stream().map(r -> r.get(0) + " " + r.get(3) + " " + r.get(5)).toList();
        assertThat(messages).contains(
                "TARGET_SLIPPED 14 Action 14 (POLICE): target moved from 31 July 2015 to 31 December 2015 (1 slip)",
                "PARTLY_COMPLETE  Recommendation 2 (Safer Warwickshire Partnership Board): 1 of 2 actions complete",
                "NATIONAL_UNANSWERED  Recommendation 5 (Safer Warwickshire Partnership Board): the letter to Home Office sent on"
                        + " 10 January 2015 has had no answer in 186 days",
                "NATIONAL_MISROUTED  Recommendation 6 (Safer Warwickshire Partnership Board): sent to the Home Office but its"
                        + " subject is for Crown Prosecution Service",
                "NOT_OWN_ACTION 28-GEH POLICE's return (f_POLICE.csv row 2) updated action 28-GEH, which belongs to GEH;"
                        + " the file was rejected: an agency may only update its own actions",
                "UNKNOWN_ACTION 99z POLICE's return (e_POLICE.csv row 2) names action 99z, which is not in the register;"
                        + " the file was rejected",
                "CLAIM_REJECTED 29 Action 29 (CCG): completion claimed as at 15 July 2015 was rejected on 15 July 2015:"
                        + " The email does not show which practices received it",
                "CLAIM_PENDING 12 Action 12 (POLICE): completion claimed as at 15 July 2015, awaiting the coordinator's sign-off");
        // The conflicting updates are named by the files and rows they came from, as stored.
        List<String> sources = db.query("""
                SELECT f.file_name, u.source_row, u.status FROM progress_update u
                JOIN return_part p ON p.part_id = u.part_id JOIN return_file f ON f.return_file_id = p.return_file_id JOIN action a ON a.action_id = u.action_id
                WHERE a.action_ref = '2b' AND p.as_at = (SELECT MAX(vp.as_at) FROM progress_update v JOIN return_part vp ON vp.part_id = v.part_id
                  WHERE v.action_id = u.action_id AND vp.as_at <= DATE '2015-07-15')
                ORDER BY u.update_id""", (rs, i) -> rs.getString(1) + " row " + rs.getInt(2) + ": "
                + org.dhrtracker.intake.ReturnStatus.valueOf(rs.getString(3)).label());
        assertThat(sources).hasSize(2);
        assertThat(messages).anySatisfy(m -> assertThat(m).startsWith("CONFLICTING_UPDATES 2b Action 2b (")
                .endsWith(" disagree (" + sources.get(0) + "; " + sources.get(1) + ")"));

        // The workbook's Findings sheet holds the same findings.
        DataFormatter f = new DataFormatter(Locale.ROOT);
        try (Workbook wb = WorkbookFactory.create(home.out().resolve("NABSCOP/DHR1-master-workbook-2015-07-15.xlsx").toFile(), null, true)) {
            Sheet sheet = wb.getSheet("Findings");
            assertThat(f.formatCellValue(sheet.getRow(1).getCell(0))).isEqualTo("Code");
            assertThat(sheet.getLastRowNum() - 1).isEqualTo(records().size());
        }
    }

    @Test
    void chaseListsGoOnePerAgencyWithWhatIsMissing() throws Exception {
        drop("a_POLICE.csv", "DHR1,16,POLICE,2015-03-31,In progress,Raised with CAADA,,,,Lead\n");
        drop("a_CCG.csv", "DHR1,29,CCG,2015-07-15,Completed,Guidance sent to GPs,Covering email,,,Lead\n");
        Files.writeString(home.inbox().resolve("d_signoff.csv"), "Review,Action ref,Decision,Reason,Decided by,Decided on\n"
                + "DHR1,29,Reject,The email does not show which practices received it,DHR Coordinator,2015-07-15\n");

        run(MonthlyJobConfiguration.JOB, params(AS_AT).addString(ReportJobConfiguration.REPORTS, "chase-lists")
                .addString(ReportJobConfiguration.OUTPUT, "out/{partnership}"));

        Path police = home.out().resolve("NABSCOP/chase/DHR1-POLICE-chase-2015-07-15.csv");
        List<CSVRecord> rows = read(police);
        assertThat(rows.get(0).get(0)).isEqualTo("OFFICIAL-SENSITIVE");
        assertThat(rows.subList(2, rows.size())).allMatch(r -> r.get(0).equals("DHR1"));
        Set<String> refs = new TreeSet<>(rows.subList(2, rows.size()).stream().map(r -> r.get(1)).toList());
        // Every open POLICE action, and no one else's.
        assertThat(refs).isEqualTo(new TreeSet<>(db.queryForList("""
                SELECT a.action_ref FROM action a JOIN action_status s ON s.action_id = a.action_id AND s.as_at = ?
                WHERE a.agency_code = 'POLICE' AND s.status <> 'COMPLETED'""", String.class, AS_AT)));
        assertThat(rows.subList(2, rows.size())).anyMatch(r -> r.get(1).equals("16")
                && r.get(8).contains("no return this period (last as at 31 March 2015)"));
        // A rejected claim goes back to the agency with the reason.
        List<CSVRecord> ccg = read(home.out().resolve("NABSCOP/chase/DHR1-CCG-chase-2015-07-15.csv"));
        assertThat(ccg.subList(2, ccg.size())).anyMatch(r -> r.get(1).equals("29")
                && r.get(8).contains("was rejected on 15 July 2015: The email does not show which practices received it"));
    }

    // ---- helpers

    private void drop(String name, String rows) throws IOException {
        Files.writeString(home.inbox().resolve(name), HEADER + rows);
    }

    private List<CSVRecord> records() throws IOException {
        List<CSVRecord> rows = read(home.out().resolve("NABSCOP/DHR1-findings-2015-07-15.csv"));
        return rows.subList(2, rows.size());
    }

    /** Code → the action refs it names ("" for a recommendation's finding). */
    private Map<String, Set<String>> findingsCsv() throws IOException {
        List<CSVRecord> rows = read(home.out().resolve("NABSCOP/DHR1-findings-2015-07-15.csv"));
        assertThat(rows.get(0).get(0)).isEqualTo("OFFICIAL-SENSITIVE");
        assertThat(rows.get(1).get(0)).isEqualTo("Code");
        Map<String, Set<String>> found = new TreeMap<>();
        for (CSVRecord r : rows.subList(2, rows.size())) {
            found.computeIfAbsent(r.get(0), k -> new TreeSet<>()).add(r.get(3));
        }
        return found;
    }

    private static List<CSVRecord> read(Path file) throws IOException {
        try (Reader in = Files.newBufferedReader(file)) {
            return CSVFormat.RFC4180.parse(in).getRecords();
        }
    }
}
