package org.dhrtracker.reconcile;

import java.sql.Date;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

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
        String reviewFilter = reviewId == null ? "" : " AND a.review_id = ?";
        Object[] args = reviewId == null ? new Object[] {Date.valueOf(asAt)} : new Object[] {Date.valueOf(asAt), reviewId};
        // One pass over the updates in order; the last one seen per action is its latest.
        Map<Long, Latest> latest = new HashMap<>();
        jdbc.query("""
                SELECT u.action_id, u.update_id, u.as_at, u.status, u.revised_target_date, u.evidence
                FROM progress_update u JOIN action a ON a.action_id = u.action_id
                WHERE u.as_at <= ?""" + reviewFilter + " ORDER BY u.action_id, u.as_at, u.update_id", rs -> {
            long actionId = rs.getLong(1);
            Latest previous = latest.get(actionId);
            Date revised = rs.getDate(5);
            LocalDate revisedTarget = revised != null ? revised.toLocalDate() : previous == null ? null : previous.revisedTarget();
            latest.put(actionId, new Latest(rs.getLong(2), rs.getDate(3).toLocalDate(),
                    ReturnStatus.COMPLETED.name().equals(rs.getString(4)), revisedTarget, rs.getString(6)));
        }, args);
        return latest;
    }
}
