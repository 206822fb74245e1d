package org.dhrtracker.register.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.dhrtracker.BatchConfiguration;
import org.dhrtracker.JobTestSupport;
import org.dhrtracker.register.ImportRegisterJobConfiguration;
import org.dhrtracker.report.ReportJobConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;

/**
 * import-plan on a real database: the real action plan of DHR1 (seed 001, layout A) and a layout B
 * plan written as .docx and .xlsx by POI and re-saved by LibreOffice. The expected figures were
 * counted by hand from the documents (see src/test/resources/plans/README.md).
 */
class ImportPlanJobTest extends JobTestSupport {

    private static final Path PLANS = Path.of("src/test/resources/plans");
    private static final Path SEED_001 = PLANS.resolve("dhr1-action-plan.tsv");

    @TempDir
    Path dir;

    @BeforeEach
    void emptyRegister() throws Exception {
        resetHome();
    }

    @Test
    void seed001GivesTheWholeRegisterAndItsProgressAsAt31May2016() throws Exception {
        JobExecution run = importPlan(SEED_001, "DHR1", "NABSCOP", null);

        assertThat(run.getExitStatus()).isEqualTo(ExitStatus.COMPLETED);
        assertThat(count("SELECT COUNT(*) FROM recommendation WHERE review_id = 'DHR1'")).isEqualTo(37);
        // By hand: 24 recommendations before the all-agencies ones, with 2 (a, b), 13 (a, b) and 18 (a, b, c)
        // split = 28; recommendations 25 to 28: 9 agencies each = 36, plus CWPT's a, b, c in 26 = 38
        // (26's SWFT and Children's Services actions share HARMONI's row, divided by rules);
        // 29 to 37: 9. 28 + 38 + 9 = 75.
        assertThat(count("SELECT COUNT(*) FROM action WHERE review_id = 'DHR1'")).isEqualTo(75);
        for (String rec : List.of("25", "26", "27", "28")) {
            assertThat(db.queryForList("""
                    SELECT DISTINCT a.agency_code FROM action a JOIN recommendation r ON r.recommendation_id = a.recommendation_id
                    WHERE r.number = ?""", String.class, rec)).as("recommendation %s", rec)
                    .containsExactlyInAnyOrder("POLICE", "CWPT", "GEH", "NBBC", "WMAS", "PROBATION", "HARMONI", "SWFT", "CHILDRENS");
        }
        // Every action has its progress as at the date of the progress column's header, but 26-GEH: the
        // plan gives none ("covered in Action 21"). 27-POLICE's progress sits in its target date column.
        assertThat(db.queryForList("SELECT DISTINCT p.as_at FROM progress_update u JOIN return_part p ON p.part_id = u.part_id", LocalDate.class))
                .containsExactly(LocalDate.of(2016, 5, 31));
        assertThat(db.queryForList("""
                SELECT a.action_ref FROM action a WHERE NOT EXISTS (SELECT 1 FROM progress_update u WHERE u.action_id = a.action_id)
                ORDER BY 1""", String.class)).containsExactly("26-GEH");
        assertThat(action("27-POLICE")).containsEntry("TARGET_DATE_TEXT", null).containsEntry("STATUS", "COMPLETED");
        assertThat((String) action("27-POLICE").get("PROGRESS")).startsWith("Update: Semi- automated referrals to partner agencies");
        assertThat(db.queryForList("SELECT a.action_ref FROM progress_update u JOIN action a ON a.action_id = u.action_id "
                + "WHERE u.status <> 'COMPLETED' ORDER BY 1", String.class)).containsExactly("26-CHILDRENS", "3", "9");
    }

