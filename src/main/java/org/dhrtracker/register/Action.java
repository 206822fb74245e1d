package org.dhrtracker.register;

/**
 * What one agency must do towards a recommendation. The target date is kept as the plan wrote it,
 * beside the due date derived from it (or given explicitly).
 */
public record Action(
        String ref,
        String agency,
        String agencyName,
        String text,
        String evidenceOfAchievement,
        String implementationLead,
        String targetDateAsWritten,
        DueDate due) {
}
