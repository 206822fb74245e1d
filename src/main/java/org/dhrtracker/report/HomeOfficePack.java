package org.dhrtracker.report;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.dhrtracker.reconcile.ActionStatus;
import org.dhrtracker.reconcile.Assessor.RecommendationRollup;
import org.dhrtracker.reconcile.Outcome;
import org.dhrtracker.report.ReportData.ActionLine;
import org.dhrtracker.report.Sheets.Column;
import org.springframework.stereotype.Component;

/**
 * The action plan of one review in the Home Office's columns, for the Quality Assurance Panel and
 * the Home Office's later requests: one row per action, grouped by recommendation, as a PDF
 * (templates/home-office.jrxml) and as a workbook of one sheet.
 */
@Component
public class HomeOfficePack {

    static final String SHEET = "Action plan";
    static final String TEMPLATE = "home-office";

    private final JasperPdf jasper;

    public HomeOfficePack(JasperPdf jasper) {
        this.jasper = jasper;
    }

    /** One action in the Home Office's terms. */
    record Line(String recommendationKey, String recommendationNo, String recommendationText, String scope, String actionRef,
            String action, String leadAgency, String milestones, String target, String completionAndOutcome) {

        /** "9. Text of the recommendation", as the Home Office template numbers them. */
        String recommendation() {
            return recommendationText == null ? recommendationNo : recommendationNo + ". " + recommendationText;
        }
    }

    /** The Home Office's seven columns, headed as in its action plan template. */
    static final List<Column<Line>> COLUMNS = List.of(
            Column.wrapped("Recommendation", 50, Line::recommendation),
            Column.wrapped("Scope of recommendation i.e. local or regional", 16, Line::scope),
            Column.wrapped("Action to take", 50, Line::action),
            Column.wrapped("Lead agency", 24, Line::leadAgency),
            Column.wrapped("Key milestones achieved in enacting recommendation", 60, Line::milestones),
            Column.wrapped("Target date", 20, Line::target),
            Column.wrapped("Date of completion and outcome", 30, Line::completionAndOutcome));

    /** Writes base.pdf and base.xlsx; base is the path without extension. */
    public List<Path> write(ReportData data, Path base) throws IOException {
        List<Line> lines = lines(data);
        Path pdf = base.resolveSibling(base.getFileName() + ".pdf");
        Path xlsx = base.resolveSibling(base.getFileName() + ".xlsx");
        writePdf(data, lines, pdf);
        writeWorkbook(data, lines, xlsx);
        return List.of(pdf, xlsx);
    }

    static String title(ReportData data) {
        return ReportFormats.join(data.reviewId(), data.reviewTitle()) + " - action plan for the Home Office as at "
                + ReportFormats.longDate(data.asAt());
    }

    static List<Line> lines(ReportData data) {
        Map<String, Outcome> outcomes = new HashMap<>();
        for (RecommendationRollup r : data.assessment().recommendations()) {
            outcomes.put(r.owningBody() + "|" + r.number(), r.outcome());
        }
        List<Line> lines = new ArrayList<>();
        for (ActionLine a : data.actions()) {
            String key = a.owningBody() + "|" + a.recommendationNo();
            lines.add(new Line(key, a.recommendationNo(), a.recommendationText(), a.scope(), a.actionRef(), a.action(),
                    a.agencyName() != null ? a.agencyName() : a.agency(), milestones(a), target(a),
                    completionAndOutcome(a, outcomes.get(key))));
        }
        return lines;
    }

    /** The latest return's progress, with the sign-off state of a completion claim. */
    private static String milestones(ActionLine a) {
        if (a.lastReturnAsAt() == null && a.lastProgress() == null) {
            return a.signOff() != null ? a.signOff() : "No return received";
        }
        StringBuilder s = new StringBuilder();
        if (a.lastReturnAsAt() != null) {
            s.append("As at ").append(ReportFormats.longDate(a.lastReturnAsAt()));
            s.append(a.lastReportedStatus() == null ? "" : " (" + a.lastReportedStatus() + ")");
            s.append(a.lastProgress() == null ? "" : ": ");
        }
        if (a.lastProgress() != null) {
            s.append(a.lastProgress());
        }
        if (a.signOff() != null) {
            s.append("\n").append(a.signOff());
        }
        return s.toString();
    }

    /** The target as the plan wrote it, with the due date derived from it. */
    private static String target(ActionLine a) {
        String due = a.dueDate() == null ? null : "due " + ReportFormats.longDate(a.dueDate());
        if (a.targetDateAsWritten() == null || a.targetDateAsWritten().isBlank()) {
            return due == null ? null : Character.toUpperCase(due.charAt(0)) + due.substring(1);
        }
        return due == null ? a.targetDateAsWritten() : a.targetDateAsWritten() + " (" + due + ")";
    }

    /** Completed (accepted) with its date, or what the action is instead; then the recommendation's outcome. */
    private static String completionAndOutcome(ActionLine a, Outcome outcome) {
        String action = a.status() == ActionStatus.COMPLETED
                ? "Completed" + (a.completionDate() == null ? "" : " " + ReportFormats.longDate(a.completionDate()))
                : "Not completed (" + (a.status() == null ? "no status" : a.status().label()) + ")";
        return outcome == null ? action : action + "\nRecommendation: " + outcome.label();
    }

    private void writePdf(ReportData data, List<Line> lines, Path file) throws IOException {
        Map<String, Object> params = JasperPdf.pageParameters(data);
        List<Map<String, ?>> rows = new ArrayList<>();
        for (Line l : lines) {
            Map<String, Object> row = new HashMap<>();
            row.put("recommendationKey", l.recommendationKey());
            row.put("recommendationNo", l.recommendationNo());
            row.put("recommendationText", l.recommendationText());
            row.put("scope", l.scope());
            row.put("actionRef", l.actionRef());
            row.put("action", l.action());
            row.put("leadAgency", l.leadAgency());
            row.put("milestones", l.milestones());
            row.put("target", l.target());
            row.put("completionAndOutcome", l.completionAndOutcome());
            rows.add(row);
        }
        jasper.write(TEMPLATE, params, rows, data, title(data), "Domestic Homicide Review action plan for the Home Office", file);
    }

    private static void writeWorkbook(ReportData data, List<Line> lines, Path file) throws IOException {
        try (SXSSFWorkbook wb = new StreamedWorkbook(100); OutputStream out = Files.newOutputStream(file)) {
            Sheets.properties(wb.getXSSFWorkbook(), title(data), data.marking());
            var sheet = wb.createSheet(SHEET);
            Sheets.writeSheet(sheet, data.marking(), COLUMNS, lines, new Sheets.Styles(wb));
            Sheets.fitToWidth(sheet);
            wb.write(out);
        }
    }
}
