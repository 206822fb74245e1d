package org.dhrtracker.report;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.dhrtracker.reconcile.ActionStatus;
import org.dhrtracker.reconcile.Assessor.Assessment;
import org.dhrtracker.themes.ThemeRepository.RecommendationText;

/**
 * Everything one progress report of one review shows, as at one date. Built from the database by
 * {@link ReportDataLoader}; the PDF and the workbook only lay it out.
 *
 * @param marking protective marking printed on every page and sheet, e.g. OFFICIAL-SENSITIVE
 * @param actions every action of the review, in plan order (owning body, recommendation, action)
 * @param returnsHistory every accepted update up to the as-at date, newest as-at first; empty when
 *        loaded for a run whose reports do not show it (see {@link ReportDataLoader#load(String, java.time.LocalDate, boolean)})
 * @param assessment the findings, the recommendations' roll-ups and outcomes, and sign-off readiness
 * @param openOverTime open (not completed) actions at each return date up to the as-at date, and at it;
 *        empty, as the history, when the run's reports do not show it
 * @param sinceLast what changed since the previous report of the review
 * @param openRecommendations the review's recommendations (by id) open at the as-at date and at the
 *        previous report's date, from the statuses stored for them: what the partnership report's themes
 *        section counts at those dates, so that it need not read them again; empty when not loaded
 * @param recommendations the review's recommendations in plan order, text included, as the themes section codes
 *        them (read with the review's plan, so that it need not read them again); empty when not loaded
 */
public record ReportData(
        String partnership,
        String partnershipName,
        String reviewId,
        String reviewTitle,
        LocalDate asAt,
        String marking,
        Instant generatedAt,
        List<ActionLine> actions,
        List<UpdateLine> returnsHistory,
        Assessment assessment,
        List<TrendPoint> openOverTime,
        SinceLast sinceLast,
        Map<LocalDate, Set<Long>> openRecommendations,
        List<RecommendationText> recommendations) {

    /** Open actions (anything not Completed) as at a date. */
    public record TrendPoint(LocalDate asAt, int open) {
    }

    /**
     * The direction of travel: action refs whose status changed since the statuses stored for the
     * previous report date (the latest one before this as-at date).
     *
     * @param previousAsAt null when this is the review's first report
     * @param slipped actions whose due date (or revised target) is later than at the previous report
     */
    public record SinceLast(LocalDate previousAsAt, List<String> completed, List<String> overdue, List<String> slipped,
            List<String> claimed) {

        /** A kind of change, with the words the PDF and the workbook print. */
        public record Kind(String label, java.util.function.Function<SinceLast, List<String>> refs) {
        }

        public static final List<Kind> KINDS = List.of(new Kind("Newly completed", SinceLast::completed),
                new Kind("Newly overdue", SinceLast::overdue), new Kind("Slipped (target moved later)", SinceLast::slipped),
                new Kind("Newly claimed complete", SinceLast::claimed));

        public static SinceLast firstReport() {
            return new SinceLast(null, List.of(), List.of(), List.of(), List.of());
        }

        public boolean isFirstReport() {
            return previousAsAt == null;
        }
    }

    /**
     * One action of the plan with its derived status.
     *
     * @param signOff the coordinator's decision on the agency's completion claim as at the date, in
     *        words (accepted, awaiting sign-off, rejected with the reason); null when there is no claim
     */
    public record ActionLine(
            String owningBody,
            String recommendationNo,
            String recommendationText,
            String scope,
            String actionRef,
            String agency,
            String agencyName,
            String action,
            String evidenceOfAchievement,
            String implementationLead,
            String targetDateAsWritten,
            LocalDate dueDate,
            ActionStatus status,
            LocalDate lastReturnAsAt,
            String lastReportedStatus,
            String lastProgress,
            LocalDate completionDate,
            String signOff) {
    }

    /** One accepted row of an agency return. */
    public record UpdateLine(
            LocalDate asAt,
            String actionRef,
            String agency,
            String status,
            String progress,
            String evidence,
            LocalDate revisedTargetDate,
            LocalDate completionDate,
            String reportedBy,
            String sourceFile,
            int sourceRow,
            Instant receivedAt) {
    }

    /** The actions not yet Completed (accepted), by agency in plan order: what each agency is chased for. */
    public java.util.Map<String, List<ActionLine>> openActionsByAgency() {
        java.util.Map<String, List<ActionLine>> open = new java.util.LinkedHashMap<>();
        for (ActionLine a : actions) {
            if (a.status() != ActionStatus.COMPLETED) {
                open.computeIfAbsent(a.agency(), k -> new java.util.ArrayList<>()).add(a);
            }
        }
        return open;
    }

    /** Actions the board must look at: overdue, or no return received. */
    public List<ActionLine> exceptions() {
        return actions.stream().filter(a -> a.status().isException()).toList();
    }
}
