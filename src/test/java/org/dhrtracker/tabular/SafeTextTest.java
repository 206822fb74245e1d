package org.dhrtracker.tabular;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SafeTextTest {

    @Test
    void invisibleAndLineBreakingCharactersAreEscaped() {
        assertThat(SafeText.escape("police-\u202Exslx.csv")).isEqualTo("police-\\u202Exslx.csv");
        assertThat(SafeText.escape("a\nINFO forged\r\tb\u0000\u200B\u2028")).isEqualTo("a\\u000AINFO forged\\u000D\\u0009b\\u0000\\u200B\\u2028");
        assertThat(SafeText.escape("Children\u2019s Services \u2013 caf\u00e9 \\ ..")).isEqualTo("Children\u2019s Services \u2013 caf\u00e9 \\ ..");
    }

    @Test
    void longNamesAreShortenedKeepingTheirEndAndNoEscapeIsCut() {
        String name = "police-" + "a".repeat(239) + ".csv";
        assertThat(SafeText.name(name)).isEqualTo("police-" + "a".repeat(77) + "…" + "a".repeat(11) + ".csv").hasSize(100);
        assertThat(SafeText.name("\u202E".repeat(30) + ".csv")).isEqualTo("\\u202E".repeat(14) + "…" + "\\u202E.csv");
    }

    @Test
    void quotedValuesAreEscapedAndShortened() {
        assertThat(SafeText.quote("16\u200B")).isEqualTo("'16\\u200B'");
        assertThat(SafeText.quote("x".repeat(50))).isEqualTo("'" + "x".repeat(39) + "…'");
    }

    @Test
    void onlyC0ControlsButTabAndLineEndsAreControlCharacters() {
        assertThat(SafeText.controlCharacter("tab\tline\r\nend")).isEqualTo(-1);
        assertThat(SafeText.controlCharacter("nul\u0000")).isEqualTo(0);
        assertThat(SafeText.controlCharacter("bell\u0007 and \u0001")).isEqualTo(7);
        assertThat(SafeText.controlCharacter("right-to-left \u202E is not one")).isEqualTo(-1);
    }
}
