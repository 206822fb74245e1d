package org.dhrtracker.reconcile;

import java.sql.Date;
import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.dhrtracker.SqlDates;
import org.dhrtracker.intake.ReturnRepository;
import org.dhrtracker.intake.ReturnStatus;
import org.dhrtracker.reconcile.ClosureRepository.Claim;
import org.dhrtracker.reconcile.ClosureRepository.Decision;
import org.dhrtracker.register.DueDate;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * What a review's reconciliation as at a date means for the coordinator and the board: the
 * findings, each recommendation's roll-up and outcome, and whether the review is ready for board
 * sign-off. Reads only updates up to the date and the statuses stored for it, so a past date
 * always gives the same assessment.
 */
@Service
public class Assessor {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    private final JdbcTemplate jdbc;
    private final ClosureRepository closure;
    private final int staleMonths;
    private final Period returnPeriod;
    private final NationalLetters nationalLetters;

    public Assessor(JdbcTemplate jdbc, ClosureRepository closure, @Value("${dhr.reconcile.stale-months:3}") int staleMonths,
            @Value("${dhr.reconcile.return-period}") Period returnPeriod, NationalLetters nationalLetters) {
        this.jdbc = jdbc;
        this.nationalLetters = nationalLetters;
        this.closure = closure;
        this.staleMonths = staleMonths;
        this.returnPeriod = returnPeriod;
    }

    /**
     * A recommendation's roll-up: complete only when every action is. Outcome: all actions complete,
     * fully implemented; some, partly; none complete: not met when an action is overdue, already
     * happening when the plan said so of every action, partly implemented when work is reported
     * and nothing is late, else no information.
     */
    public record RecommendationRollup(String owningBody, String number, int actions, int completed, Outcome outcome) {
        public boolean complete() {
            return completed == actions;
        }
    }

    /** The findings, the roll-ups in plan order, and whether every recommendation is complete. */
    public record Assessment(List<Finding> findings, List<RecommendationRollup> recommendations) {
        public boolean readyForSignOff() {
            return !recommendations.isEmpty() && recommendations.stream().allMatch(RecommendationRollup::complete);
        }

        /** How many recommendations are complete (all their actions are). */
        public int completeRecommendations() {
            return (int) recommendations.stream().filter(RecommendationRollup::complete).count();
        }

        /** How many findings of each severity; every severity is present, zero when none. */
        public Map<FindingCode.Severity, Integer> findingsBySeverity() {
            Map<FindingCode.Severity, Integer> counts = new java.util.EnumMap<>(FindingCode.Severity.class);
            for (FindingCode.Severity s : FindingCode.Severity.values()) {
                counts.put(s, 0);
            }
            findings.forEach(f -> counts.merge(f.severity(), 1, Integer::sum));
            return counts;
        }
    }

    /**
     * An action of the review as the assessment needs it, in plan order, with its status as at the date.
     *
     * @param plannedDue the due date of the plan (not a revised target)
     */
    public record ActionRow(long id, String ref, String agency, LocalDate plannedDue, String dueNote, long recommendationId,
            String number, String owningBody, ActionStatus status) {
    }

    /** An update of an action; where it came from (its file and row) is named only in a finding that quotes it. */
    private record Update(LocalDate asAt, ReturnStatus status, String evidence, LocalDate revisedTarget, long fileId, int row) {
    }

    /**
     * An assessment with the review's completion claims as at the date it worked out on the way
     * (those of {@link ClosureRepository#claimsAsAt}), for a report that shows them too.
     */
    public record Assessed(Assessment assessment, Map<Long, Claim> claims, Map<Long, Shown> shown) {
    }

    /**
     * An update as a report shows it, the last return of an action, picked out of the assessment's pass
     * over the review's updates by its id.
     *
     * @param status the stored status (a {@link ReturnStatus} name)
     */
    public record Shown(LocalDate asAt, String status, String progress, LocalDate completionDate) {
    }

