package org.dhrtracker.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.dhrtracker.reconcile.ActionStatus;
import org.dhrtracker.report.Charts.Bar;
import org.dhrtracker.report.ReportData.TrendPoint;

/**
 * The board report's at-a-glance page: three charts, each with the same numbers in a sentence
 * beside it (the text a screen reader reads, and the figures the tests check).
 */
final class AtAGlance {

    /** Chart sizes in PDF points, as laid out in board-report.jrxml. */
    static final int STATUS_W = 390, STATUS_H = 100, AGENCY_W = 392, AGENCY_H = 300, TREND_W = 390, TREND_H = 150;

    private AtAGlance() {
    }

    static void put(ReportData data, ReportSummary summary, Map<String, Object> params) {
        List<Bar> status = Arrays.stream(ActionStatus.values()).map(s -> new Bar(s.label() + " (" + s.rag().word() + ")",
                summary.total().count(s), 0, String.valueOf(summary.total().count(s)))).toList();
        params.put("CHART_STATUS", Charts.png(Charts.bars(status, STATUS_W, STATUS_H)));
        params.put("CHART_STATUS_TEXT", "Actions by status: " + String.join("; ",
                status.stream().map(b -> b.label() + " " + b.first()).toList()) + ".");

        List<Bar> agencies = new ArrayList<>();
        for (ReportSummary.AgencyCounts a : summary.byAgency()) {
            int overdue = a.counts().count(ActionStatus.OVERDUE);
            int open = open(a.counts());
            agencies.add(new Bar(a.agencyName(), overdue, open - overdue, open + " open, " + overdue + " overdue"));
        }
        // As tall as its rows need (the image keeps its shape at the top of its frame), at most the frame.
        params.put("CHART_AGENCY", Charts.png(Charts.bars(agencies, AGENCY_W,
                Math.max(16, Math.min(AGENCY_H, agencies.size() * 16)))));
        params.put("CHART_AGENCY_TEXT", "Open actions by agency (solid: overdue; hatched: other open): " + String.join("; ",
                agencies.stream().map(b -> b.label() + " " + b.valueLabel()).toList()) + ".");

        List<TrendPoint> trend = data.openOverTime();
        params.put("CHART_TREND", Charts.png(Charts.line(trend.stream().map(p -> ReportFormats.shortDate(p.asAt())).toList(),
                trend.stream().map(TrendPoint::open).toList(), TREND_W, TREND_H)));
        params.put("CHART_TREND_TEXT", "Open actions at each return date: " + String.join("; ",
                trend.stream().map(p -> ReportFormats.longDate(p.asAt()) + " " + p.open()).toList()) + ".");
    }

    /** Open: anything not yet Completed (a claim awaiting sign-off is still open). */
    static int open(ReportSummary.Counts counts) {
        return counts.total() - counts.count(ActionStatus.COMPLETED);
    }
}
