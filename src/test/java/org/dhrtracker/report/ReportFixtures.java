package org.dhrtracker.report;

import org.dhrtracker.reconcile.Assessor.Assessment;
import org.dhrtracker.reconcile.Assessor.RecommendationRollup;
import org.dhrtracker.reconcile.Finding;
import org.dhrtracker.reconcile.FindingCode;
import org.dhrtracker.reconcile.Outcome;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.dhrtracker.reconcile.ActionStatus;
import org.dhrtracker.report.ReportData.ActionLine;
import org.dhrtracker.report.ReportData.UpdateLine;

/** A small review as at 31 May 2016: two owning bodies, every status, a long narrative, nulls and a formula-like value. */
final class ReportFixtures {

    static final String MARKING = "OFFICIAL-SENSITIVE";
    static final String TITLE = "Domestic Homicide Review DHR1 (Adult A)";
    static final String FORMULA = "=HYPERLINK(\"http://example.invalid\",\"click\")";
    static final String NARRATIVE_END = "END-OF-NARRATIVE";

    private ReportFixtures() {
    }

    static ReportData review() {
        String body1 = "Safer Warwickshire Partnership Board";
        String body2 = "Warwickshire Police";
        List<ActionLine> actions = List.of(
                new ActionLine(body1, "1", "The partnership should review how agencies share information about risk.", "Local",
                        "DHR1-1-CSP", "CSP", "Community Safety Partnership", "Commission a multi-agency audit of information sharing.",
                        "Audit report to the board", "CSP Manager", "31 st December 2014", LocalDate.of(2014, 12, 31),
                        ActionStatus.COMPLETED, LocalDate.of(2015, 1, 31), "Completed", "Audit presented to the board.",
                        LocalDate.of(2014, 12, 15), "Completion accepted 20 February 2015"),
                new ActionLine(body1, "2", "Agencies should raise awareness of MARAC referral routes.", "Local",
                        "DHR1-2-CSP", "CSP", "Community Safety Partnership", "Run awareness sessions for frontline staff.",
                        "Attendance records", null, "TBC", null,
                        ActionStatus.NO_RETURN, null, null, null, null, null),
                new ActionLine(body2, "28a", "Police should improve DASH completion.", "Regional",
                        "DHR1-28a-POLICE", "POLICE", "Warwickshire Police", "POLICE: retrain response officers in DASH.",
                        FORMULA, "Head of Public Protection", "April 2016", LocalDate.of(2016, 4, 30),
                        ActionStatus.OVERDUE, LocalDate.of(2016, 2, 29), "In progress", longNarrative(), null, null),
                new ActionLine(body2, "28b", "Police should improve DASH completion.", "Regional",
                        "DHR1-28b-POLICE", "POLICE", "Warwickshire Police", "POLICE: audit DASH forms quarterly.",
                        "Quarterly audit", "DCI Safeguarding", "Dec 2016", LocalDate.of(2016, 12, 31),
                        ActionStatus.ON_TRACK, LocalDate.of(2016, 4, 30), "On track", "First audit done.", null, null),
                new ActionLine(body2, "28c", "Police should improve DASH completion.", "Regional",
                        "DHR1-28c-CWPT", "CWPT", "Coventry and Warwickshire Partnership Trust", "CWPT: add DASH to mental health triage.",
                        "Triage policy", "Named Nurse", "15/06/2016", LocalDate.of(2016, 6, 15),
                        ActionStatus.DUE_SOON, LocalDate.of(2016, 4, 30), "In progress", "Policy drafted.", null, null),
                new ActionLine(body2, "28d", "Police should improve DASH completion.", "Regional",
                        "DHR1-28d-WMAS", "WMAS", "West Midlands Ambulance Service", "WMAS: add DASH prompts to the call log.",
                        "Call log audit", null, "March 2016", LocalDate.of(2016, 3, 31),
                        ActionStatus.CLAIMED, LocalDate.of(2016, 5, 31), "Completed", "Prompts live.", LocalDate.of(2016, 5, 20),
                        "Completion claimed (20 May 2016): awaiting sign-off"));
        List<UpdateLine> history = List.of(
                new UpdateLine(LocalDate.of(2016, 4, 30), "DHR1-28b-POLICE", "POLICE", "On track", "First audit done.", null,
                        null, null, "DCI Safeguarding", "POLICE-2016-04.xlsx", 3, Instant.parse("2016-05-03T09:15:00Z")),
                new UpdateLine(LocalDate.of(2016, 4, 30), "DHR1-28c-CWPT", "CWPT", "In progress", "Policy drafted.", "-draft v2",
                        LocalDate.of(2016, 6, 15), null, "Named Nurse", "CWPT-2016-04.csv", 2, Instant.parse("2016-05-04T14:00:00Z")),
                new UpdateLine(LocalDate.of(2015, 1, 31), "DHR1-1-CSP", "CSP", "Completed", "Audit presented to the board.", "Minutes",
                        null, LocalDate.of(2014, 12, 15), "CSP Manager", "CSP-2015-01.csv", 2, Instant.parse("2015-02-02T10:00:00Z")));
        return new ReportData("NABSCOP", "Nuneaton and Bedworth Safer Communities Partnership", "DHR1", TITLE,
                LocalDate.of(2016, 5, 31), MARKING, Instant.parse("2016-06-01T08:30:00Z"), actions, history, assessment(),
                List.of(new ReportData.TrendPoint(LocalDate.of(2015, 1, 31), 6), new ReportData.TrendPoint(LocalDate.of(2016, 4, 30), 5),
                        new ReportData.TrendPoint(LocalDate.of(2016, 5, 31), 5)),
                new ReportData.SinceLast(LocalDate.of(2016, 4, 30), List.of(), List.of("DHR1-28a-POLICE"), List.of("DHR1-28c-CWPT"),
                        List.of("DHR1-28d-WMAS")), java.util.Map.of(), List.of());
    }

    /** Findings and roll-ups as the assessor gives them: one of each severity, two recommendations. */
    static Assessment assessment() {
        return new Assessment(List.of(
                new Finding(FindingCode.OVERDUE, "DHR1", "DHR1-3", "SWPB", "Action DHR1-3 (SWPB) was due 31 March 2015 and is not complete"),
                new Finding(FindingCode.NO_RETURN, "DHR1", "DHR1-28c-CWPT", "CWPT", "Action DHR1-28c-CWPT (CWPT): no return this period"),
                new Finding(FindingCode.PARTLY_COMPLETE, "DHR1", null, null, "Recommendation 28 (ALL AGENCIES): 1 of 3 actions complete")),
                List.of(new RecommendationRollup("Safer Warwickshire Partnership Board", "1", 1, 1, Outcome.FULLY_IMPLEMENTED),
                        new RecommendationRollup("ALL AGENCIES", "28", 3, 1, Outcome.PARTLY_IMPLEMENTED)));
    }

    /** Long enough to run over a page in the progress column: it must stretch, never be cut. */
    static String longNarrative() {
        StringBuilder s = new StringBuilder();
        for (int i = 1; i <= 60; i++) {
            s.append("Update ").append(i).append(": training sessions continued across the area and attendance was recorded. ");
        }
        return s.append(NARRATIVE_END).toString();
    }
}
