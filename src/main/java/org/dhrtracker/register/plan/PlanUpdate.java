package org.dhrtracker.register.plan;

import org.dhrtracker.intake.ReturnStatus;

/** The progress a plan's progress column reports for one action, as at the plan's date. */
public record PlanUpdate(int row, String actionRef, String agency, ReturnStatus status, String progress,
        java.time.LocalDate completionDate) {
}
