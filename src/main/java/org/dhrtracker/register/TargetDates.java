package org.dhrtracker.register;

import java.time.LocalDate;
import java.time.Month;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a due date out of a target date as plans write it: "31 st December 2014", "Dec 2014",
 * "31/05/14", "By the 30.6.15", "Autumn 2013". A month means its last day; where several dates
 * are written the latest is the due date (the action is done when its last part is). Text with no
 * date gives none, with a note saying why, never a guess.
 *
 * <p>A target written per sub-item ("a) Completed b)Completed c)31/05/14") is also read part by part
 * ({@link #perSubItem}); {@link #derive} keeps reading the whole cell, for an action without
 * sub-actions.
 */
public final class TargetDates {

    private static final String MONTH = "(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
            + "|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)";
    private static final Pattern DAY_MONTH_YEAR = Pattern.compile(
            "\\b(\\d{1,2})\\s*(?:st|nd|rd|th)?\\s+" + MONTH + "\\.?,?\\s+(\\d{4}|\\d{2})\\b");
    private static final Pattern MONTH_YEAR = Pattern.compile("\\b" + MONTH + "\\.?\\s*(?:-\\s*)?('?\\d{4}|\\d{2})\\b");
    private static final Pattern NUMERIC = Pattern.compile("\\b(\\d{1,2})[./](\\d{1,2})[./](\\d{4}|\\d{2})\\b");
    private static final Pattern ISO = Pattern.compile("\\b(\\d{4})-(\\d{2})-(\\d{2})\\b");
    private static final Pattern SEASON = Pattern.compile("\\b(spring|summer|autumn|winter)\\s+(\\d{4})\\b");
    private static final Pattern ONGOING = Pattern.compile("\\bon\\s*-?\\s*going\\b|\\bongoing\\b|with immediate effect");
    private static final Pattern ACHIEVED = Pattern.compile("\\b(complete|completed|achieved|already in place|in place)\\b");
    private static final Pattern NOT_APPLICABLE = Pattern.compile("\\s*(n/?a|not applicable)\\.?\\s*");
    /**
     * A sub-item label: "a)", "a.", "(a)", not inside a word ("April", "Dec.") nor an abbreviation
     * ("e.g.", "i.e."). Whether it is a label also depends on the letters running a, b, c...
     */
    private static final Pattern LABEL = Pattern.compile(
            "(?<![\\p{L}\\p{N}.])(?:\\(([a-z])\\)|([a-z])(?:\\)|\\.(?![a-z]\\.)))", Pattern.CASE_INSENSITIVE);
    private static final Map<String, Month> SEASON_END = Map.of(
            "spring", Month.MAY, "summer", Month.AUGUST, "autumn", Month.NOVEMBER, "winter", Month.FEBRUARY);

    private TargetDates() {
    }

    public static DueDate derive(String written) {
        if (written == null || written.isBlank()) {
            return new DueDate(null, false, "no target date");
        }
        String t = written.toLowerCase(Locale.ROOT).replace('\u00a0', ' ');
        boolean ongoing = ONGOING.matcher(t).find();
        List<LocalDate> dates = new ArrayList<>();
        StringBuilder rest = new StringBuilder(t);
        collect(DAY_MONTH_YEAR, rest, m -> LocalDate.of(year(m.group(3)), month(m.group(2)), Integer.parseInt(m.group(1))), dates);
        collect(ISO, rest, m -> LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))), dates);
        collect(NUMERIC, rest, m -> LocalDate.of(year(m.group(3)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(1))), dates);
        collect(MONTH_YEAR, rest, m -> YearMonth.of(year(m.group(2).replace("'", "")), month(m.group(1))).atEndOfMonth(), dates);
        collect(SEASON, rest, m -> {
            Month end = SEASON_END.get(m.group(1));
            int year = Integer.parseInt(m.group(2)) + (end == Month.FEBRUARY ? 1 : 0);
            return YearMonth.of(year, end).atEndOfMonth();
        }, dates);
        if (!dates.isEmpty()) {
            LocalDate latest = dates.stream().max(LocalDate::compareTo).orElseThrow();
            return new DueDate(latest, ongoing, dates.size() > 1 ? "latest of " + dates.size() + " dates" : "read from text");
        }
        if (ongoing) {
            return new DueDate(null, true, "ongoing, no date");
        }
        if (ACHIEVED.matcher(t).find()) {
            return new DueDate(null, false, DueDate.ACHIEVED);
        }
        if (NOT_APPLICABLE.matcher(t).matches()) {
            return new DueDate(null, false, "not applicable");
        }
        return new DueDate(null, false, DueDate.UNREADABLE);
    }

    /**
     * The due date of each sub-item of a target written "a) October 2012 b) NA c) ...", in order,
     * keyed by label ("a", "b", ...), each read as {@link #derive} reads a whole cell. Empty when
     * the text is not labelled a), b)... (at least two labels, in sequence).
     */
    public static Map<String, DueDate> perSubItem(String written) {
        Map<String, DueDate> dates = new LinkedHashMap<>();
        subItemTexts(written).forEach((label, text) -> dates.put(label, derive(text)));
        return Collections.unmodifiableMap(dates);
    }

    /**
     * Splits text labelled "a) ... b) ..." into its parts, keyed by label, in order; empty unless
     * there are at least two labels in sequence. Text before "a)" belongs to no part. A letter out
     * of sequence ("c)" where "b)" is due, a repeated label) stays in the part it is in.
     */
    public static Map<String, String> subItemTexts(String text) {
        return subItemTexts(text, false);
    }

    /**
     * As {@link #subItemTexts(String)}; with {@code keepPreamble}, text before "a)" comes first,
     * under the label "" (an action cell's "MARAC directed to take the following actions:").
     */
    public static Map<String, String> subItemTexts(String text, boolean keepPreamble) {
        if (text == null) {
            return Map.of();
        }
        Map<String, String> parts = new LinkedHashMap<>();
        Matcher m = LABEL.matcher(text);
        char expected = 'a';
        String label = null;
        int from = 0;
        while (m.find()) {
            String letter = (m.group(1) != null ? m.group(1) : m.group(2)).toLowerCase(Locale.ROOT);
            if (letter.charAt(0) != expected) {
                continue;
            }
            if (label != null) {
                parts.put(label, text.substring(from, m.start()).strip());
            } else if (keepPreamble && !text.substring(0, m.start()).isBlank()) {
                parts.put("", text.substring(0, m.start()).strip());
            }
            label = letter;
            from = m.end();
            expected++;
        }
        if (label != null) {
            parts.put(label, text.substring(from).strip());
        }
        long labelled = parts.keySet().stream().filter(k -> !k.isEmpty()).count();
        return labelled < 2 ? Map.of() : Collections.unmodifiableMap(parts);
    }

    private interface DateOf {
        LocalDate of(Matcher m);
    }

    /** Takes every match out of the text (so "31 May 2014" is not read again as "May 2014"). */
    private static void collect(Pattern p, StringBuilder text, DateOf dateOf, List<LocalDate> into) {
        Matcher m = p.matcher(text);
        List<int[]> spans = new ArrayList<>();
        while (m.find()) {
            try {
                into.add(dateOf.of(m));
                spans.add(new int[] {m.start(), m.end()});
            } catch (java.time.DateTimeException ignored) {
                // not a real date (e.g. 31/02/14): leave it for the note
            }
        }
        for (int i = spans.size() - 1; i >= 0; i--) {
            text.replace(spans.get(i)[0], spans.get(i)[1], " ".repeat(spans.get(i)[1] - spans.get(i)[0]));
        }
    }

    private static int year(String y) {
        int v = Integer.parseInt(y);
        return v < 100 ? 2000 + v : v;
    }

    private static Month month(String name) {
        String n = name.substring(0, 3);
        for (Month m : Month.values()) {
            if (m.name().toLowerCase(Locale.ROOT).startsWith(n)) {
                return m;
            }
        }
        throw new java.time.DateTimeException("no month " + name);
    }
}
