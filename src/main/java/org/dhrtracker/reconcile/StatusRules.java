package org.dhrtracker.reconcile;

import java.time.LocalDate;
import java.time.Period;

/** The rules that turn an action's due date, latest return and sign-off into its status as at a date. */
public final class StatusRules {

    /** @param returnPeriod a return older than this before the as-at date is no return for the period */
    public record Thresholds(int dueSoonDays, Period returnPeriod) {
    }

    /**
     * The latest return for an action on or before the as-at date.
     *
     * @param completed whether it says Completed: a claim of completion
     * @param decision the coordinator's decision on that claim as at the date; null while it awaits sign-off
     */
    public record LatestReturn(LocalDate asAt, boolean completed, ClosureRepository.Decision decision) {
    }

    private StatusRules() {
    }

    /**
     * @param due the due date in force (a revised target if the agency gave one), or null
     * @param latest the latest return, or null when the agency has never reported on the action
     */
    public static ActionStatus statusOf(LocalDate asAt, LocalDate due, LatestReturn latest, Thresholds t) {
        // A rejected claim leaves the action open: the rules below apply as if it had not been claimed.
        if (latest != null && latest.completed() && latest.decision() != ClosureRepository.Decision.REJECTED) {
            return latest.decision() == ClosureRepository.Decision.ACCEPTED ? ActionStatus.COMPLETED : ActionStatus.CLAIMED;
        }
        if (due != null && due.isBefore(asAt)) {
            return ActionStatus.OVERDUE;
        }
        if (latest == null || !latest.asAt().isAfter(asAt.minus(t.returnPeriod()))) {
            return ActionStatus.NO_RETURN;
        }
        if (due != null && !due.isAfter(asAt.plusDays(t.dueSoonDays()))) {
            return ActionStatus.DUE_SOON;
        }
        return ActionStatus.ON_TRACK;
    }
}
