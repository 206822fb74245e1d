package org.dhrtracker.tabular;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Optional;

/** Cells that must hold a date: ISO (2015-03-31) or UK (31/03/2015). */
public final class CellDates {

    private static final DateTimeFormatter UK = DateTimeFormatter.ofPattern("d/M/uuuu").withResolverStyle(ResolverStyle.STRICT);

    private CellDates() {
    }

    /** Empty for a blank cell; throws for text that is not a date in an accepted form. */
    public static Optional<LocalDate> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String t = text.strip();
        try {
            return Optional.of(t.contains("/") ? LocalDate.parse(t, UK) : LocalDate.parse(t));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + abbreviate(t) + "' is not a date (write 2015-03-31 or 31/03/2015)");
        }
    }

    private static String abbreviate(String s) {
        return s.length() > 30 ? s.substring(0, 30) + "…" : s;
    }
}
