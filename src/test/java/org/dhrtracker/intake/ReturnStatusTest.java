package org.dhrtracker.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Statuses as agencies write them: any case, spacing and punctuation; nothing else. */
class ReturnStatusTest {

    @Test
    void readsTheStatusWhateverItsCaseSpacingAndPunctuation() {
        assertThat(ReturnStatus.fromText("In progress")).isEqualTo(ReturnStatus.IN_PROGRESS);
        assertThat(ReturnStatus.fromText(" in-PROGRESS ")).isEqualTo(ReturnStatus.IN_PROGRESS);
        assertThat(ReturnStatus.fromText("Not Started")).isEqualTo(ReturnStatus.NOT_STARTED);
        assertThat(ReturnStatus.fromText("COMPLETED.")).isEqualTo(ReturnStatus.COMPLETED);
        assertThat(ReturnStatus.fromText("Complete")).isEqualTo(ReturnStatus.COMPLETED);
    }

    @Test
    void refusesAnythingElse() {
        for (String text : new String[] {"Nearly there", "", "Not started yet", "Done"}) {
            assertThatThrownBy(() -> ReturnStatus.fromText(text)).as(text).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("Not started, In progress or Completed");
        }
    }
}
