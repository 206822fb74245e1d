package org.dhrtracker.reconcile;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.dhrtracker.SqlDates;
import org.dhrtracker.reconcile.LatestUpdates.Latest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Checked closure: an agency's "Completed" is a claim, which the coordinator accepts or rejects.
 * A claim is the action's latest update up to a date when it says Completed. A decision applies
 * to the claim current on its decided-on date, so the claim's decision as at a date is the latest
 * decision decided on or after the claim's as-at date and on or before that date. Everything is
 * filtered by date: a past date gives the same answer however many returns and decisions came since.
 */
@Repository
public class ClosureRepository {

    public enum Decision {
        ACCEPTED, REJECTED;

        /** Accept, Accepted, Reject, Rejected; case ignored. */
        public static Decision fromText(String text) {
            return switch (text.strip().toLowerCase(Locale.ROOT)) {
                case "accept", "accepted" -> ACCEPTED;
                case "reject", "rejected" -> REJECTED;
                default -> throw new IllegalArgumentException("decision must be Accept or Reject");
            };
        }
    }

    /**
     * An action's current completion claim.
     *
     * @param updateId the progress update that claims completion
     * @param evidence the evidence the claim gives, or null
     * @param decision null while the claim awaits sign-off
     * @param reason the reason given with the decision (required for a rejection), or null
     */
    public record Claim(long actionId, long updateId, LocalDate claimedAsAt, String evidence, Decision decision, String reason,
            LocalDate decidedOn) {

        public boolean isPending() {
            return decision == null;
        }
    }

    /** A rejected claim, with what is needed to send it back to the agency. */
    public record RejectedClaim(String reviewId, String actionRef, String agency, String decidedBy, Claim claim) {
    }

    /** A decision to record. @param source where it came from: "file, row N" or "command" */
    public record NewDecision(long actionId, Decision decision, String reason, String decidedBy, LocalDate decidedOn,
            String source) {
    }

    private final JdbcTemplate jdbc;

    public ClosureRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * @param reviewId a review, or null for every review
     * @return action id → its current claim, for the actions whose latest update up to the date says Completed
     */
    public Map<Long, Claim> claimsAsAt(String reviewId, LocalDate asAt) {
        return claims(LatestUpdates.asAt(jdbc, reviewId, asAt), reviewId, asAt);
    }

    /** The claims current as at the date that the coordinator has rejected, in plan order. */
    public List<RejectedClaim> rejectedAsAt(String reviewId, LocalDate asAt) {
        Map<Long, Decided> decided = decided(LatestUpdates.asAt(jdbc, reviewId, asAt), reviewId, asAt);
        String reviewFilter = reviewId == null ? "" : " WHERE a.review_id = ?";
        Object[] args = reviewId == null ? new Object[0] : new Object[] {reviewId};
        List<RejectedClaim> rejected = new ArrayList<>();
        jdbc.query("""
                SELECT a.action_id, a.review_id, a.action_ref, a.agency_code FROM action a
                JOIN recommendation r ON r.recommendation_id = a.recommendation_id""" + reviewFilter
                + " ORDER BY a.review_id, r.plan_order, a.plan_order", rs -> {
                    Decided d = decided.get(rs.getLong(1));
                    if (d != null && d.claim().decision() == Decision.REJECTED) {
                        rejected.add(new RejectedClaim(rs.getString(2), rs.getString(3), rs.getString(4), d.decidedBy(), d.claim()));
                    }
                }, args);
        return rejected;
    }

    /** Appends decisions, in the caller's transaction. */
    public void record(List<NewDecision> decisions, Instant recordedAt) {
        Timestamp at = Timestamp.from(recordedAt);
        jdbc.batchUpdate("""
                INSERT INTO completion_decision (action_id, decision, reason, decided_by, decided_on, recorded_at, source)
                VALUES (?, ?, ?, ?, ?, ?, ?)""", decisions, 1000, (ps, d) -> {
                    ps.setLong(1, d.actionId());
                    ps.setString(2, d.decision().name());
                    ps.setString(3, d.reason());
                    ps.setString(4, d.decidedBy());
                    ps.setDate(5, Date.valueOf(d.decidedOn()));
                    ps.setTimestamp(6, at);
                    ps.setString(7, d.source());
                });
    }

    /**
     * The claims of the actions whose latest update (as already loaded up to the date) says Completed.
     *
     * @param reviewId the review of those actions, or null when they are of every review
     */
    Map<Long, Claim> claims(Map<Long, Latest> latest, String reviewId, LocalDate asAt) {
        Map<Long, Claim> claims = new HashMap<>();
        decided(latest, reviewId, asAt).forEach((actionId, d) -> claims.put(actionId, d.claim()));
        return claims;
    }

    private record Decided(Claim claim, String decidedBy) {
    }

    private Map<Long, Decided> decided(Map<Long, Latest> latest, String reviewId, LocalDate asAt) {
        Map<Long, Decided> claims = new HashMap<>();
        latest.forEach((actionId, l) -> {
            if (l.completed()) {
                claims.put(actionId, new Decided(new Claim(actionId, l.updateId(), l.asAt(), l.evidence(), null, null, null), null));
            }
        });
        if (claims.isEmpty()) {
            return claims;
        }
        // In decision order: the last decision that applies to the claim wins. Only the review's decisions
        // are read for a review: a report of every review reads its claims review by review.
        String from = reviewId == null ? "completion_decision d WHERE d.decided_on <= ?"
                : "completion_decision d JOIN action a ON a.action_id = d.action_id WHERE d.decided_on <= ? AND a.review_id = ?";
        Object[] args = reviewId == null ? new Object[] {Date.valueOf(asAt)} : new Object[] {Date.valueOf(asAt), reviewId};
        jdbc.query("SELECT d.action_id, d.decision, d.reason, d.decided_on, d.decided_by FROM " + from
                + " ORDER BY d.decided_on, d.decision_id", rs -> {
            Decided current = claims.get(rs.getLong(1));
            LocalDate decidedOn = SqlDates.get(rs, 4);
            if (current != null && !decidedOn.isBefore(current.claim().claimedAsAt())) {
                Claim c = current.claim();
                claims.put(c.actionId(), new Decided(new Claim(c.actionId(), c.updateId(), c.claimedAsAt(), c.evidence(),
                        Decision.valueOf(rs.getString(2)), rs.getString(3), decidedOn), rs.getString(5)));
            }
        }, args);
        return claims;
    }
}
