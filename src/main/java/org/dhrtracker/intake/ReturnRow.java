package org.dhrtracker.intake;

import java.time.LocalDate;

/** One checked row of an agency return: an update to one action. */
public record ReturnRow(
        int row,
        String reviewId,
        long actionId,
        String agency,
        LocalDate asAt,
        ReturnStatus status,
        String progress,
        String evidence,
        LocalDate revisedTargetDate,
        LocalDate completionDate,
        String reportedBy) {
}
