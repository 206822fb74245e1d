package org.dhrtracker.reconcile;

/**
 * One thing the coordinator must look at, in plain English. The message names dates, refs and
 * counts, never the narrative of a return.
 *
 * @param actionRef the action, or null for a finding about a recommendation or a file
 * @param agency the agency concerned, or null
 */
public record Finding(FindingCode code, String reviewId, String actionRef, String agency, String message) {

    public FindingCode.Severity severity() {
        return code.severity();
    }
}