    public Assessment assess(String reviewId, LocalDate asAt) {
        return assessWithClaims(reviewId, asAt).assessment();
    }

    /** The assessment, and the claims it worked out from the same updates. */
    public Assessed assessWithClaims(String reviewId, LocalDate asAt) {
        return assessWithClaims(reviewId, asAt, jdbc.query("""
                SELECT a.action_id, a.action_ref, a.agency_code, a.due_date, a.due_date_note, r.recommendation_id, r.number,
                       r.owning_body, s.status
                FROM action a JOIN recommendation r ON r.recommendation_id = a.recommendation_id
                JOIN action_status s ON s.action_id = a.action_id AND s.as_at = ?
                WHERE a.review_id = ? ORDER BY r.plan_order, a.plan_order""", (rs, i) -> new ActionRow(rs.getLong(1),
                rs.getString(2), rs.getString(3), SqlDates.get(rs, 4), rs.getString(5), rs.getLong(6), rs.getString(7),
                rs.getString(8), ActionStatus.valueOf(rs.getString(9))), Date.valueOf(asAt), reviewId), Set.of());
    }

    /**
     * The same, for the review's actions as the caller already read them with their statuses as at the
     * date (a report reads them anyway), in plan order.
     *
     * @param shown the updates the caller shows (each action's last return as reconciled): they come back in
     *        {@link Assessed#shown()}, from the same pass, rather than by a read of each by its key
     */
    public Assessed assessWithClaims(String reviewId, LocalDate asAt, List<ActionRow> actions, Set<Long> shown) {
        Map<Long, List<Update>> updates = new LinkedHashMap<>();
        // The same pass gives each action's latest update, which the claims start from.
        Map<Long, LatestUpdates.Latest> latest = new java.util.HashMap<>();
        Map<Long, Shown> shownUpdates = new java.util.HashMap<>();
        jdbc.query("""
                SELECT u.action_id, p.as_at, u.status, u.evidence, u.revised_target_date, p.return_file_id, u.source_row, u.update_id,
                       u.progress, u.completion_date
                FROM return_part p JOIN """ + ReturnRepository.UPDATES_OF_PART + """
                WHERE p.review_id = ? AND p.as_at <= ? ORDER BY u.action_id, p.as_at, u.update_id""", rs -> {
            Update u = new Update(SqlDates.get(rs, 2), ReturnStatus.valueOf(rs.getString(3)), rs.getString(4), SqlDates.get(rs, 5),
                    rs.getLong(6), rs.getInt(7));
            updates.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(u);
            LatestUpdates.add(latest, rs.getLong(1), rs.getLong(8), u.asAt(), rs.getString(3), u.revisedTarget(), u.evidence());
            if (shown.contains(rs.getLong(8))) {
                shownUpdates.put(rs.getLong(8), new Shown(u.asAt(), rs.getString(3), rs.getString(9), SqlDates.get(rs, 10)));
            }
        }, reviewId, Date.valueOf(asAt));
        Map<Long, Claim> claims = closure.claims(latest, reviewId, asAt);
        // A file's name only for the rare finding that quotes an update: joined to every update, it was a fifth of the read.
        Map<Long, String> fileNames = new java.util.HashMap<>();

        List<Finding> findings = new ArrayList<>(refusedUpdates(reviewId, asAt));
        for (ActionRow a : actions) {
            findings.addAll(actionFindings(reviewId, asAt, a, updates.getOrDefault(a.id(), List.of()), fileNames));
            Claim claim = claims.get(a.id());
            String who = "Action " + a.ref() + " (" + a.agency() + ")";
            if (claim != null && claim.isPending()) {
                findings.add(finding(FindingCode.CLAIM_PENDING, reviewId, a, who + ": completion claimed as at "
                        + day(claim.claimedAsAt()) + ", awaiting the coordinator's sign-off"));
            } else if (claim != null && claim.decision() == Decision.REJECTED) {
                findings.add(finding(FindingCode.CLAIM_REJECTED, reviewId, a, who + ": completion claimed as at "
                        + day(claim.claimedAsAt()) + " was rejected on " + day(claim.decidedOn()) + ": " + claim.reason()));
            }
        }
        List<RecommendationRollup> rollups = new ArrayList<>();
        Map<Long, List<ActionRow>> byRecommendation = new LinkedHashMap<>();
        actions.forEach(a -> byRecommendation.computeIfAbsent(a.recommendationId(), k -> new ArrayList<>()).add(a));
        for (List<ActionRow> rec : byRecommendation.values()) {
            RecommendationRollup r = rollup(rec, updates);
            rollups.add(r);
            if (r.completed() > 0 && !r.complete()) {
                findings.add(new Finding(FindingCode.PARTLY_COMPLETE, reviewId, null, null, "Recommendation " + r.number() + " ("
                        + r.owningBody() + "): " + r.completed() + " of " + r.actions() + " actions complete"));
            }
        }
        findings.addAll(nationalLetters.findings(reviewId, asAt));
        findings.sort(Comparator.comparing(Finding::severity).thenComparing(Finding::code));
        return new Assessed(new Assessment(findings, rollups), claims, shownUpdates);
    }

