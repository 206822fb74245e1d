package org.dhrtracker.reconcile;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.dhrtracker.SqlDates;
import org.dhrtracker.reconcile.ClosureRepository.Claim;
import org.dhrtracker.reconcile.LatestUpdates.Latest;
import org.dhrtracker.reconcile.StatusRules.LatestReturn;
import org.dhrtracker.reconcile.StatusRules.Thresholds;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Computes and stores every action's status as at a date. Only returns and sign-off decisions dated
 * on or before that date count, so a past date gives the same answer however many came since.
 */
@Service
public class Reconciler {

    private final JdbcTemplate jdbc;
    private final Thresholds thresholds;
    private final Clock clock;
    private final ClosureRepository closure;

    public Reconciler(JdbcTemplate jdbc, Clock clock, ClosureRepository closure, @Value("${dhr.reconcile.due-soon-days}") int dueSoonDays,
            @Value("${dhr.reconcile.return-period}") Period returnPeriod) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.closure = closure;
        this.thresholds = new Thresholds(dueSoonDays, returnPeriod);
    }

    /** One action's verdict as at a date: what action_status stores. */
    private record Verdict(long actionId, String reviewId, long recommendationId, ActionStatus status, LocalDate due, Long updateId) {
    }

    /**
     * Replaces the stored statuses of the review (or of every review when null) as at the date.
     *
     * @return how many actions of each status
     */
    public Map<ActionStatus, Integer> reconcile(String reviewId, LocalDate asAt) {
        Timestamp now = Timestamp.from(clock.instant());
        if (reviewId != null) {
            jdbc.update("DELETE FROM action_status WHERE as_at = ? AND review_id = ?", Date.valueOf(asAt), reviewId);
            return store(verdicts(reviewId, asAt), asAt, now);
        }
        // Review by review: the updates of a national register never sit in memory together.
        jdbc.update("DELETE FROM action_status WHERE as_at = ?", Date.valueOf(asAt));
        Map<ActionStatus, Integer> counts = new java.util.EnumMap<>(ActionStatus.class);
        for (String id : reviewIds()) {
            store(verdicts(id, asAt), asAt, now).forEach((status, n) -> counts.merge(status, n, Integer::sum));
        }
        return counts;
    }

    private Map<ActionStatus, Integer> store(List<Verdict> verdicts, LocalDate asAt, Timestamp now) {
        List<Object[]> rows = verdicts.stream().map(v -> new Object[] {Date.valueOf(asAt), v.actionId(), v.reviewId(), v.recommendationId(),
                v.status().name(), v.status().rag().name(), v.due() == null ? null : Date.valueOf(v.due()), v.updateId(), now})
                .toList();
        jdbc.batchUpdate("""
                INSERT INTO action_status (as_at, action_id, review_id, recommendation_id, status, rag, due_date, last_update_id,
                                           reconciled_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows);
        return counts(verdicts);
    }

    /**
     * How many actions of the review were in each status as at the date, worked out afresh and not
     * stored: a report's trend looks at past dates without making them "previous reports".
     */
    public Map<ActionStatus, Integer> countsAsAt(String reviewId, LocalDate asAt) {
        return counts(verdicts(reviewId, asAt));
    }

    private static Map<ActionStatus, Integer> counts(List<Verdict> verdicts) {
        Map<ActionStatus, Integer> counts = new java.util.EnumMap<>(ActionStatus.class);
        verdicts.forEach(v -> counts.merge(v.status(), 1, Integer::sum));
        return counts;
    }

    private List<Verdict> verdicts(String reviewId, LocalDate asAt) {
        String reviewFilter = reviewId == null ? "" : " AND a.review_id = ?";
        Map<Long, Latest> latest = LatestUpdates.asAt(jdbc, reviewId, asAt);
        Map<Long, Claim> claims = closure.claims(latest, reviewId, asAt);
        List<Verdict> verdicts = new ArrayList<>();
        jdbc.query("SELECT a.action_id, a.review_id, a.due_date, a.recommendation_id FROM action a WHERE 1 = 1" + reviewFilter, rs -> {
            long actionId = rs.getLong(1);
            Latest l = latest.get(actionId);
            LocalDate due = l != null && l.revisedTarget() != null ? l.revisedTarget() : SqlDates.get(rs, 3);
            Claim claim = claims.get(actionId);
            ActionStatus status = StatusRules.statusOf(asAt, due,
                    l == null ? null : new LatestReturn(l.asAt(), l.completed(), claim == null ? null : claim.decision()), thresholds);
            verdicts.add(new Verdict(actionId, rs.getString(2), rs.getLong(4), status, due, l == null ? null : l.updateId()));
        }, reviewId == null ? new Object[0] : new Object[] {reviewId});
        return verdicts;
    }

    /** Every review of the register, in order. */
    public List<String> reviewIds() {
        return jdbc.queryForList("SELECT review_id FROM review ORDER BY review_id", String.class);
    }

    /** The reviews whose statuses are stored as at the date. */
    public java.util.Set<String> reconciledReviews(LocalDate asAt) {
        // one status row a review, through the (review_id, as_at) index, rather than every action's status at the date
        return new java.util.HashSet<>(jdbc.queryForList("""
                SELECT v.review_id FROM review v
                WHERE EXISTS (SELECT 1 FROM action_status s WHERE s.review_id = v.review_id AND s.as_at = ?)""", String.class,
                Date.valueOf(asAt)));
    }

    /** Whether statuses are stored for the review as at the date. */
    public boolean isReconciled(String reviewId, LocalDate asAt) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM action_status WHERE review_id = ? AND as_at = ?", Integer.class,
                reviewId, Date.valueOf(asAt)) > 0;
    }
}
