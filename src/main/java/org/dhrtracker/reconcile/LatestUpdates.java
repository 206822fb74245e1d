package org.dhrtracker.reconcile;

import java.sql.Date;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import org.dhrtracker.SqlDates;
import org.dhrtracker.intake.ReturnRepository;
import org.dhrtracker.intake.ReturnStatus;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Each action's latest progress update on or before a date (by as-at date, then by arrival): what
 * both the status and the completion claim of an action start from.
 */
final class LatestUpdates {

    /** @param revisedTarget the latest revised target date given up to this update, or null */
    record Latest(long updateId, LocalDate asAt, boolean completed, LocalDate revisedTarget, String evidence) {
    }

    private LatestUpdates() {
    }

    /** @param reviewId a review, or null for every review */
    static Map<Long, Latest> asAt(JdbcTemplate jdbc, String reviewId, LocalDate asAt) {
        // A review's updates found through its parts (return_part), not by joining each to its action.
        String from = "return_part p JOIN " + ReturnRepository.UPDATES_OF_PART + " WHERE p.as_at <= ?"
                + (reviewId == null ? "" : " AND p.review_id = ?");
        Object[] args = reviewId == null ? new Object[] {Date.valueOf(asAt)} : new Object[] {Date.valueOf(asAt), reviewId};
        // One pass over the updates in order; the last one seen per action is its latest.
        Map<Long, Latest> latest = new HashMap<>();
        jdbc.query("SELECT u.action_id, u.update_id, p.as_at, u.status, u.revised_target_date, u.evidence FROM " + from
                + " ORDER BY u.action_id, p.as_at, u.update_id", rs -> {
            add(latest, rs.getLong(1), rs.getLong(2), SqlDates.get(rs, 3), rs.getString(4), SqlDates.get(rs, 5), rs.getString(6));
        }, args);
        return latest;
    }

    /**
     * Takes the next update of an action, in order (as-at date, then arrival), as its latest, carrying
     * the latest revised target given so far.
     *
     * @param status the stored status (a {@link ReturnStatus} name)
     */
    static void add(Map<Long, Latest> latest, long actionId, long updateId, LocalDate asAt, String status, LocalDate revised,
            String evidence) {
        Latest previous = latest.get(actionId);
        LocalDate revisedTarget = revised != null ? revised : previous == null ? null : previous.revisedTarget();
        latest.put(actionId, new Latest(updateId, asAt, ReturnStatus.COMPLETED.name().equals(status), revisedTarget, evidence));
    }
}
