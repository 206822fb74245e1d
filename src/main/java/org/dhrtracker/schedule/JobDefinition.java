package org.dhrtracker.schedule;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

import org.dhrtracker.report.ReportKind;
import org.springframework.scheduling.support.CronExpression;

/**
 * A scheduled job as defined in a file of jobs/.
 *
 * @param name the file's name without extension
 * @param job which job it runs (monthly)
 * @param cron when (Spring cron: second minute hour day-of-month month day-of-week)
 * @param asAt which as-at date a run reports on
 * @param reviews review ids, empty for every review
 * @param reports what it produces
 * @param output folder for reports under HOME; {partnership} is replaced
 * @param distribution the board's e-mail addresses the board PDFs are sent to when SMTP is configured; empty: folder only
 * @param partnership only the reviews of this partnership (a board's run), or null
 */
public record JobDefinition(String name, String job, String cron, AsAtRule asAt, List<String> reviews,
        List<ReportKind> reports, String output, List<String> distribution, String partnership) {

    /** How a run's as-at date follows from the day it runs. */
    public enum AsAtRule {
        END_OF_PREVIOUS_MONTH("end-of-previous-month"), TODAY("today");

        private final String id;

        AsAtRule(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }

        public LocalDate asAt(Clock clock) {
            return asAt(LocalDate.now(clock));
        }

        /** The as-at date of a run on the given day. */
        public LocalDate asAt(LocalDate runDay) {
            return this == TODAY ? runDay : YearMonth.from(runDay).minusMonths(1).atEndOfMonth();
        }
    }

    /** The reviews as a job parameter: comma separated, or null for every review. */
    public String reviewsParameter() {
        return reviews.isEmpty() ? null : String.join(",", reviews);
    }

    /** The next {@code count} times the cron fires after {@code after}. */
    public List<ZonedDateTime> nextRuns(ZonedDateTime after, int count) {
        CronExpression expression = CronExpression.parse(cron);
        List<ZonedDateTime> runs = new ArrayList<>();
        for (ZonedDateTime t = expression.next(after); t != null && runs.size() < count; t = expression.next(t)) {
            runs.add(t);
        }
        return runs;
    }
}
