package org.dhrtracker.register.plan;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.dhrtracker.register.TargetDates;

/**
 * The header row of a plan's table: which column holds what. A row is a header when it names at
 * least the Recommendation and Action columns. Each header cell goes to the column whose longest
 * synonym it starts with, so "Action Required by Agency" is the action, not the agency.
 */
public final class PlanHeader {

    private static final Pattern AS_AT = Pattern.compile("(?i)\\b(?:as\\s+(?:at|of)|position\\s+at)\\b\\s*(.+)$");

    private final Map<PlanColumn, Integer> columns;
    private final LocalDate asAt;

    private PlanHeader(Map<PlanColumn, Integer> columns, LocalDate asAt) {
        this.columns = columns;
        this.asAt = asAt;
    }

    /** The header a row is, if it is one. */
    static Optional<PlanHeader> of(List<String> cells, Map<PlanColumn, List<String>> synonyms) {
        Map<PlanColumn, Integer> found = new EnumMap<>(PlanColumn.class);
        LocalDate asAt = null;
        for (int i = 0; i < cells.size(); i++) {
            String text = normal(cells.get(i));
            if (text.isEmpty() || text.length() > 120) {
                continue;
            }
            PlanColumn best = null;
            int bestLength = 0;
            for (Map.Entry<PlanColumn, List<String>> e : synonyms.entrySet()) {
                for (String synonym : e.getValue()) {
                    String s = normal(synonym);
                    if ((text.equals(s) || text.startsWith(s + " ")) && s.length() > bestLength) {
                        best = e.getKey();
                        bestLength = s.length();
                    }
                }
            }
            if (best != null && !found.containsKey(best)) {
                found.put(best, i);
                if (best == PlanColumn.PROGRESS) {
                    asAt = asAtIn(cells.get(i));
                }
            }
        }
        if (!found.containsKey(PlanColumn.RECOMMENDATION) || !found.containsKey(PlanColumn.ACTION) || found.size() < 3) {
            return Optional.empty();
        }
        return Optional.of(new PlanHeader(found, asAt));
    }

    /** "Progress report - Master As at 31 st May 2016" → 2016-05-31. */
    private static LocalDate asAtIn(String header) {
        Matcher m = AS_AT.matcher(header.replace('\n', ' '));
        return m.find() ? TargetDates.derive(m.group(1)).date() : null;
    }

    /** The cell of a column in a row; "" when the plan has no such column or the row is short. */
    String cell(List<String> cells, PlanColumn column) {
        Integer i = columns.get(column);
        return i == null || i >= cells.size() ? "" : cells.get(i).strip();
    }

    /** The position of a column, or -1 when the plan has none. */
    int columnIndex(PlanColumn column) {
        return columns.getOrDefault(column, -1);
    }

    boolean has(PlanColumn column) {
        return columns.containsKey(column);
    }

    /** The column a cell position belongs to, or null. */
    PlanColumn columnAt(int index) {
        return columns.entrySet().stream().filter(e -> e.getValue() == index).map(Map.Entry::getKey).findFirst().orElse(null);
    }

    /** The as-at date the progress column's header states, or null. */
    LocalDate asAt() {
        return asAt;
    }

    static String normal(String text) {
        return text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", " ").strip();
    }
}
