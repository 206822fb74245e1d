package org.dhrtracker;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LogTextTest {

    @Test
    void controlAndFormattingCharactersAreEscaped() {
        assertThat(LogText.escape("police\n12:00:00 INFO  forged.csv")).isEqualTo("police\\n12:00:00 INFO  forged.csv");
        assertThat(LogText.escape("a\tb\rc\u001b[2Jd")).isEqualTo("a\\tb\\rc\\u001b[2Jd");
        // Right-to-left override (shows "exe.csv" backwards) and a line separator.
        assertThat(LogText.escape("return\u202Evsc.exe\u2028x")).isEqualTo("return\\u202evsc.exe\\u2028x");
    }

    @Test
    void ordinaryNamesAreUnchanged() {
        assertThat(LogText.escape("2016-05-31_POLICE (copy) é.csv")).isEqualTo("2016-05-31_POLICE (copy) é.csv");
        assertThat(LogText.escape(null)).isEqualTo("null");
    }
}
