package org.dhrtracker.register;

import java.time.LocalDate;

/**
 * The date an action is due, as far as it can be read from the plan.
 *
 * @param date the due date, or null when the text gives none
 * @param ongoing the plan says the action is continuing ("On-going")
 * @param note how the date was read, or why none was: shown to the coordinator
 */
public record DueDate(LocalDate date, boolean ongoing, String note) {

    static final String UNREADABLE = "no date could be read: check the target date";
    /** The plan says the action was already done when the plan was written ("Action completed"). */
    public static final String ACHIEVED = "already achieved when planned";

    /** The plan gave a target the coordinator should look at: text that holds no date. */
    public boolean needsCheck() {
        return UNREADABLE.equals(note);
    }

    public static DueDate given(LocalDate date) {
        return new DueDate(date, false, "given");
    }
}
