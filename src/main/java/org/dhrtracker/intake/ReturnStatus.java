package org.dhrtracker.intake;

import java.util.Locale;

/** The status an agency reports for one of its actions. */
public enum ReturnStatus {
    NOT_STARTED("Not started"), IN_PROGRESS("In progress"), COMPLETED("Completed");

    private final String label;

    ReturnStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static ReturnStatus fromText(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
        return switch (t) {
            case "notstarted" -> NOT_STARTED;
            case "inprogress" -> IN_PROGRESS;
            case "completed", "complete" -> COMPLETED;
            default -> throw new IllegalArgumentException("status must be Not started, In progress or Completed");
        };
    }
}
