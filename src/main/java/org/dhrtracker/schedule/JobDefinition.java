package org.dhrtracker.schedule;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import org.dhrtracker.report.ReportKind;

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
 */
public record JobDefinition(String name, String job, String cron, AsAtRule asAt, List<String> reviews,
        List<ReportKind> reports, String output) {

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
            LocalDate today = LocalDate.now(clock);
            return this == TODAY ? today : YearMonth.from(today).minusMonths(1).atEndOfMonth();
        }
    }
}
