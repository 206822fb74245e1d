package org.dhrtracker.tabular;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CellDatesTest {

    @ParameterizedTest
    @ValueSource(strings = {"2016-03-31", "31/03/2016", "31/3/2016", "31 March 2016", "31 Mar 2016", "31 mar 2016", " 31 MARCH 2016 ",
        "31 Mar. 2016"})
    void everyAcceptedFormIsTheSameDay(String text) {
        assertThat(CellDates.parse(text)).contains(LocalDate.of(2016, 3, 31));
    }

    @ParameterizedTest
    @CsvSource({"30 Sept 2016, 2016-09-30", "30 Sep 2016, 2016-09-30", "1/2/2016, 2016-02-01", "29/02/2016, 2016-02-29"})
    void monthsAreReadUkStyle(String text, LocalDate date) {
        assertThat(CellDates.parse(text)).contains(date);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "31/03/16 | '31/03/16' has a two-digit year, which could be either century",
        "31 Mar 16 | '31 Mar 16' has a two-digit year",
        "03/31/2016 | '03/31/2016' is not a date (write 2016-03-31, 31/03/2016 or 31 March 2016)",
        "29/02/2015 | '29/02/2015' is not a date",
        "31 Foo 2016 | '31 Foo 2016' is not a date",
        "42460 | '42460' looks like an Excel date serial number (a date cell formatted as General): format the cell as a date",
        "42460.5 | '42460.5' looks like an Excel date serial number",
        "2016-03-31T10:00 | '2016-03-31T10:00' is not a date"})
    void ambiguousOrWrongFormsAreRefusedSayingWhy(String text, String reason) {
        assertThatThrownBy(() -> CellDates.parse(text)).isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith(reason);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  "})
    void blankIsNoDate(String text) {
        assertThat(CellDates.parse(text)).isEmpty();
    }
}
