package org.dhrtracker.register.plan;

import java.util.List;

/**
 * What a column of an action plan holds, and the headers plans give it. Layout A (seed 001):
 * Recommendation | Scope of rec i.e. local or regional | Action to take | Evidence of Achievement
 * | Target date | Progress report - Master As at &lt;date&gt;. Layout B: Recommendation | Action
 * Required by Agency | Implementation Lead | Target date for Completion | Summary of Action Taken
 * &amp; Date. More synonyms come from configuration ({@code dhr.plan.synonyms.<column>}).
 */
public enum PlanColumn {
    RECOMMENDATION("Recommendation", true, "recommendation", "recommendations", "recommendation no", "rec", "rec no"),
    SCOPE("Scope", false, "scope", "scope of rec", "local regional national", "local or regional"),
    ACTION("Action", true, "action to take", "action required by agency", "action required", "actions", "action",
            "key actions", "actions to take"),
    AGENCY("Agency", false, "agency", "lead agency", "responsible agency", "agencies"),
    EVIDENCE("Evidence of achievement", false, "evidence of achievement", "evidence", "outcome", "success measure"),
    LEAD("Implementation lead", false, "implementation lead", "lead officer", "lead", "responsible officer", "lead person"),
    TARGET_DATE("Target date", false, "target date", "target date for completion", "timescale", "timescales",
            "target", "by when", "deadline"),
    STATUS("Status", false, "status", "rag", "rag status"),
    PROGRESS("Progress", false, "progress", "progress report", "summary of action taken", "action taken", "update",
            "progress update", "comments");

    private final String label;
    private final boolean required;
    private final List<String> synonyms;

    PlanColumn(String label, boolean required, String... synonyms) {
        this.label = label;
        this.required = required;
        this.synonyms = List.of(synonyms);
    }

    /** The name messages use. */
    public String label() {
        return label;
    }

    public boolean required() {
        return required;
    }

    List<String> synonyms() {
        return synonyms;
    }
}
