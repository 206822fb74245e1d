package org.dhrtracker.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import org.dhrtracker.JobTestSupport;
import org.dhrtracker.SqlDates;
import org.dhrtracker.intake.ReturnStatus;
import org.dhrtracker.register.Scope;
import org.dhrtracker.report.ReportData.ActionLine;
import org.dhrtracker.themes.ThemeRepository;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A report's action lines and what changed since the date before, as the loader reads them (the
 * review's recommendations, actions and statuses each in one range, joined in memory; each action's
 * last return from the assessment's pass over the updates), are those of the stored reconciliation
 * joined in SQL to the plan, its agencies and the update it names, in plan order, for the demo review
 * reconciled as at five dates.
 */
class ReportDataLoaderTest extends JobTestSupport {

    @Autowired
    private ReportDataLoader loader;

    /** An action line as the stored reconciliation gives it, and its status and due date as at the date before. */
    private record Expected(String ref, String status, LocalDate due, LocalDate lastAsAt, String lastStatus, String progress,
            LocalDate completion, String was, LocalDate wasDue, List<String> plan) {
    }

    @Test
    void actionLinesAreTheStoredReconciliationWithTheUpdateItNames() throws Exception {
        demoReconciled();
        int withReturn = 0;
        int changes = 0;
        for (int d = 0; d < DEMO_RECONCILED.size(); d++) {
            LocalDate asAt = DEMO_RECONCILED.get(d);
            LocalDate before = d == 0 ? null : DEMO_RECONCILED.get(d - 1);
            List<Expected> expected = stored(asAt, before);
            ReportData loaded = loader.load("DHR1", asAt, false);
            assertThat(loaded.actions()).as("as at %s", asAt).hasSameSizeAs(expected);
            List<String> completed = new ArrayList<>();
            List<String> overdue = new ArrayList<>();
            List<String> claimed = new ArrayList<>();
            List<String> slipped = new ArrayList<>();
            for (int i = 0; i < expected.size(); i++) {
                Expected e = expected.get(i);
                ActionLine a = loaded.actions().get(i);
                assertThat(List.of(a.actionRef(), a.status().name())).as("as at %s, line %d", asAt, i).containsExactly(e.ref(), e.status());
                assertThat(a.dueDate()).isEqualTo(e.due());
                assertThat(Arrays.asList(a.owningBody(), a.recommendationNo(), a.recommendationText(), a.scope(), a.agency(), a.agencyName(),
                        a.action(), a.evidenceOfAchievement(), a.implementationLead(), a.targetDateAsWritten()))
                        .as("%s's plan", e.ref()).isEqualTo(e.plan());
                assertThat(a.lastReturnAsAt()).as("%s as at %s", e.ref(), asAt).isEqualTo(e.lastAsAt());
                assertThat(a.lastReportedStatus()).isEqualTo(e.lastStatus() == null ? null : ReturnStatus.valueOf(e.lastStatus()).label());
                assertThat(a.lastProgress()).isEqualTo(e.progress());
                assertThat(a.completionDate()).isEqualTo(e.completion());
                withReturn += e.lastAsAt() == null ? 0 : 1;
                if (!e.status().equals(e.was())) {
                    switch (e.status()) {
                        case "COMPLETED" -> completed.add(e.ref());
                        case "OVERDUE" -> overdue.add(e.ref());
                        case "CLAIMED" -> claimed.add(e.ref());
                        default -> {
                        }
                    }
                }
                if (e.due() != null && e.wasDue() != null && e.due().isAfter(e.wasDue())) {
                    slipped.add(e.ref());
                }
            }
            ReportData.SinceLast since = loaded.sinceLast();
            if (before == null) {
                assertThat(since).isEqualTo(ReportData.SinceLast.firstReport());
            } else {
                assertThat(since.previousAsAt()).isEqualTo(before);
                assertThat(since.completed()).as("newly completed as at %s", asAt).isEqualTo(completed);
                assertThat(since.overdue()).as("newly overdue as at %s", asAt).isEqualTo(overdue);
                assertThat(since.claimed()).as("newly claimed as at %s", asAt).isEqualTo(claimed);
                assertThat(since.slipped()).as("slipped as at %s", asAt).isEqualTo(slipped);
                changes += completed.size() + overdue.size() + claimed.size() + slipped.size();
            }
        }
        assertThat(withReturn).as("lines showing a last return").isGreaterThan(10);
        assertThat(changes).as("changes since a date before").isGreaterThan(0);
    }

