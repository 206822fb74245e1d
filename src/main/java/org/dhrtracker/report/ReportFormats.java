package org.dhrtracker.report;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.dhrtracker.reconcile.Assessor.Assessment;
import org.dhrtracker.reconcile.Assessor.RecommendationRollup;
import org.dhrtracker.reconcile.FindingCode.Severity;
import org.dhrtracker.reconcile.ClosureRepository;

/** How reports write dates: UK style, UK clock, blank for a missing value. */
final class ReportFormats {

    /** Partnerships are in England and Wales: timestamps read in UK local time. */
    static final ZoneId ZONE = ZoneId.of("Europe/London");

    private static final DateTimeFormatter LONG = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);
    private static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("dd/MM/yyyy", Locale.UK);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("d MMMM yyyy HH:mm", Locale.UK).withZone(ZONE);

    private ReportFormats() {
    }

    /** e.g. 31 May 2016 */
    static String longDate(LocalDate d) {
        return d == null ? null : LONG.format(d);
    }

    /** e.g. 31/05/2016 */
    static String shortDate(LocalDate d) {
        return d == null ? null : SHORT.format(d);
    }

    /** The sign-off of a completion claim in words, with the completion date the agency gave. */
    static String signOff(ClosureRepository.Claim claim, LocalDate completionDate) {
        if (claim == null) {
            return null;
        }
        if (claim.isPending()) {
            return "Completion claimed" + (completionDate == null ? "" : " (" + longDate(completionDate) + ")") + ": awaiting sign-off";
        }
        String on = longDate(claim.decidedOn());
        return claim.decision() == ClosureRepository.Decision.ACCEPTED ? "Completion accepted " + on
                : "Completion claim rejected " + on + (claim.reason() == null ? "" : ": " + claim.reason());
    }

    /** Title of both documents, e.g. "DHR1 - Adult A - progress as at 31 May 2016". */
    static String documentTitle(ReportData data) {
        return join(data.reviewId(), data.reviewTitle()) + " - progress as at " + longDate(data.asAt());
    }

    /** Joins two parts with a dash, leaving out a missing one. */
    static String join(String a, String b) {
        return a == null ? b : b == null ? a : a + " - " + b;
    }

    /** e.g. 1 June 2016 09:30 */
    static String timestamp(Instant t) {
        return t == null ? null : STAMP.format(t);
    }

    /** Whether the review can go to the board for sign-off, in a sentence. */
    static String readiness(Assessment a) {
        long complete = a.recommendations().stream().filter(RecommendationRollup::complete).count();
        int all = a.recommendations().size();
        return a.readyForSignOff() ? "All " + all + " recommendations are complete: the review is ready for board sign-off."
                : complete + " of " + all + " recommendations complete (a recommendation is complete when all its actions are);"
                        + " the review is not yet ready for board sign-off.";
    }

    /** How many findings of each severity, in a sentence. */
    static String findingsLine(Assessment a) {
        if (a.findings().isEmpty()) {
            return "None.";
        }
        java.util.Map<Severity, Long> counts = new java.util.EnumMap<>(Severity.class);
        a.findings().forEach(f -> counts.merge(f.severity(), 1L, Long::sum));
        return a.findings().size() + " findings: " + String.join(", ", counts.entrySet().stream()
                .map(e -> e.getValue() + " " + severity(e.getKey()).toLowerCase(Locale.UK)).toList()) + ".";
    }

    /** High, Medium, Low. */
    static String severity(Severity s) {
        return s.name().charAt(0) + s.name().substring(1).toLowerCase(Locale.UK);
    }
}