    /**
     * Rows of rejected returns that named an unknown action or another agency's action, in the
     * return period up to the date (by the row's as-at date, or the day received when unreadable).
     */
    private List<Finding> refusedUpdates(String reviewId, LocalDate asAt) {
        return jdbc.query("""
                SELECT u.code, u.action_ref, u.agency_code, u.file_name, u.source_row, a.agency_code FROM refused_update u
                LEFT JOIN action a ON a.review_id = u.review_id AND a.action_ref = u.action_ref
                WHERE u.review_id = ? AND COALESCE(u.as_at, CAST(u.received_at AS DATE)) > ?
                  AND COALESCE(u.as_at, CAST(u.received_at AS DATE)) <= ?
                ORDER BY u.refused_id""", (rs, i) -> {
            FindingCode code = FindingCode.valueOf(rs.getString(1));
            String where = rs.getString(3) + "'s return (" + rs.getString(4) + " row " + rs.getInt(5) + ")";
            String message = code == FindingCode.UNKNOWN_ACTION
                    ? where + " names action " + rs.getString(2) + ", which is not in the register; the file was rejected"
                    : where + " updated action " + rs.getString(2) + ", which belongs to " + rs.getString(6)
                            + "; the file was rejected: an agency may only update its own actions";
            return new Finding(code, reviewId, rs.getString(2), rs.getString(3), message);
        }, reviewId, Date.valueOf(asAt.minus(returnPeriod)), Date.valueOf(asAt));
    }

