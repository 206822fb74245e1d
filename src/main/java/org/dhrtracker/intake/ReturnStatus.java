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
        // its letters alone, lower case ("In-progress", "COMPLETED."): by hand, as String.replaceAll compiled a
        // pattern for every row of every return
        StringBuilder letters = new StringBuilder(text.length());
        for (char c : text.toLowerCase(Locale.ROOT).toCharArray()) {
            if (c >= 'a' && c <= 'z') {
                letters.append(c);
            }
        }
        return switch (letters.toString()) {
            case "notstarted" -> NOT_STARTED;
            case "inprogress" -> IN_PROGRESS;
            case "completed", "complete" -> COMPLETED;
            default -> throw new IllegalArgumentException("status must be Not started, In progress or Completed");
        };
    }
}