    @Test
    void pageBreaksAndRulesDoNotLoseAnAgencysAction() throws Exception {
        importPlan(SEED_001, "DHR1", "NABSCOP", null);

        // Row 79 starts NBBC's action of recommendation 25 (evidence "NBBC: Management Team minutes"),
        // the page breaks, and row 84 carries the rest of it ("NBBC: NBBC will circulate ...").
        Map<String, Object> nbbc = action("25-NBBC");
        assertThat((String) nbbc.get("ACTION_TEXT")).startsWith("NBBC will circulate the Domestic Homicide review");
        assertThat(nbbc).containsEntry("EVIDENCE_OF_ACHIEVEMENT", "Management Team minutes\nQuarterly Section 17 Group minutes")
                .containsEntry("STATUS", "COMPLETED");
        // Row 105 holds three rows divided by rules: the rest of HARMONI's action, SWFT's and Children's Services'.
        assertThat(action("26-SWFT")).containsEntry("TARGET_DATE_TEXT", "Ongoing").containsEntry("ONGOING", true)
                .containsEntry("STATUS", "COMPLETED");
        assertThat((String) action("26-SWFT").get("ACTION_TEXT")).startsWith("Appropriate training offered to SWFT staff");
        assertThat((String) action("26-HARMONI").get("ACTION_TEXT")).startsWith("Ensure service compliance against the NICE")
                .contains("Guidance - Review Training Programme.");
        assertThat(action("26-CHILDRENS")).containsEntry("TARGET_DATE_TEXT", "July 2015 (this may be sooner in the multi-agency arena)");
    }

    @Test
    void seed001RowsFieldByField() throws Exception {
        importPlan(SEED_001, "DHR1", "NABSCOP", null);

        Map<String, Object> one = action("1");
        assertThat(one).containsEntry("AGENCY_CODE", "SWPB").containsEntry("NUMBER", "1").containsEntry("SCOPE", "LOCAL")
                .containsEntry("OWNING_BODY", "Safer Warwickshire Partnership Board")
                .containsEntry("TARGET_DATE_TEXT", "31 st December 2014")
                .containsEntry("EVIDENCE_OF_ACHIEVEMENT", "Multi-agency protocol and aide-memoir agreed by VAWG Board and published on "
                        + "the Warwickshire Against Domestic Abuse website.");
        assertThat(one.get("DUE_DATE").toString()).isEqualTo("2014-12-31");
        assertThat((String) one.get("TEXT")).startsWith("Safer Warwickshire Partnership Board to develop Domestic Violence")
                .contains("\na. Clear, written policies for all agencies");
        assertThat((String) one.get("ACTION_TEXT")).startsWith("Develop a multi-agency domestic abuse referrals protocol");
        assertThat(subItems("1")).containsExactly("a", "b", "c");

        Map<String, Object> geh = action("28-GEH");
        assertThat(geh).containsEntry("AGENCY_CODE", "GEH")
                .containsEntry("ACTION_TEXT", "Link to be created on both GEH Trust website and Sexual Assault Referral Centre website")
                .containsEntry("TARGET_DATE_TEXT", "July 2014").containsEntry("STATUS", "COMPLETED");
        assertThat(geh.get("DUE_DATE").toString()).isEqualTo("2014-07-31");

        // a) Completed b)Completed c)31/05/14: one date per part.
        assertThat(action("18a")).containsEntry("TARGET_DATE_TEXT", "Completed").containsEntry("DUE_DATE", null);
        assertThat(action("18c")).containsEntry("TARGET_DATE_TEXT", "31/05/14").containsEntry("STATUS", "COMPLETED");
        assertThat(action("18c").get("DUE_DATE").toString()).isEqualTo("2014-05-31");

        Map<String, Object> three = action("3");
        assertThat(three).containsEntry("TARGET_DATE_TEXT", "31 st March 2015").containsEntry("STATUS", "IN_PROGRESS");
        // The narrative is kept whole, every paragraph of the cell.
        assertThat((String) three.get("PROGRESS")).startsWith("Communications company being recruited")
                .contains("\nOutcome of focus groups was that the campaign should focus on awareness of Clare's Law\n")
                .endsWith("New website built and being populated, will include addressing myths and stereo types.");

        // Recommendation 11's target cell repeats its action: kept as written, no date guessed, flagged.
        assertThat(action("11")).containsEntry("DUE_DATE", null)
                .containsEntry("DUE_DATE_NOTE", "no date could be read: check the target date");
        assertThat(Files.readString(importReport(SEED_001))).contains("row 37,recommendation 11; action 11 (MARAC),"
                + "\"target date cell holds text, not a date (wrong column?): kept as written\"");
    }

