package org.dhrtracker.register;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Target dates as plans write them (../shared/domain.md) and the due date read from each. */
class TargetDatesTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            31 st December 2014                                        | 2014-12-31 | false
            Dec 2014                                                   | 2014-12-31 | false
            April 2012                                                 | 2012-04-30 | false
            August 2014 (to allow for final recruiting of staff)       | 2014-08-31 | false
            April 2014 On-going                                        | 2014-04-30 | true
            Achieved May 2014 April 2015                               | 2015-04-30 | false
            a) Completed b)Completed c)31/05/14                        | 2014-05-31 | false
            24 th April 2014, July 2014, September 2014, December 2014 | 2014-12-31 | false
            Autumn 2013                                                | 2013-11-30 | false
            By the 30.6.15                                             | 2015-06-30 | false
            31st March 2015                                            | 2015-03-31 | false
            2015-03-31                                                 | 2015-03-31 | false
            With immediate effect                                      | -          | true
            Implemented and ongoing                                    | -          | true
            """)
    void readsTheDueDate(String written, LocalDate due, boolean ongoing) {
        DueDate d = TargetDates.derive(written);

        assertThat(d.date()).isEqualTo(due);
        assertThat(d.ongoing()).isEqualTo(ongoing);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Significant holiday dates | no date could be read
            TBC                       | no date could be read
            Action completed          | already achieved
            NA                        | not applicable
            """)
    void saysWhyThereIsNoDate(String written, String note) {
        DueDate d = TargetDates.derive(written);

        assertThat(d.date()).isNull();
        assertThat(d.note()).contains(note);
    }

    @org.junit.jupiter.api.Test
    void multiItemTargetTakesTheLatestDateAndSaysSo() {
        DueDate d = TargetDates.derive("a) October 2012 b) December 2014 c) October 2014 d) NA e) March 2015 "
                + "f) Reminder to be sent April each year g) October 2014");

        assertThat(d.date()).isEqualTo(LocalDate.of(2015, 3, 31));
        assertThat(d.note()).contains("latest of");
    }
}
