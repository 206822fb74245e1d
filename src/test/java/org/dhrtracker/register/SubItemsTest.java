package org.dhrtracker.register;

import static org.assertj.core.api.Assertions.assertThat;

import org.dhrtracker.register.Recommendation.SubItem;
import org.junit.jupiter.api.Test;

class SubItemsTest {

    @Test
    void lettersAndRomanNumeralsUnderThem() {
        String text = """
                Agencies should:
                a. review their policy
                i) for staff
                ii) for managers
                b) train staff""";

        assertThat(SubItems.of(text)).containsExactly(
                new SubItem("a", "review their policy"), new SubItem("a.i", "for staff"), new SubItem("a.ii", "for managers"),
                new SubItem("b", "train staff"));
    }

    @Test
    void anIAfterHIsTheLetter() {
        String text = "g. one\nh. two\ni. three\nj. four";

        assertThat(SubItems.of(text)).extracting(SubItem::label).containsExactly("g", "h", "i", "j");
    }

    @Test
    void plainTextHasNoSubItems() {
        assertThat(SubItems.of("Warwickshire Police to review the DASH card.")).isEmpty();
    }
}