    @Test
    void importReportSaysWhatEveryRowBecame() throws Exception {
        importPlan(SEED_001, "DHR1", "NABSCOP", null);

        List<String> report = Files.readAllLines(importReport(SEED_001));
        assertThat(report.get(0)).isEqualTo("OFFICIAL-SENSITIVE");
        assertThat(report.get(1)).isEqualTo("Where,Became,Flags");
        // One line per non-blank line of the document (119) and nothing else.
        assertThat(report).hasSize(2 + 119);
        assertThat(report).contains("row 6,header,", "row 7,owning body: Safer Warwickshire Partnership Board,",
                "row 12,title repeated (page break),", "row 22,separator,", "row 35,continues row 30,",
                "row 123,recommendation 28; action 28-POLICE (POLICE),",
                "row 124,\"recommendation 28, another agency's action; action 28-CWPT (CWPT)\",");
    }

    @Test
    void theWorkbookOfTheImportedPlanListsEveryAction() throws Exception {
        importPlan(SEED_001, "DHR1", "NABSCOP", null);

        JobExecution report = run(ReportJobConfiguration.JOB, params(LocalDate.of(2016, 5, 31))
                .addString(BatchConfiguration.REVIEW, "DHR1").addString(ReportJobConfiguration.REPORTS, "workbook")
                .addString(ReportJobConfiguration.OUTPUT, "out/{partnership}"));

        assertThat(report.getExitStatus()).isEqualTo(ExitStatus.COMPLETED);
        Map<String, String> shown = new HashMap<>();
        DataFormatter f = new DataFormatter(Locale.ROOT);
        try (Workbook wb = WorkbookFactory.create(home.out().resolve("NABSCOP/DHR1-master-workbook-2016-05-31.xlsx").toFile(), null, true)) {
            Sheet sheet = wb.getSheet("Action plan");
            Map<String, Integer> col = new HashMap<>();
            sheet.getRow(1).forEach(c -> col.put(f.formatCellValue(c), c.getColumnIndex()));
            for (int r = 2; r <= sheet.getLastRowNum(); r++) {
                shown.put(f.formatCellValue(sheet.getRow(r).getCell(col.get("Action ref"))),
                        f.formatCellValue(sheet.getRow(r).getCell(col.get("Last reported status"))));
            }
        }
        assertThat(shown.keySet()).isEqualTo(new TreeSet<>(db.queryForList("SELECT action_ref FROM action", String.class)));
        assertThat(shown).containsEntry("28-GEH", "Completed").containsEntry("3", "In progress");
        // The partnership's own plan: its COMPLETED entries count as accepted at the plan's date.
        assertThat(db.queryForObject("""
                SELECT s.status FROM action_status s JOIN action a ON a.action_id = s.action_id
                WHERE a.action_ref = '28-GEH' AND s.as_at = DATE '2016-05-31'""", String.class)).isEqualTo("COMPLETED");
        assertThat(count("SELECT COUNT(*) FROM completion_decision WHERE decision = 'ACCEPTED' AND decided_on = DATE '2016-05-31'"))
                .isEqualTo(count("SELECT COUNT(*) FROM progress_update WHERE status = 'COMPLETED'"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"layout-b.docx", "layout-b.xlsx", "layout-b-libreoffice.docx", "layout-b-libreoffice.xlsx"})
    void layoutBWithOverviewAndPerAgencyImrSections(String file) throws Exception {
        JobExecution run = importPlan(PLANS.resolve(file), "WF2013", "NWCSP", LocalDate.of(2014, 3, 31));

        assertThat(run.getExitStatus()).isEqualTo(ExitStatus.COMPLETED);
        assertThat(db.queryForList("SELECT source || ' ' || owning_body || ' ' || number FROM recommendation ORDER BY plan_order",
                String.class)).containsExactly(
                        "OVERVIEW Overview Report 1", "OVERVIEW Overview Report 2", "OVERVIEW Overview Report 3",
                        "OVERVIEW Overview Report 4",
                        "IMR West Mercia Police 1", "IMR West Mercia Police 2",
                        "IMR Worcestershire Health and Care NHS Trust 1", "IMR Worcestershire Health and Care NHS Trust 2",
                        "IMR Worcestershire County Council Children's Services 1",
                        "IMR Worcestershire County Council Children's Services 2");
        assertThat(db.queryForList("SELECT action_ref || ' ' || agency_code FROM action ORDER BY plan_order", String.class))
                .containsExactly("1 NWCSP", "2 MARAC", "3a NWCSP", "3b NWCSP", "3c NWCSP", "4 WMP", "WMP-1 WMP", "WMP-2 WMP",
                        "WHCT-1 WHCT", "WHCT-2 WHCT", "WCC-CHILDREN-1 WCC-CHILDREN", "WCC-CHILDREN-2 WCC-CHILDREN");

        assertThat(action("1")).containsEntry("TARGET_DATE_TEXT", "Autumn 2013")
                .containsEntry("IMPLEMENTATION_LEAD", "CSP Domestic Abuse Coordinator");
        assertThat(action("1").get("DUE_DATE").toString()).isEqualTo("2013-11-30");
        assertThat(action("2")).containsEntry("TARGET_DATE_TEXT", "With immediate effect").containsEntry("ONGOING", true);
        assertThat(action("WMP-1")).containsEntry("TARGET_DATE_TEXT", "Implemented and ongoing").containsEntry("ONGOING", true)
                .containsEntry("ACTION_TEXT",
                        "Reminder issued to all officers; compliance monitored through a monthly audit of domestic abuse incidents.");
        assertThat(action("WMP-2")).containsEntry("TARGET_DATE_TEXT", "TBC").containsEntry("DUE_DATE", null);
        assertThat(action("WHCT-1").get("DUE_DATE").toString()).isEqualTo("2015-06-30");
        // The row split across a page is joined back.
        assertThat((String) action("4").get("ACTION_TEXT")).isEqualTo("Publicity campaign through local press, social media and "
                + "partner websites; briefings for\nfrontline professionals in all partner agencies.");
        assertThat(action("WCC-CHILDREN-1")).containsEntry("STATUS", "COMPLETED");
        assertThat((String) action("WMP-1").get("PROGRESS")).startsWith("Reminder issued June 2013.");
        assertThat(Files.readString(importReport(PLANS.resolve(file)))).contains("action 2: progress says awaiting");
    }

    @Test
    void theFourLayoutBFilesGiveTheSameRegister() throws Exception {
        Set<List<Map<String, Object>>> registers = new java.util.HashSet<>();
        for (String file : List.of("layout-b.docx", "layout-b.xlsx", "layout-b-libreoffice.docx", "layout-b-libreoffice.xlsx")) {
            resetHome();
            importPlan(PLANS.resolve(file), "WF2013", "NWCSP", LocalDate.of(2014, 3, 31));
            registers.add(db.queryForList("""
                    SELECT r.source, r.owning_body, r.number, r.text, a.action_ref, a.agency_code, a.action_text, a.implementation_lead,
                      a.target_date_text, a.due_date, a.ongoing, u.status, u.progress, u.completion_date
                    FROM action a JOIN recommendation r ON r.recommendation_id = a.recommendation_id
                    LEFT JOIN progress_update u ON u.action_id = a.action_id ORDER BY a.action_ref"""));
        }
        assertThat(registers).hasSize(1);
    }

    @Test
    void importingTheSamePlanTwiceUpdatesInPlaceAndRecordsItsProgressOnce() throws Exception {
        importPlan(SEED_001, "DHR1", "NABSCOP", null);
        importPlan(SEED_001, "DHR1", null, null);

        assertThat(count("SELECT COUNT(*) FROM action")).isEqualTo(75);
        assertThat(count("SELECT COUNT(*) FROM progress_update")).isEqualTo(74);
    }

    // ---- documents it cannot understand

    @Test
    void aDocumentWithoutAHeaderIsRejected() throws Exception {
        Path plan = Files.writeString(dir.resolve("minutes.csv"), "Minutes of the meeting\nItem,Notes\n1,Apologies\n");

        assertRejected(importPlan(plan, "DHR1", "NABSCOP", null), "minutes.csv, row 1, column Recommendation: no header row");
    }

    @Test
    void progressWithoutAnAsAtDateIsRejected() throws Exception {
        assertRejected(importPlan(PLANS.resolve("layout-b.docx"), "WF2013", "NWCSP", null),
                "layout-b.docx, row 2, column Progress: the plan reports progress but states no as-at date");
    }

    @Test
    void rowsBeforeTheFirstNumberedRecommendationAreRejected() throws Exception {
        Path plan = Files.writeString(dir.resolve("plan.csv"), """
                Recommendation,Action to take,Target date
                Warwickshire Police to review the DASH card,Raise with CAADA,Dec 2014
                """);

        assertRejected(importPlan(plan, "DHR1", "NABSCOP", null), "plan.csv, row 2, column Recommendation: expected a numbered recommendation");
    }

    @Test
    void theSameRecommendationNumberTwiceIsRejected() throws Exception {
        Path plan = Files.writeString(dir.resolve("plan.csv"), """
                Recommendation,Action to take,Target date
                Warwickshire Police,,
                1. Review the DASH card,Raise with CAADA,Dec 2014
                1. Train officers,Deliver training,March 2015
                """);

        assertRejected(importPlan(plan, "DHR1", "NABSCOP", null), "plan.csv, row 4, column Recommendation: recommendation 1 of Warwickshire Police is already given at row 3");
    }

    @Test
    void aNewReviewNeedsItsPartnership() throws Exception {
        assertRejected(importPlan(SEED_001, "DHR1", null, null), "review DHR1 is new: say which partnership");
    }

    @Test
    void aFileThatIsNotADocumentIsRejected() throws Exception {
        Path plan = Files.writeString(dir.resolve("plan.docx"), "not a word document");

        assertRejected(importPlan(plan, "DHR1", "NABSCOP", null), "plan.docx: not a readable DOCX document");
    }

    @Test
    void aRejectedPlanLeavesAnExistingRegisterAsItWas() throws Exception {
        importPlan(SEED_001, "DHR1", "NABSCOP", null);
        String snapshot = """
                SELECT a.*, r.text, u.status, u.progress FROM action a JOIN recommendation r ON r.recommendation_id = a.recommendation_id
                LEFT JOIN progress_update u ON u.action_id = a.action_id ORDER BY a.action_ref""";
        List<Map<String, Object>> before = db.queryForList(snapshot);
        // The same plan with recommendation 3 numbered 2 as well and a target changed: the change would
        // apply, but the whole file is refused.
        Path plan = dir.resolve("dhr1-renumbered.tsv");
        Files.writeString(plan, Files.readString(SEED_001).replace("<p>3. Safer Warwickshire Partnership Board delivers",
                "<p>2. Safer Warwickshire Partnership Board delivers").replace("31 <sup>st</sup> December 2014", "March 2016"));

        JobExecution run = importPlan(plan, "DHR1", null, null);

        assertThat(run.getExitStatus().getExitCode()).isEqualTo(ImportRegisterJobConfiguration.REJECTED.getExitCode());
        assertThat(run.getExitStatus().getExitDescription())
                .contains("dhr1-renumbered.tsv, row 10, column Recommendation: recommendation 2 of Safer Warwickshire Partnership Board is already given at row 9");
        assertThat(db.queryForList(snapshot)).isEqualTo(before);
    }

    @Test
    void anAgencysCopyOfThePlanIsItsReturnForItsOwnActionsOnly() throws Exception {
        importPlan(SEED_001, "DHR1", "NABSCOP", null);
        String register = "SELECT a.*, r.text FROM action a JOIN recommendation r ON r.recommendation_id = a.recommendation_id ORDER BY a.action_ref";
        List<Map<String, Object>> before = db.queryForList(register);
        // GEH sends the plan back a month later with its progress column updated, and edits a target.
        Path copy = dir.resolve("dhr1-plan-geh.tsv");
        Files.writeString(copy, Files.readString(SEED_001).replace("Master As at 31 <sup>st</sup> May 2016", "Master As at 30 June 2016")
                .replace("July 2014", "August 2014"));

        JobExecution run = run(ImportPlanJobConfiguration.JOB, params().addString(BatchConfiguration.FILE, copy.toAbsolutePath().toString())
                .addString(BatchConfiguration.REVIEW, "DHR1").addString(ImportPlanJobConfiguration.AGENCY, "GEH"));

        assertThat(run.getExitStatus()).isEqualTo(ExitStatus.COMPLETED);
        assertThat(db.queryForList(register)).isEqualTo(before);
        // An agency's copy only claims: no decision is recorded for it.
        assertThat(count("SELECT COUNT(*) FROM completion_decision WHERE decided_on > DATE '2016-05-31'")).isZero();
        List<String> updated = db.queryForList("""
                SELECT DISTINCT u.agency_code FROM progress_update u JOIN return_part p ON p.part_id = u.part_id WHERE p.as_at = DATE '2016-06-30'""", String.class);
        assertThat(updated).containsExactly("GEH");
        int gehActionsWithProgress = count("""
                SELECT COUNT(*) FROM action a WHERE a.agency_code = 'GEH'
                AND EXISTS (SELECT 1 FROM progress_update u JOIN return_part p ON p.part_id = u.part_id WHERE u.action_id = a.action_id AND p.as_at = DATE '2016-05-31')""");
        assertThat(count("SELECT COUNT(*) FROM progress_update u JOIN return_part p ON p.part_id = u.part_id WHERE p.as_at = DATE '2016-06-30'")).isEqualTo(gehActionsWithProgress);
    }

    @Test
    void anAgencysReturnForAReviewNotInTheRegisterIsRejected() throws Exception {
        JobExecution run = run(ImportPlanJobConfiguration.JOB, params().addString(BatchConfiguration.FILE, SEED_001.toAbsolutePath().toString())
                .addString(BatchConfiguration.REVIEW, "DHR1").addString(ImportPlanJobConfiguration.AGENCY, "GEH"));

        assertRejected(run, "dhr1-action-plan.tsv: review DHR1 is not in the register: import its plan first");
    }

    private void assertRejected(JobExecution run, String expected) {
        assertThat(run.getExitStatus().getExitCode()).isEqualTo(ImportRegisterJobConfiguration.REJECTED.getExitCode());
        assertThat(run.getExitStatus().getExitDescription()).contains(expected);
        assertThat(count("SELECT COUNT(*) FROM recommendation") + count("SELECT COUNT(*) FROM action")
                + count("SELECT COUNT(*) FROM progress_update")).isZero();
    }

    private JobExecution importPlan(Path file, String review, String partnership, LocalDate asAt) throws Exception {
        var p = params().addString(BatchConfiguration.FILE, file.toAbsolutePath().toString()).addString(BatchConfiguration.REVIEW, review);
        if (partnership != null) {
            p.addString(ImportPlanJobConfiguration.PARTNERSHIP, partnership);
        }
        if (asAt != null) {
            p.addLocalDate(BatchConfiguration.AS_AT, asAt);
        }
        return run(ImportPlanJobConfiguration.JOB, p);
    }

    private Path importReport(Path plan) {
        return home.out().resolve("imports").resolve(plan.getFileName() + ".import-report.csv");
    }

    /** An action with its recommendation and its latest progress update. */
    private Map<String, Object> action(String ref) {
        return db.queryForMap("""
                SELECT a.*, r.number, r.owning_body, r.scope, r.text, u.status, u.progress, u.completion_date
                FROM action a JOIN recommendation r ON r.recommendation_id = a.recommendation_id
                LEFT JOIN progress_update u ON u.action_id = a.action_id
                WHERE a.action_ref = ?""", ref);
    }

    private List<String> subItems(String ref) {
        return db.queryForList("""
                SELECT s.label FROM recommendation_sub_item s JOIN action a ON a.recommendation_id = s.recommendation_id
                WHERE a.action_ref = ? ORDER BY s.seq""", String.class, ref);
    }
}
