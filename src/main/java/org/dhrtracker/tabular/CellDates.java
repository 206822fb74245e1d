package org.dhrtracker.tabular;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cells that must hold a date: ISO (2016-03-31), UK (31/03/2016, 31/3/2016) or with the month's
 * name (31 March 2016, 31 Mar 2016). Nothing is guessed: a two-digit year could be either century,
 * a month-first date (03/31/2016) is not a date here, and a bare number is an Excel date left
 * formatted as General, whose meaning depends on the workbook.
 */
public final class CellDates {

    private static final Pattern ISO = Pattern.compile("(\\d{4})-(\\d{1,2})-(\\d{1,2})");
    private static final Pattern UK = Pattern.compile("(\\d{1,2})/(\\d{1,2})/(\\d{2}|\\d{4})");
    private static final Pattern NAMED = Pattern.compile("(\\d{1,2}) +([A-Za-z]+)\\.? +(\\d{2}|\\d{4})");
    private static final Pattern SERIAL = Pattern.compile("\\d+(\\.\\d+)?");
    private static final Map<String, Integer> MONTHS = Map.ofEntries(
            Map.entry("jan", 1), Map.entry("january", 1), Map.entry("feb", 2), Map.entry("february", 2),
            Map.entry("mar", 3), Map.entry("march", 3), Map.entry("apr", 4), Map.entry("april", 4), Map.entry("may", 5),
            Map.entry("jun", 6), Map.entry("june", 6), Map.entry("jul", 7), Map.entry("july", 7),
            Map.entry("aug", 8), Map.entry("august", 8), Map.entry("sep", 9), Map.entry("sept", 9), Map.entry("september", 9),
            Map.entry("oct", 10), Map.entry("october", 10), Map.entry("nov", 11), Map.entry("november", 11),
            Map.entry("dec", 12), Map.entry("december", 12));
    private static final String FORMS = "2016-03-31, 31/03/2016 or 31 March 2016";

    private CellDates() {
    }

    /** Empty for a blank cell; throws for text that is not a date in an accepted form. */
    public static Optional<LocalDate> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String t = text.strip();
        Matcher m;
        if ((m = ISO.matcher(t)).matches()) {
            return Optional.of(date(t, m.group(1), m.group(2), m.group(3)));
        }
        if ((m = UK.matcher(t)).matches()) {
            return Optional.of(date(t, m.group(3), m.group(2), m.group(1)));
        }
        if ((m = NAMED.matcher(t)).matches() && MONTHS.containsKey(m.group(2).toLowerCase(Locale.ROOT))) {
            return Optional.of(date(t, m.group(3), String.valueOf(MONTHS.get(m.group(2).toLowerCase(Locale.ROOT))), m.group(1)));
        }
        if (SERIAL.matcher(t).matches()) {
            throw new IllegalArgumentException(SafeText.quote(t) + " looks like an Excel date serial number (a date cell "
                    + "formatted as General): format the cell as a date, or write " + FORMS);
        }
        throw notADate(t);
    }

    private static LocalDate date(String text, String year, String month, String day) {
        if (year.length() == 2) {
            throw new IllegalArgumentException(SafeText.quote(text) + " has a two-digit year, which could be either century: "
                    + "write the year in full (" + FORMS + ")");
        }
        try {
            return LocalDate.of(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day));
        } catch (DateTimeException e) {
            throw notADate(text);
        }
    }

    private static IllegalArgumentException notADate(String text) {
        return new IllegalArgumentException(SafeText.quote(text) + " is not a date (write " + FORMS + ")");
    }
}
