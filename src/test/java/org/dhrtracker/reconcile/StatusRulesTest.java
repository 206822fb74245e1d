package org.dhrtracker.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.Period;

import org.dhrtracker.reconcile.ClosureRepository.Decision;
import org.dhrtracker.reconcile.StatusRules.LatestReturn;
import org.dhrtracker.reconcile.StatusRules.Thresholds;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The status of an action as at 31 May 2016 with a monthly return period and 30 days' warning: a
 * completion claim counts only once accepted; a rejected one leaves the action open.
 */
class StatusRulesTest {

    private static final LocalDate AS_AT = LocalDate.of(2016, 5, 31);
    private static final Thresholds MONTHLY = new Thresholds(30, Period.ofMonths(1));

    @ParameterizedTest(name = "due {0}, last return {1} completed={2} sign-off {3} -> {4}")
    @CsvSource(nullValues = "-", textBlock = """
            2015-03-31, 2016-05-31, true,  ACCEPTED, COMPLETED
            2015-03-31, 2016-05-31, true,  -,        CLAIMED
            2016-12-31, 2016-04-30, true,  -,        CLAIMED
            2015-03-31, 2016-05-31, true,  REJECTED, OVERDUE
            2016-12-31, 2016-04-30, true,  REJECTED, NO_RETURN
            2016-06-30, 2016-05-31, true,  REJECTED, DUE_SOON
            2016-07-01, 2016-05-31, true,  REJECTED, ON_TRACK
            2015-03-31, 2016-05-31, false, -,        OVERDUE
            2015-03-31, -,          false, -,        OVERDUE
            2016-05-30, 2016-05-31, false, -,        OVERDUE
            2016-05-31, 2016-05-31, false, -,        DUE_SOON
            2016-06-30, 2016-05-31, false, -,        DUE_SOON
            2016-07-01, 2016-05-31, false, -,        ON_TRACK
            -,          2016-05-01, false, -,        ON_TRACK
            2016-12-31, 2016-04-30, false, -,        NO_RETURN
            2016-12-31, -,          false, -,        NO_RETURN
            -,          -,          false, -,        NO_RETURN
            """)
    void statusAsAt(LocalDate due, LocalDate lastReturn, boolean completed, Decision signOff, ActionStatus expected) {
        LatestReturn latest = lastReturn == null ? null : new LatestReturn(lastReturn, completed, signOff);

        assertThat(StatusRules.statusOf(AS_AT, due, latest, MONTHLY)).isEqualTo(expected);
    }
}
