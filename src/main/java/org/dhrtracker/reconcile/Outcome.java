package org.dhrtracker.reconcile;

/**
 * A recommendation's outcome in the Domestic Abuse Commissioner's terms, from the status of its
 * actions as at a date.
 */
public enum Outcome {
    FULLY_IMPLEMENTED("Fully implemented"),
    PARTLY_IMPLEMENTED("Partly implemented"),
    ALREADY_HAPPENING("Already happening"),
    NOT_MET("Not met"),
    NO_INFORMATION("No information");

    private final String label;

    Outcome(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
