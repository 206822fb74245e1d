package org.dhrtracker.report;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.dhrtracker.reconcile.ActionStatus;
import org.dhrtracker.reconcile.Assessor.Assessment;
import org.dhrtracker.reconcile.FindingCode.Severity;
import org.dhrtracker.themes.ThemeCoding;
import org.dhrtracker.themes.ThemeRepository.RecommendationText;
import org.dhrtracker.themes.ThemesText;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The partnership report (PDF): every review of one partnership as at a date, a row each with its
 * actions by status, recommendations complete, sign-off readiness and findings by severity; laid
 * out by templates/partnership-report.jrxml from the same ReportData as each review's board report.
 */
@Component
public class PartnershipReportPdf {

    private final JasperPdf jasper;
    /** Null outside the application (tests that make the report alone): no themes section. */
    private ThemeCoding themes;

    public PartnershipReportPdf(JasperPdf jasper) {
        this.jasper = jasper;
    }

    @Autowired(required = false)
    void setThemes(ThemeCoding themes) {
        this.themes = themes;
    }

    /**
     * The themes section of the partnership's report as at the date, or null (none, or no coding).
     *
     * @param reviews the reports of the partnership's reviews: the open recommendations they hold are not read again
     */
    public String themesText(List<ReportData> reviews) {
        if (themes == null) {
            return null;
        }
        ReportData first = reviews.get(0);
        Map<String, Map<LocalDate, Set<Long>>> known = new HashMap<>();
        reviews.forEach(r -> known.put(r.reviewId(), r.openRecommendations()));
        // the recommendations as the reviews' load read them, when it did for every review (the floors' rows have none)
        List<RecommendationText> recommendations = reviews.stream().noneMatch(r -> r.recommendations().isEmpty())
                ? reviews.stream().flatMap(r -> r.recommendations().stream()).toList()
                : null;
        return ThemesText.partnership(themes.partnership(first.partnership(), first.asAt(), ThemesText.REPORT_DATES, known, recommendations));
    }

    /**
     * @param reviews the reports of the partnership's reviews, all as at the same date
     * @param themesText the themes section ({@link #themesText}), null for none
     */
    public void write(List<ReportData> reviews, String themesText, Path file) throws IOException {
        ReportData first = reviews.get(0);
        Map<String, Object> params = JasperPdf.pageParameters(first);
        params.put("STATUS_LABELS", Arrays.stream(ActionStatus.values()).map(ActionStatus::label).toList());
        params.put("SUMMARY_LINE", summaryLine(reviews));
        if (themesText != null) {
            params.put("THEMES", themesText);
        }
        List<Map<String, ?>> rows = reviews.stream().map(PartnershipReportPdf::row).toList();
        jasper.write("partnership-report", params, rows, first, params.get("PARTNERSHIP_NAME") + " - reviews as at " + params.get("AS_AT"),
                "Domestic Homicide Reviews of the partnership: action plan progress", file);
    }

    private static Map<String, ?> row(ReportData data) {
        Map<String, Object> row = BoardReportPdf.countsRow("review", ReportFormats.join(data.reviewId(), data.reviewTitle()),
                ReportSummary.of(data).total());
        Assessment a = data.assessment();
        row.put("recommendations", a.completeRecommendations() + " of " + a.recommendations().size());
        row.put("ready", a.readyForSignOff() ? "Yes" : "No");
        Map<Severity, Integer> bySeverity = a.findingsBySeverity();
        row.put("findings", bySeverity.get(Severity.HIGH) + ", " + bySeverity.get(Severity.MEDIUM) + ", " + bySeverity.get(Severity.LOW));
        return row;
    }

    private static String summaryLine(List<ReportData> reviews) {
        int actions = reviews.stream().mapToInt(r -> r.actions().size()).sum();
        long open = reviews.stream().flatMap(r -> r.actions().stream()).filter(x -> x.status() != ActionStatus.COMPLETED).count();
        long ready = reviews.stream().filter(r -> r.assessment().readyForSignOff()).count();
        return reviews.size() + (reviews.size() == 1 ? " review, " : " reviews, ") + actions + " actions, " + open + " open; "
                + ready + " ready for board sign-off.";
    }
}
