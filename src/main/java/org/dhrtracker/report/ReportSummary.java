package org.dhrtracker.report;

import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.dhrtracker.reconcile.ActionStatus;
import org.dhrtracker.report.ReportData.ActionLine;

/**
 * Counts of actions by status, for the whole review and per agency. The board PDF and the workbook's
 * Summary sheet both print these, so the numbers cannot disagree.
 *
 * @param byAgency one row per agency, ordered by agency name
 */
public record ReportSummary(Counts total, List<AgencyCounts> byAgency) {

    /** Number of actions in each status; every status is present, zero when none. */
    public record Counts(Map<ActionStatus, Integer> byStatus) {

        public int count(ActionStatus status) {
            return byStatus.get(status);
        }

        public int total() {
            return byStatus.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    public record AgencyCounts(String agency, String agencyName, Counts counts) {
    }

    public static ReportSummary of(ReportData data) {
        Map<String, List<ActionLine>> perAgency = new LinkedHashMap<>();
        for (ActionLine a : data.actions()) {
            perAgency.computeIfAbsent(a.agency(), k -> new java.util.ArrayList<>()).add(a);
        }
        List<AgencyCounts> rows = perAgency.values().stream()
                .map(lines -> new AgencyCounts(lines.get(0).agency(), name(lines.get(0)), count(lines)))
                .sorted(Comparator.comparing(AgencyCounts::agencyName, String.CASE_INSENSITIVE_ORDER))
                .toList();
        return new ReportSummary(count(data.actions()), rows);
    }

    private static Counts count(List<ActionLine> lines) {
        Map<ActionStatus, Integer> counts = new EnumMap<>(ActionStatus.class);
        for (ActionStatus s : ActionStatus.values()) {
            counts.put(s, 0);
        }
        lines.forEach(a -> counts.merge(a.status(), 1, Integer::sum));
        return new Counts(Collections.unmodifiableMap(counts));
    }

    /** Agencies missing from the agency table still need a row label. */
    private static String name(ActionLine a) {
        return a.agencyName() != null ? a.agencyName() : a.agency() != null ? a.agency() : "";
    }
}
