package org.dhrtracker.tabular;

/** A column of a canonical file format, found by its header text. */
public record Column(String header, boolean required) {

    public static Column required(String header) {
        return new Column(header, true);
    }

    public static Column optional(String header) {
        return new Column(header, false);
    }

    /** Headers match ignoring case, spaces and punctuation: "As at", "as-at" and "AS_AT" are one. */
    static String key(String header) {
        return header == null ? "" : header.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }
}
