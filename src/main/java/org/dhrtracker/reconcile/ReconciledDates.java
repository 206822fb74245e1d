package org.dhrtracker.reconcile;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;

import org.springframework.jdbc.core.JdbcOperations;

/** The dates a review's statuses are stored as at, read through the (review_id, as_at) index. */
public final class ReconciledDates {

    private ReconciledDates() {
    }

    /** The latest date before the given one that the review was reconciled as at, or null. */
    public static LocalDate before(JdbcOperations jdbc, String reviewId, LocalDate date) {
        // Not MAX(as_at): HSQLDB reads every status of the review before the date for it (6.6 ms a review with ten
        // years of monthly runs), where the index read backwards stops at the first row (6 microseconds). FETCH FIRST, not LIMIT:
        // standard SQL, the same on PostgreSQL.
        List<LocalDate> latest = jdbc.queryForList("""
                SELECT as_at FROM action_status WHERE review_id = ? AND as_at < ?
                ORDER BY review_id DESC, as_at DESC FETCH FIRST 1 ROW ONLY""", LocalDate.class, reviewId, Date.valueOf(date));
        return latest.isEmpty() ? null : latest.get(0);
    }
}
