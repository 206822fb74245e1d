package org.dhrtracker.reconcile;

/**
 * What the coordinator must look at, by code (the codes head findings.csv). Severity says how
 * soon: HIGH before the board meets, MEDIUM in the next chase, LOW for information.
 */
public enum FindingCode {
    UNKNOWN_ACTION(Severity.HIGH, "Unknown action reference"),
    NOT_OWN_ACTION(Severity.HIGH, "Agency updated an action it does not own"),
    CONFLICTING_UPDATES(Severity.HIGH, "Two updates for the same action and period disagree"),
    OVERDUE(Severity.HIGH, "Overdue"),
    CLAIM_REJECTED(Severity.HIGH, "Completion claim rejected"),
    NO_RETURN(Severity.MEDIUM, "No return this period"),
    COMPLETED_WITHOUT_EVIDENCE(Severity.MEDIUM, "Completion claimed without evidence"),
    STATUS_WENT_BACKWARDS(Severity.MEDIUM, "Status went backwards"),
    TARGET_SLIPPED(Severity.MEDIUM, "Target date revised later"),
    STALE(Severity.MEDIUM, "No update for months"),
    NATIONAL_MISROUTED(Severity.MEDIUM, "National recommendation sent to the Home Office, subject for another body"),
    NATIONAL_UNANSWERED(Severity.MEDIUM, "National recommendation's letter unanswered"),
    CLAIM_PENDING(Severity.LOW, "Completion claimed, awaiting sign-off"),
    DUE_SOON(Severity.LOW, "Due soon"),
    PARTLY_COMPLETE(Severity.LOW, "Recommendation partly complete");

    /** How soon a finding needs attention. */
    public enum Severity {
        HIGH, MEDIUM, LOW
    }

    private final Severity severity;
    private final String title;

    FindingCode(Severity severity, String title) {
        this.severity = severity;
        this.title = title;
    }

    public Severity severity() {
        return severity;
    }

    /** The finding's kind in words, for report headings. */
    public String title() {
        return title;
    }
}
