package org.dhrtracker.report;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

import org.dhrtracker.SqlDates;
import org.dhrtracker.intake.ReturnRepository;
import org.dhrtracker.intake.ReturnStatus;
import org.dhrtracker.reconcile.ActionStatus;
import org.dhrtracker.reconcile.Assessor;
import org.dhrtracker.reconcile.ReconciledDates;
import org.dhrtracker.reconcile.Reconciler;
import org.dhrtracker.register.Scope;
import org.dhrtracker.report.ReportData.ActionLine;
import org.dhrtracker.report.ReportData.SinceLast;
import org.dhrtracker.report.ReportData.TrendPoint;
import org.dhrtracker.report.ReportData.UpdateLine;
import org.dhrtracker.themes.ThemeRepository;
import org.dhrtracker.themes.ThemeRepository.RecommendationText;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Loads what a report of one review as at one date shows, from the stored reconciliation. */
@Component
public class ReportDataLoader {

    private final JdbcTemplate jdbc;
    private final Assessor assessor;
    private final Clock clock;
    private final String marking;
    private final Reconciler reconciler;

    public ReportDataLoader(JdbcTemplate jdbc, Assessor assessor, Clock clock, @Value("${dhr.marking}") String marking,
            Reconciler reconciler) {
        this.jdbc = jdbc;
        this.reconciler = reconciler;
        this.assessor = assessor;
        this.clock = clock;
        this.marking = marking;
    }

    public ReportData load(String reviewId, LocalDate asAt) {
        return load(reviewId, asAt, true);
    }

    /**
     * @param withHistory false when no report of the run shows the returns history or the open actions
     *        over time (only the board report and the master workbook do): both are then left empty,
     *        since working out the trend means reconciling again as at every earlier return date
     */
    public ReportData load(String reviewId, LocalDate asAt, boolean withHistory) {
        Date at = Date.valueOf(asAt);
        // The review's latest earlier reconciled date: what changed since then.
        LocalDate previous = ReconciledDates.before(jdbc, reviewId, asAt);
        SinceLastBuilder since = new SinceLastBuilder();
        OpenRecommendations open = new OpenRecommendations();
        ReviewRow review = jdbc.queryForObject("SELECT partnership, partnership_name, title FROM review WHERE review_id = ?",
                (rs, i) -> new ReviewRow(rs.getString(1), rs.getString(2), rs.getString(3)), reviewId);
        // each recommendation once, as its first reported action brings it (the plan is walked in order): the themes
        // section's coding reads them from here rather than again; every recommendation has an action (a register row is one)
        List<RecommendationText> recommendations = new ArrayList<>();
        // Each action's status as at the date and as at the previous one, the review's rows of each read by the
        // review's index in one range: joined to the actions, each would be a search of the statuses' key per action.
        Map<Long, StatusRow> statuses = statuses(reviewId, asAt);
        Map<Long, StatusRow> before = previous == null ? Map.of() : statuses(reviewId, previous);
        // The plan for the report and its assessment, in plan order (an action without a status as at the date is not
        // reported): the review's recommendations and its actions each read in one range of the review's index, not
        // each action joined to its recommendation (a search of the recommendations' key per action). The sign-off
        // needs the claims the assessment works out, and the last return shown comes from the assessment's pass over
        // the updates.
        Map<Long, PlanRecommendation> planRecommendations = new HashMap<>();
        jdbc.query("""
                SELECT recommendation_id, plan_order, source, owning_body, number, scope, scope_as_written, text, rules_themes,
                       rules_taxonomy
                FROM recommendation WHERE review_id = ?""", rs -> {
            long id = rs.getLong("recommendation_id");
            planRecommendations.put(id, new PlanRecommendation(rs.getInt("plan_order"), new RecommendationText(id, reviewId,
                    review.partnership(), rs.getString("source"), rs.getString("owning_body"), rs.getString("number"),
                    rs.getString("scope"), rs.getString("text"), ThemeRepository.storedThemes(rs)), scope(rs)));
        }, reviewId);
        List<PlanAction> plan = new ArrayList<>(jdbc.query("""
                SELECT a.action_id, a.recommendation_id, a.plan_order, a.action_ref, a.agency_code, g.name, a.action_text,
                       a.evidence_of_achievement, a.implementation_lead, a.target_date_text, a.due_date, a.due_date_note
                FROM action a JOIN agency g ON g.agency_code = a.agency_code
                WHERE a.review_id = ?""", (rs, i) -> new PlanAction(rs.getLong(1), rs.getLong(2), rs.getInt(3), rs.getString(4),
                rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10), date(rs, "due_date"),
                rs.getString(12)), reviewId));
        plan.sort(Comparator.comparingInt((PlanAction a) -> planRecommendations.get(a.recommendationId()).order())
                .thenComparingInt(PlanAction::order));
        List<Assessor.ActionRow> planned = new ArrayList<>();
        Set<Long> lastUpdates = new HashSet<>();
        List<Function<Assessor.Assessed, ActionLine>> lines = new ArrayList<>();
        for (PlanAction a : plan) {
            StatusRow now = statuses.get(a.id());
            if (now == null) {
                continue;
            }
            StatusRow was = before.get(a.id());
            PlanRecommendation planRecommendation = planRecommendations.get(a.recommendationId());
            RecommendationText r = planRecommendation.text();
            planned.add(new Assessor.ActionRow(a.id(), a.ref(), a.agency(), a.plannedDue(), a.dueNote(), r.id(), r.number(),
                    r.owningBody(), now.status()));
            since.add(a.ref(), now.status(), now.due(), was == null ? null : was.status().name(), was == null ? null : was.due());
            if (recommendations.isEmpty() || recommendations.get(recommendations.size() - 1).id() != r.id()) {
                recommendations.add(r);
            }
            // each status with the recommendation stored with it, as the themes section reads statuses
            open.add(asAt, now.status().name(), now.recommendationId());
            if (was != null) {
                open.add(previous, was.status().name(), was.recommendationId());
            }
            if (now.lastUpdateId() != null) {
                lastUpdates.add(now.lastUpdateId());
            }
            // the line once the assessment has given its last return shown (none when null) and its claim
            lines.add(assessed -> {
                Assessor.Shown last = now.lastUpdateId() == null ? null : assessed.shown().get(now.lastUpdateId());
                LocalDate completion = last == null ? null : last.completionDate();
                return new ActionLine(r.owningBody(), r.number(), r.text(), planRecommendation.scope(), a.ref(), a.agency(),
                        a.agencyName(), a.action(), a.evidenceOfAchievement(), a.implementationLead(), a.targetDateAsWritten(),
                        now.due(), now.status(), last == null ? null : last.asAt(), last == null ? null : label(last.status()),
                        last == null ? null : last.progress(), completion, ReportFormats.signOff(assessed.claims().get(a.id()), completion));
            });
        }
        Assessor.Assessed assessed = assessor.assessWithClaims(reviewId, asAt, planned, lastUpdates);
        if (!assessed.shown().keySet().containsAll(lastUpdates)) {
            // the reconciliation picked each from the updates dated up to the date, which the assessment reads
            throw new IllegalStateException("review " + reviewId + " as at " + asAt + ": a reconciled last return is not among its updates");
        }
        List<ActionLine> actions = lines.stream().map(l -> l.apply(assessed)).toList();

