package org.dhrtracker.themes;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.dhrtracker.JobTestSupport;
import org.dhrtracker.reconcile.ReconciledDates;
import org.dhrtracker.report.ReportData;
import org.dhrtracker.report.ReportDataLoader;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The open recommendations at the latest reconciled dates, read date by date through the index, are
 * those of the same dates in the read of every date (the master workbook's), for the demo review
 * reconciled as at five dates, also when the latest two come from the report's own load of the review;
 * the recommendations that load reads, and the themes section from them; and the date reconciled before a date.
 */
class ThemeRepositoryTest extends JobTestSupport {

    @Autowired
    private ThemeRepository repository;

    @Autowired
    private ReportDataLoader loader;

    @Autowired
    private ThemeCoding coding;

    @Test
    void theLatestDatesAreTheLastOfEveryDate() throws Exception {
        demoReconciled();
        LocalDate asAt = LocalDate.of(2016, 5, 31);
        Map<LocalDate, Set<Long>> every = repository.openByDate("NABSCOP", asAt, ThemeCoding.ALL_DATES);
        assertThat(every.keySet()).containsExactlyElementsOf(DEMO_RECONCILED);
        assertThat(every.get(DEMO_RECONCILED.get(0))).as("recommendations open at the first date").isNotEmpty();
        assertThat(every.get(DEMO_RECONCILED.get(0)).size()).as("fewer open at the last").isGreaterThan(every.get(asAt).size());

        assertThat(repository.openByDate("NABSCOP", asAt, 3)).isEqualTo(last(every, 3));
        assertThat(repository.openByDate("NABSCOP", asAt, 1)).isEqualTo(last(every, 1));
        // as at a date between reconciliations: the dates up to it
        Map<LocalDate, Set<Long>> before = repository.openByDate("NABSCOP", LocalDate.of(2015, 4, 30), 3);
        assertThat(before.keySet()).containsExactlyElementsOf(DEMO_RECONCILED.subList(0, 3));
        assertThat(before).isEqualTo(last(repository.openByDate("NABSCOP", LocalDate.of(2015, 4, 30), ThemeCoding.ALL_DATES), 3));
        assertThat(repository.openByDate("NABSCOP", LocalDate.of(2014, 1, 1), 3)).as("before any reconciliation").isEmpty();
        assertThat(repository.openByDate("NO-SUCH", asAt, 3)).isEmpty();

        // The report step knows the open recommendations at the review's latest two dates from its own load:
        // they are those of the statuses stored then, and with them the latest dates are the same.
        Map<LocalDate, Set<Long>> known = loader.load("DHR1", asAt, false).openRecommendations();
        assertThat(known).isEqualTo(last(every, 2));
        assertThat(repository.openByDate("NABSCOP", asAt, 3, Map.of("DHR1", known))).isEqualTo(last(every, 3));
        assertThat(repository.openByDate("NABSCOP", asAt, 1, Map.of("DHR1", known))).isEqualTo(last(every, 1));
        assertThat(repository.openByDate("NABSCOP", asAt, 5, Map.of("DHR1", known))).isEqualTo(last(every, 5));

        // It knows the review's recommendations, text included, from the same load: the register's, in plan order.
        // The partnership's themes section from them and the known statuses is the one read from the database.
        ReportData loaded = loader.load("DHR1", asAt, false);
        assertThat(loaded.recommendations()).hasSize(db.queryForObject("SELECT COUNT(*) FROM recommendation", Integer.class))
                .isEqualTo(repository.recommendations("DHR1"));
        String fromLoad = ThemesText.partnership(coding.partnership("NABSCOP", asAt, ThemesText.REPORT_DATES, Map.of("DHR1", known),
                loaded.recommendations()));
        assertThat(fromLoad).contains("Recommendations per theme").isEqualTo(ThemesText.partnership(coding.partnership("NABSCOP", asAt,
                ThemesText.REPORT_DATES)));

        // the dates before a date, as the reports' "since the last report" and the themes read them
        assertThat(ReconciledDates.before(db, "DHR1", asAt)).isEqualTo(DEMO_RECONCILED.get(3));
        assertThat(ReconciledDates.before(db, "DHR1", LocalDate.of(2015, 4, 30))).isEqualTo(DEMO_RECONCILED.get(2));
        assertThat(ReconciledDates.before(db, "DHR1", DEMO_RECONCILED.get(0))).isNull();
        assertThat(ReconciledDates.before(db, "NO-SUCH", asAt)).isNull();
    }

    private static Map<LocalDate, Set<Long>> last(Map<LocalDate, Set<Long>> byDate, int n) {
        List<LocalDate> dates = new ArrayList<>(byDate.keySet());
        Map<LocalDate, Set<Long>> last = new TreeMap<>();
        dates.subList(Math.max(0, dates.size() - n), dates.size()).forEach(d -> last.put(d, byDate.get(d)));
        return last;
    }
}
