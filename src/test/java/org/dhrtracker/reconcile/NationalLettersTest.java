package org.dhrtracker.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;

import org.dhrtracker.JobTestSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.ExitStatus;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * DHR1's national recommendations 5 (to the Home Office and CAADA: police bail) and 6 (to the
 * CPS: charging), seed 001's national letters, on the demo register.
 */
class NationalLettersTest extends JobTestSupport {

    @Autowired
    private NationalLetters letters;

    @BeforeEach
    void demoRegister() throws Exception {
        resetHome();
        assertThat(importRegister(Path.of("data/register/DHR1-register.csv")).getExitStatus()).isEqualTo(ExitStatus.COMPLETED);
    }

    @Test
    void aLetterIsUnansweredOnlyAfterTheAnswerPeriodAndUntilItsAnswer() {
        assertThat(letters.record("DHR1", "6", "Crown Prosecution Service", LocalDate.of(2015, 1, 1), LocalDate.of(2015, 6, 1))).isEmpty();
        // 90 days after sending: not yet; 91: a finding; answered 1 June: none from then.
        assertThat(letters.findings("DHR1", LocalDate.of(2015, 4, 1))).isEmpty();
        assertThat(letters.findings("DHR1", LocalDate.of(2015, 4, 2))).extracting(Finding::code)
                .containsExactly(FindingCode.NATIONAL_UNANSWERED);
        assertThat(letters.findings("DHR1", LocalDate.of(2015, 5, 31))).hasSize(1);
        assertThat(letters.findings("DHR1", LocalDate.of(2015, 6, 1))).isEmpty();
        // Not sent yet as at the date: nothing to answer.
        assertThat(letters.findings("DHR1", LocalDate.of(2014, 12, 31))).isEmpty();
    }

    @Test
    void aLetterToTheHomeOfficeAboutAnotherBodysRemitIsFlagged() {
        assertThat(letters.record("DHR1", "5", "Home Office", null, null)).isEmpty();
        assertThat(letters.record("DHR1", "6", "home office", null, null)).isEmpty();
        // 5 is about police bail, the Home Office's own; 6 is about charging, the CPS's.
        assertThat(letters.findings("DHR1", LocalDate.of(2016, 5, 31))).extracting(Finding::code, Finding::message)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(FindingCode.NATIONAL_MISROUTED,
                        "Recommendation 6 (Safer Warwickshire Partnership Board): sent to the Home Office but its subject is for"
                                + " Crown Prosecution Service"));
        assertThat(letters.record("DHR1", "6", "Crown Prosecution Service", null, null)).isEmpty();
        assertThat(letters.findings("DHR1", LocalDate.of(2016, 5, 31))).isEmpty();
        assertThat(letters.letters("DHR1")).extracting(l -> l.recommendation().number() + " " + l.recipient())
                .containsExactly("5 Home Office", "6 Crown Prosecution Service");
    }

    @Test
    void aWrongLetterIsRefusedAndNothingRecorded() {
        assertThat(letters.record("DHR1", "4", "Home Office", null, null))
                .containsExactly("recommendation 4 of DHR1 is not national (scope LOCAL)");
        assertThat(letters.record("DHR1", "99", " ", null, LocalDate.of(2015, 1, 1))).containsExactly(
                "review DHR1 has no recommendation 99", "the recipient (department or body) is required",
                "an answered letter needs the date it was sent");
        assertThat(letters.record("DHR1", "5", "Home Office", LocalDate.of(2015, 2, 1), LocalDate.of(2015, 1, 1)))
                .containsExactly("answered on 2015-01-01 is before sent on 2015-02-01");
        assertThat(count("SELECT COUNT(*) FROM national_letter")).isZero();
    }
}
