package org.dhrtracker.register;

import java.util.Locale;

/** Which report a recommendation comes from: the Overview Report or an agency's IMR. */
public enum Source {
    OVERVIEW, IMR;

    public static Source fromText(String text) {
        String t = text.strip().toUpperCase(Locale.ROOT);
        if (t.startsWith("OVERVIEW")) {
            return OVERVIEW;
        }
        if (t.equals("IMR") || t.startsWith("INDIVIDUAL MANAGEMENT")) {
            return IMR;
        }
        throw new IllegalArgumentException("source must be Overview or IMR");
    }

    public String word() {
        return this == OVERVIEW ? "Overview" : "IMR";
    }
}