        List<UpdateLine> history = !withHistory ? List.of() : jdbc.query("""
                SELECT p.as_at, a.action_ref, u.agency_code, u.status, u.progress, u.evidence, u.revised_target_date,
                       u.completion_date, u.reported_by, f.file_name, u.source_row, f.received_at
                FROM return_part p
                JOIN """ + ReturnRepository.UPDATES_OF_PART + """
                JOIN action a ON a.action_id = u.action_id
                JOIN return_file f ON f.return_file_id = p.return_file_id
                WHERE p.review_id = ? AND p.as_at <= ?
                ORDER BY p.as_at DESC, a.plan_order, u.update_id""", (rs, i) -> new UpdateLine(
                date(rs, "as_at"), rs.getString("action_ref"), rs.getString("agency_code"), label(rs.getString("status")),
                rs.getString("progress"), rs.getString("evidence"), date(rs, "revised_target_date"), date(rs, "completion_date"),
                rs.getString("reported_by"), rs.getString("file_name"), rs.getInt("source_row"), instant(rs, "received_at")),
                reviewId, at);

        return new ReportData(review.partnership(), review.name(), reviewId, review.title(), asAt, marking, clock.instant(), actions,
                history, assessed.assessment(), withHistory ? openOverTime(reviewId, asAt, actions) : List.of(),
                previous == null ? SinceLast.firstReport() : since.since(previous), open.byDate, recommendations);
    }

    /**
     * One point per return date of the review up to the as-at date, worked out from the updates and
     * decisions dated up to each; the last point is the as-at date's stored statuses, as the report shows.
     */
    private List<TrendPoint> openOverTime(String reviewId, LocalDate asAt, List<ActionLine> actions) {
        List<LocalDate> dates = jdbc.queryForList("""
                SELECT DISTINCT as_at FROM return_part WHERE review_id = ? AND as_at < ? ORDER BY as_at""",
                LocalDate.class, reviewId, Date.valueOf(asAt));
        List<TrendPoint> points = new ArrayList<>();
        for (LocalDate d : dates) {
            Map<ActionStatus, Integer> counts = reconciler.countsAsAt(reviewId, d);
            int all = counts.values().stream().mapToInt(Integer::intValue).sum();
            points.add(new TrendPoint(d, all - counts.getOrDefault(ActionStatus.COMPLETED, 0)));
        }
        points.add(new TrendPoint(asAt, (int) actions.stream().filter(a -> a.status() != ActionStatus.COMPLETED).count()));
        return points;
    }

    private record ReviewRow(String partnership, String name, String title) {
    }

    /** The recommendations open at each date, from each action's status then: one not Completed leaves its recommendation open. */
    private static final class OpenRecommendations {
        private final Map<LocalDate, Set<Long>> byDate = new TreeMap<>();

        /** @param status the status stored for the date (an {@link ActionStatus} name), or null when none was */
        void add(LocalDate date, String status, long recommendationId) {
            if (date == null || status == null) {
                return;
            }
            Set<Long> open = byDate.computeIfAbsent(date, d -> new HashSet<>());
            if (!ActionStatus.COMPLETED.name().equals(status)) {
                open.add(recommendationId);
            }
        }
    }

    /**
     * What changed since the statuses stored for the latest earlier date of the review, action by action
     * in plan order: newly completed, overdue or claimed, and slipped (due later than then).
     */
    private static final class SinceLastBuilder {
        private final List<String> completed = new ArrayList<>();
        private final List<String> overdue = new ArrayList<>();
        private final List<String> slipped = new ArrayList<>();
        private final List<String> claimed = new ArrayList<>();

        /** @param was the status stored for the earlier date, or null */
        void add(String ref, ActionStatus now, LocalDate due, String was, LocalDate wasDue) {
            if (!now.name().equals(was)) {
                switch (now) {
                    case COMPLETED -> completed.add(ref);
                    case OVERDUE -> overdue.add(ref);
                    case CLAIMED -> claimed.add(ref);
                    default -> {
                    }
                }
            }
            if (due != null && wasDue != null && due.isAfter(wasDue)) {
                slipped.add(ref);
            }
        }

        SinceLast since(LocalDate previous) {
            return new SinceLast(previous, completed, overdue, slipped, claimed);
        }
    }

    /** A recommendation of the plan: its place in the plan, its text, and its scope as the report prints it. */
    private record PlanRecommendation(int order, RecommendationText text, String scope) {
    }

    /** An action of the plan, with its agency's name; order is its place among its recommendation's actions. */
    private record PlanAction(long id, long recommendationId, int order, String ref, String agency, String agencyName, String action,
            String evidenceOfAchievement, String implementationLead, String targetDateAsWritten, LocalDate plannedDue, String dueNote) {
    }

    /** A stored status of an action as at a date. */
    private record StatusRow(ActionStatus status, LocalDate due, Long lastUpdateId, long recommendationId) {
    }

    /** The review's stored statuses as at the date, by action. */
    private Map<Long, StatusRow> statuses(String reviewId, LocalDate date) {
        Map<Long, StatusRow> byAction = new HashMap<>();
        jdbc.query("SELECT action_id, status, due_date, last_update_id, recommendation_id FROM action_status WHERE review_id = ? AND as_at = ?",
                rs -> {
                    long last = rs.getLong(4);
                    Long lastUpdate = rs.wasNull() ? null : last;
                    byAction.put(rs.getLong(1), new StatusRow(ActionStatus.valueOf(rs.getString(2)), date(rs, "due_date"), lastUpdate,
                            rs.getLong(5)));
                }, reviewId, Date.valueOf(date));
        return byAction;
    }

    private static String scope(ResultSet rs) throws SQLException {
        String written = rs.getString("scope_as_written");
        String scope = rs.getString("scope");
        return written != null ? written : scope == null ? null : Scope.valueOf(scope).word();
    }

    private static String label(String status) {
        return status == null ? null : ReturnStatus.valueOf(status).label();
    }

    private static LocalDate date(ResultSet rs, String column) throws SQLException {
        return SqlDates.get(rs, column);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