    private List<Finding> actionFindings(String reviewId, LocalDate asAt, ActionRow a, List<Update> history, Map<Long, String> fileNames) {
        List<Finding> found = new ArrayList<>();
        String who = "Action " + a.ref() + " (" + a.agency() + ")";
        Update latest = history.isEmpty() ? null : history.get(history.size() - 1);
        LocalDate target = a.plannedDue();
        int slips = 0;
        for (Update u : history) {
            if (u.revisedTarget() != null && (target == null || u.revisedTarget().isAfter(target))) {
                slips += target == null ? 0 : 1;
                target = u.revisedTarget();
            }
        }
        switch (a.status()) {
            case OVERDUE -> found.add(finding(FindingCode.OVERDUE, reviewId, a,
                    who + " was due " + day(target) + " and is not complete"));
            case DUE_SOON -> found.add(finding(FindingCode.DUE_SOON, reviewId, a, who + " is due " + day(target)));
            case NO_RETURN -> found.add(finding(FindingCode.NO_RETURN, reviewId, a, who + ": no return this period"
                    + (latest == null ? ", none ever received" : " (last as at " + day(latest.asAt()) + ")")));
            default -> {
            }
        }
        boolean open = a.status() != ActionStatus.COMPLETED;
        if (latest != null && open && latest.asAt().isBefore(asAt.minusMonths(staleMonths))) {
            found.add(finding(FindingCode.STALE, reviewId, a, who + ": no update since " + day(latest.asAt()) + ", more than "
                    + staleMonths + " months"));
        }
        if (latest != null && latest.status() == ReturnStatus.COMPLETED && (latest.evidence() == null || latest.evidence().isBlank())) {
            found.add(finding(FindingCode.COMPLETED_WITHOUT_EVIDENCE, reviewId, a,
                    who + ": completion claimed as at " + day(latest.asAt()) + " with no evidence given"));
        }
        if (slips > 0 && a.plannedDue() != null) {
            found.add(finding(FindingCode.TARGET_SLIPPED, reviewId, a, who + ": target moved from " + day(a.plannedDue()) + " to "
                    + day(target) + " (" + slips + (slips == 1 ? " slip)" : " slips)")));
        }
        Update backwardsFrom = null;
        Update backwardsTo = null;
        for (int i = 1; i < history.size(); i++) {
            Update before = history.get(i - 1);
            Update after = history.get(i);
            if (after.asAt().isAfter(before.asAt()) && after.status().ordinal() < before.status().ordinal()) {
                backwardsFrom = before;
                backwardsTo = after;
            }
            if (after.asAt().equals(before.asAt()) && disagree(before, after)) {
                found.add(finding(FindingCode.CONFLICTING_UPDATES, reviewId, a, who + ": updates as at " + day(after.asAt())
                        + " disagree (" + source(before, fileNames) + ": " + before.status().label() + "; " + source(after, fileNames) + ": "
                        + after.status().label() + ")"));
            }
        }
        if (backwardsTo != null) {
            found.add(finding(FindingCode.STATUS_WENT_BACKWARDS, reviewId, a, who + ": status went from "
                    + backwardsFrom.status().label() + " (" + day(backwardsFrom.asAt()) + ") to " + backwardsTo.status().label()
                    + " (" + day(backwardsTo.asAt()) + ")"));
        }
        return found;
    }

    /** Where an update came from, as a finding names it: its file and row. */
    private String source(Update u, Map<Long, String> fileNames) {
        String file = fileNames.computeIfAbsent(u.fileId(),
                id -> jdbc.queryForObject("SELECT file_name FROM return_file WHERE return_file_id = ?", String.class, id));
        return file + " row " + u.row();
    }

    private static boolean disagree(Update a, Update b) {
        return a.status() != b.status() || !Objects.equals(a.revisedTarget(), b.revisedTarget());
    }

    private static RecommendationRollup rollup(List<ActionRow> actions, Map<Long, List<Update>> updates) {
        ActionRow first = actions.get(0);
        int completed = (int) actions.stream().filter(a -> a.status() == ActionStatus.COMPLETED).count();
        Outcome outcome;
        if (completed == actions.size()) {
            outcome = Outcome.FULLY_IMPLEMENTED;
        } else if (completed > 0) {
            outcome = Outcome.PARTLY_IMPLEMENTED;
        } else if (actions.stream().allMatch(a -> DueDate.ACHIEVED.equals(a.dueNote()))) {
            outcome = Outcome.ALREADY_HAPPENING;
        } else if (actions.stream().anyMatch(a -> a.status() == ActionStatus.OVERDUE)) {
            outcome = Outcome.NOT_MET;
        } else if (actions.stream().anyMatch(a -> updates.containsKey(a.id()))) {
            // Under way and not late: some of it is in place.
            outcome = Outcome.PARTLY_IMPLEMENTED;
        } else {
            outcome = Outcome.NO_INFORMATION;
        }
        return new RecommendationRollup(first.owningBody(), first.number(), actions.size(), completed, outcome);
    }

    private static Finding finding(FindingCode code, String reviewId, ActionRow a, String message) {
        return new Finding(code, reviewId, a.ref(), a.agency(), message);
    }

    private static String day(LocalDate d) {
        return d == null ? "(no date)" : DAY.format(d);
    }

}
