package org.dhrtracker.register;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Target dates as plans write them (../shared/domain.md) and the due date read from each. */
class TargetDatesTest {

    private static final String SEVEN_ITEMS = "a) October 2012 b) December 2014 c) October 2014 d) NA e) March 2015 "
            + "f) Reminder to be sent April each year g) October 2014";

    /** Every target date quoted in domain.md, and a few more shapes: date, ongoing, note. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            31 st December 2014                                        | 2014-12-31 | false | read from text
            Dec 2014                                                   | 2014-12-31 | false | read from text
            April 2012                                                 | 2012-04-30 | false | read from text
            August 2014 (to allow for final recruiting of staff)       | 2014-08-31 | false | read from text
            April 2014 On-going                                        | 2014-04-30 | true  | read from text
            Achieved May 2014 April 2015                               | 2015-04-30 | false | latest of 2 dates
            Action completed                                           | -          | false | already achieved when planned
            a) Completed b)Completed c)31/05/14                        | 2014-05-31 | false | read from text
            24 th April 2014, July 2014, September 2014, December 2014 | 2014-12-31 | false | latest of 4 dates
            Significant holiday dates                                  | -          | false | no date could be read: check the target date
            Autumn 2013                                                | 2013-11-30 | false | read from text
            With immediate effect                                      | -          | true  | ongoing, no date
            Implemented and ongoing                                    | -          | true  | ongoing, no date
            By the 30.6.15                                             | 2015-06-30 | false | read from text
            By end of March 2015                                       | 2015-03-31 | false | read from text
            By April 2014                                              | 2014-04-30 | false | read from text
            By the end of June 2015                                    | 2015-06-30 | false | read from text
            TBC                                                        | -          | false | no date could be read: check the target date
            NA                                                         | -          | false | not applicable
            31st March 2015                                            | 2015-03-31 | false | read from text
            2015-03-31                                                 | 2015-03-31 | false | read from text
            """)
    void readsTheDueDate(String written, LocalDate due, boolean ongoing, String note) {
        DueDate d = TargetDates.derive(written);

        assertThat(d.date()).isEqualTo(due);
        assertThat(d.ongoing()).isEqualTo(ongoing);
        assertThat(d.note()).isEqualTo(note);
    }

    @Test
    void multiItemTargetTakesTheLatestDateAndSaysSo() {
        DueDate d = TargetDates.derive(SEVEN_ITEMS);

        assertThat(d.date()).isEqualTo(LocalDate.of(2015, 3, 31));
        assertThat(d.note()).isEqualTo("latest of 5 dates");
    }

    @Test
    void perSubItemReadsEachPartOfTheSevenItemTarget() {
        Map<String, DueDate> d = TargetDates.perSubItem(SEVEN_ITEMS);

        assertThat(d).containsOnlyKeys("a", "b", "c", "d", "e", "f", "g");
        assertThat(d.keySet()).containsExactly("a", "b", "c", "d", "e", "f", "g");
        assertThat(d.get("a").date()).isEqualTo(LocalDate.of(2012, 10, 31));
        assertThat(d.get("b").date()).isEqualTo(LocalDate.of(2014, 12, 31));
        assertThat(d.get("c").date()).isEqualTo(LocalDate.of(2014, 10, 31));
        assertThat(d.get("d")).isEqualTo(new DueDate(null, false, "not applicable"));
        assertThat(d.get("e").date()).isEqualTo(LocalDate.of(2015, 3, 31));
        // a yearly reminder is no date, and certainly not April of some year
        assertThat(d.get("f").date()).isNull();
        assertThat(d.get("f").needsCheck()).isTrue();
        assertThat(d.get("g").date()).isEqualTo(LocalDate.of(2014, 10, 31));
    }

    @Test
    void perSubItemReadsCompletedPartsAsAchieved() {
        Map<String, DueDate> d = TargetDates.perSubItem("a) Completed b)Completed c)31/05/14");

        assertThat(d).containsExactly(
                Map.entry("a", new DueDate(null, false, "already achieved when planned")),
                Map.entry("b", new DueDate(null, false, "already achieved when planned")),
                Map.entry("c", new DueDate(LocalDate.of(2014, 5, 31), false, "read from text")));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            (a) March 2014 (b) June 2014     | a=2014-03-31, b=2014-06-30
            a.March 2014 b. June 2014        | a=2014-03-31, b=2014-06-30
            A) March 2014 B) June 2014       | a=2014-03-31, b=2014-06-30
            a) March 2014 c) June 2014 b) NA | a=2014-06-30, b=null
            a) Dec 2014 e.g. training b) NA  | a=2014-12-31, b=null
            """)
    void labelsRunInSequence(String written, String expected) {
        assertThat(render(TargetDates.perSubItem(written))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"April 2014 On-going", "By the 30.6.15", "a) October 2012", "Review e.g. April 2014 i.e. spring",
            "Dec. 2014", ""})
    void textWithoutTwoLabelsHasNoSubItems(String written) {
        assertThat(TargetDates.perSubItem(written)).isEmpty();
    }

    private static String render(Map<String, DueDate> dates) {
        return String.join(", ", dates.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue().date()).toList());
    }
}
