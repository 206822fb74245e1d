package org.dhrtracker.reconcile;

/**
 * Where an action stands as at a date, derived from the register and the agency returns.
 * Precedence when several apply: completed, completion claimed, overdue, no return, due soon, on track.
 */
public enum ActionStatus {
    COMPLETED("Completed", Rag.GREEN),
    /** The agency says completed; the coordinator has not yet accepted or rejected it. */
    CLAIMED("Completion claimed", Rag.AMBER),
    ON_TRACK("On track", Rag.GREEN),
    DUE_SOON("Due within 30 days", Rag.AMBER),
    NO_RETURN("No return", Rag.AMBER),
    OVERDUE("Overdue", Rag.RED);

    private final String label;
    private final Rag rag;

    ActionStatus(String label, Rag rag) {
        this.label = label;
        this.rag = rag;
    }

    /** The word a coordinator reads in reports. */
    public String label() {
        return label;
    }

    public Rag rag() {
        return rag;
    }

    /**
     * Overdue actions and actions without a return are the exceptions the board must see. A claim
     * awaiting sign-off is the coordinator's to check, not the board's.
     */
    public boolean isException() {
        return this == OVERDUE || this == NO_RETURN;
    }
}
