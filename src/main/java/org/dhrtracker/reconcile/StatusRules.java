package org.dhrtracker.reconcile;

import java.time.LocalDate;
import java.time.Period;

/** The rules that turn an action's due date and latest return into its status as at a date. */
public final class StatusRules {

    /** @param returnPeriod a return older than this before the as-at date is no return for the period */
    public record Thresholds(int dueSoonDays, Period returnPeriod) {
    }

    /** The latest return for an action on or before the as-at date. */
    public record LatestReturn(LocalDate asAt, boolean completed) {
    }

    private StatusRules() {
    }

    /**
     * @param due the due date in force (a revised target if the agency gave one), or null
     * @param latest the latest return, or null when the agency has never reported on the action
     */
    public static ActionStatus statusOf(LocalDate asAt, LocalDate due, LatestReturn latest, Thresholds t) {
        if (latest != null && latest.completed()) {
            return ActionStatus.COMPLETED;
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
