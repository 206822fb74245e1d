package org.dhrtracker.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.dhrtracker.reconcile.ActionStatus;
import org.dhrtracker.reconcile.Assessor.Assessment;
import org.dhrtracker.reconcile.Assessor.RecommendationRollup;
import org.dhrtracker.reconcile.Finding;
import org.dhrtracker.report.ReportData.ActionLine;
import org.dhrtracker.report.ReportData.SinceLast;
import org.springframework.stereotype.Component;

/**
 * The board progress report (PDF) of one review as at a date, laid out by the Jasper templates in
 * templates/: board-report.jrxml with the summary and exception tables as subreports.
 */
@Component
public class BoardReportPdf {

    private final JasperPdf jasper;

    public BoardReportPdf(JasperPdf jasper) {
        this.jasper = jasper;
    }

    public void write(ReportData data, Path file) throws IOException {
        ReportSummary summary = ReportSummary.of(data);
        Map<String, Object> params = JasperPdf.pageParameters(data);
        params.put("SUMMARY_LINE", summaryLine(summary, data.exceptions().size()));
        params.put("STATUS_LABELS", Arrays.stream(ActionStatus.values()).map(ActionStatus::label).toList());
        params.put("STATUS_REPORT", jasper.template("board-status"));
        params.put("STATUS_ROWS", statusRows(summary));
        params.put("AGENCY_REPORT", jasper.template("board-agencies"));
        params.put("AGENCY_ROWS", agencyRows(summary));
        params.put("EXCEPTIONS_REPORT", jasper.template("board-exceptions"));
        params.put("EXCEPTION_ROWS", data.exceptions().stream().map(BoardReportPdf::exceptionRow).toList());
        Assessment assessment = data.assessment();
        params.put("RECOMMENDATIONS_REPORT", jasper.template("board-recommendations"));
        params.put("RECOMMENDATION_ROWS", assessment.recommendations().stream().map(BoardReportPdf::recommendationRow).toList());
        params.put("READINESS_LINE", ReportFormats.readiness(assessment));
        params.put("FINDINGS_REPORT", jasper.template("board-findings"));
        params.put("FINDING_ROWS", assessment.findings().stream().map(BoardReportPdf::findingRow).toList());
        params.put("FINDINGS_LINE", ReportFormats.findingsLine(assessment));
        AtAGlance.put(data, summary, params);
        params.put("SINCE_LAST_TITLE", sinceLastTitle(data.sinceLast()));
        params.put("SINCE_LAST_LINES", sinceLastLines(data.sinceLast()));
        jasper.write("board-report", params, planRows(data.actions()), data, ReportFormats.documentTitle(data),
                "Domestic Homicide Review action plan progress report", file);
    }

    static String sinceLastTitle(SinceLast s) {
        return s.isFirstReport() ? "Since the last report" : "Since the last report (as at " + ReportFormats.longDate(s.previousAsAt()) + ")";
    }

    /** One paragraph per kind of change, e.g. "Newly completed (2): 3, 9a". */
    static String sinceLastLines(SinceLast s) {
        if (s.isFirstReport()) {
            return "First report: no earlier report of this review to compare with.";
        }
        return String.join("\n", SinceLast.KINDS.stream().map(k -> k.label() + " (" + k.refs().apply(s).size() + "): "
                + (k.refs().apply(s).isEmpty() ? "none" : String.join(", ", k.refs().apply(s)))).toList());
    }

    private static String summaryLine(ReportSummary summary, int exceptions) {
        int total = summary.total().total();
        return total + (total == 1 ? " action" : " actions") + " in the plan; " + exceptions
                + (exceptions == 1 ? " needs" : " need") + " the board's attention (overdue or no return).";
    }

    private static List<Map<String, ?>> statusRows(ReportSummary summary) {
        List<Map<String, ?>> rows = new ArrayList<>();
        for (ActionStatus s : ActionStatus.values()) {
            rows.add(Map.of("status", s.label(), "rag", s.rag().word(), "count", summary.total().count(s), "total", false));
        }
        rows.add(Map.of("status", "All actions", "rag", "", "count", summary.total().total(), "total", true));
        return rows;
    }

    private static List<Map<String, ?>> agencyRows(ReportSummary summary) {
        List<Map<String, ?>> rows = new ArrayList<>();
        summary.byAgency().forEach(a -> rows.add(agencyRow(a.agencyName(), a.counts(), false)));
        rows.add(agencyRow("All agencies", summary.total(), true));
        return rows;
    }

    private static Map<String, ?> agencyRow(String agency, ReportSummary.Counts counts, boolean total) {
        Map<String, Object> row = countsRow("agency", agency, counts);
        row.put("total", total);
        return row;
    }