    @Test
    void recommendationsComeWithTheRulesTagsStoredWithThem() throws Exception {
        demoReconciled();
        db.update("UPDATE recommendation SET rules_themes = 'HI-GP,TL-DASH', rules_taxonomy = ? WHERE review_id = 'DHR1' AND number = '5'",
                "f".repeat(64));
        db.update("UPDATE recommendation SET rules_themes = '', rules_taxonomy = ? WHERE review_id = 'DHR1' AND number = '6'", "e".repeat(64));

        ReportData loaded = loader.load("DHR1", DEMO_RECONCILED.get(DEMO_RECONCILED.size() - 1), false);

        assertThat(loaded.recommendations()).hasSize(37);
        for (ThemeRepository.RecommendationText r : loaded.recommendations()) {
            String expected = db.queryForObject("SELECT rules_themes || ' ' || rules_taxonomy FROM recommendation WHERE recommendation_id = ?",
                    String.class, r.id());
            assertThat(r.stored() == null ? null : String.join(",", r.stored().themes()) + " " + r.stored().taxonomy())
                    .as("recommendation %s", r.number()).isEqualTo(expected);
        }
        assertThat(loaded.recommendations()).filteredOn(r -> r.number().equals("5")).singleElement()
                .satisfies(r -> assertThat(r.stored().themes()).containsExactly("HI-GP", "TL-DASH"));
        assertThat(loaded.recommendations()).filteredOn(r -> r.number().equals("6")).singleElement()
                .satisfies(r -> assertThat(r.stored().themes()).isEmpty());
    }

    /** The reconciliation as at the date joined to the plan, the update it names and the statuses as at the date before. */
    private List<Expected> stored(LocalDate asAt, LocalDate before) {
        return db.query("""
                SELECT a.action_ref, s.status, s.due_date, up.as_at, u.status, u.progress, u.completion_date, p.status, p.due_date,
                       r.owning_body, r.number, r.text, r.scope_as_written, r.scope, a.agency_code, g.name, a.action_text,
                       a.evidence_of_achievement, a.implementation_lead, a.target_date_text
                FROM action a
                JOIN recommendation r ON r.recommendation_id = a.recommendation_id
                JOIN agency g ON g.agency_code = a.agency_code
                JOIN action_status s ON s.action_id = a.action_id AND s.as_at = ?
                LEFT JOIN progress_update u ON u.update_id = s.last_update_id
                LEFT JOIN return_part up ON up.part_id = u.part_id
                LEFT JOIN action_status p ON p.action_id = a.action_id AND p.as_at = ?
                WHERE a.review_id = 'DHR1'
                ORDER BY r.plan_order, a.plan_order""", (rs, i) -> new Expected(rs.getString(1), rs.getString(2), SqlDates.get(rs, 3),
                SqlDates.get(rs, 4), rs.getString(5), rs.getString(6), SqlDates.get(rs, 7), rs.getString(8), SqlDates.get(rs, 9),
                Arrays.asList(rs.getString(10), rs.getString(11), rs.getString(12),
                        rs.getString(13) != null ? rs.getString(13) : rs.getString(14) == null ? null : Scope.valueOf(rs.getString(14)).word(),
                        rs.getString(15), rs.getString(16), rs.getString(17), rs.getString(18), rs.getString(19), rs.getString(20))),
                Date.valueOf(asAt), Date.valueOf(Objects.requireNonNullElse(before, LocalDate.of(1900, 1, 1))));
    }
}