    /** A table row of counts by status: s0, s1… in ActionStatus order, then count, the total. */
    static Map<String, Object> countsRow(String labelField, String label, ReportSummary.Counts counts) {
        Map<String, Object> row = new HashMap<>();
        row.put(labelField, label);
        ActionStatus[] statuses = ActionStatus.values();
        for (int i = 0; i < statuses.length; i++) {
            row.put("s" + i, counts.count(statuses[i]));
        }
        row.put("count", counts.total());
        return row;
    }

    /**
     * The plan's rows. A recommendation's text is printed with its first action only (recommendation
     * 9 has eight actions): the next ones say "continued", as the partnership's master document does.
     */
    private static List<Map<String, ?>> planRows(List<ActionLine> actions) {
        List<Map<String, ?>> rows = new ArrayList<>();
        String previous = null;
        for (ActionLine a : actions) {
            Map<String, Object> row = planRow(a);
            String recommendation = a.owningBody() + "|" + a.recommendationNo();
            if (recommendation.equals(previous)) {
                row.put("recommendationNo", row.get("recommendationNo") + " (continued)");
                row.put("recommendationText", null);
            }
            previous = recommendation;
            rows.add(row);
        }
        return rows;
    }

    private static Map<String, Object> planRow(ActionLine a) {
        Map<String, Object> row = new HashMap<>();
        row.put("owningBody", a.owningBody());
        row.put("recommendationNo", a.recommendationNo() == null ? null : "Recommendation " + a.recommendationNo());
        row.put("recommendationText", a.recommendationText());
        row.put("scope", a.scope());
        row.put("agencyName", a.agencyName() != null ? a.agencyName() : a.agency());
        row.put("actionRef", a.actionRef());
        row.put("action", a.action());
        row.put("evidence", a.evidenceOfAchievement());
        row.put("lead", prefixed("Lead: ", a.implementationLead()));
        row.put("targetAsWritten", a.targetDateAsWritten());
        row.put("due", prefixed("Due ", ReportFormats.longDate(a.dueDate())));
        row.put("status", statusText(a.status()));
        row.put("rag", a.status() == null ? null : a.status().rag().word());
        row.put("lastReported", lastReported(a));
        row.put("lastProgress", a.lastProgress());
        // A claim is Completed only once accepted: its sign-off says which, and when.
        row.put("completed", a.signOff() != null ? a.signOff() : prefixed("Completed ", ReportFormats.longDate(a.completionDate())));
        return row;
    }

    private static Map<String, ?> recommendationRow(RecommendationRollup r) {
        Map<String, Object> row = new HashMap<>();
        row.put("number", r.number());
        row.put("owningBody", r.owningBody());
        row.put("actions", String.valueOf(r.actions()));
        row.put("completed", String.valueOf(r.completed()));
        row.put("outcome", r.outcome().label());
        row.put("rag", switch (r.outcome()) {
            case FULLY_IMPLEMENTED, ALREADY_HAPPENING -> "Green";
            case PARTLY_IMPLEMENTED -> "Amber";
            case NOT_MET, NO_INFORMATION -> "Red";
        });
        return row;
    }

    private static Map<String, ?> findingRow(Finding f) {
        Map<String, Object> row = new HashMap<>();
        row.put("severity", ReportFormats.severity(f.severity()));
        row.put("rag", switch (f.severity()) {
            case HIGH -> "Red";
            case MEDIUM -> "Amber";
            case LOW -> "Green";
        });
        row.put("code", f.code().name());
        row.put("actionRef", f.actionRef());
        row.put("agency", f.agency());
        row.put("message", f.message());
        return row;
    }

    private static Map<String, ?> exceptionRow(ActionLine a) {
        Map<String, Object> row = new HashMap<>();
        row.put("actionRef", a.actionRef());
        row.put("agencyName", a.agencyName() != null ? a.agencyName() : a.agency());
        row.put("targetAsWritten", a.targetDateAsWritten());
        row.put("dueDate", ReportFormats.longDate(a.dueDate()));
        row.put("status", statusText(a.status()));
        row.put("rag", a.status() == null ? null : a.status().rag().word());
        row.put("lastReturn", a.lastReturnAsAt() == null ? "None received" : ReportFormats.longDate(a.lastReturnAsAt()));
        return row;
    }

    /** The word always, the RAG rating in words too: colour only repeats it. */
    private static String statusText(ActionStatus s) {
        return s == null ? null : s.label() + " (" + s.rag().word() + ")";
    }

    private static String lastReported(ActionLine a) {
        if (a.lastReportedStatus() == null && a.lastReturnAsAt() == null) {
            return "No return received";
        }
        String status = a.lastReportedStatus() == null ? "Return" : "Reported: " + a.lastReportedStatus();
        String asAt = a.lastReturnAsAt() == null ? "" : " (return as at " + ReportFormats.longDate(a.lastReturnAsAt()) + ")";
        return status + asAt;
    }

    private static String prefixed(String prefix, String value) {
        return value == null || value.isBlank() ? null : prefix + value;
    }
}
