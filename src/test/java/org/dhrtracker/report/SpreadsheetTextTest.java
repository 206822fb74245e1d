package org.dhrtracker.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The formula rule and the CSV writer of every output. */
class SpreadsheetTextTest {

    @TempDir
    Path dir;

    @Test
    void formulaTriggersAreFormulaLikeAlsoAfterLeadingSpaces() {
        for (String s : List.of("=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx", " =1+1", "\u00a0 -2+3", "\n@x", "  \tx")) {
            assertThat(SpreadsheetText.isFormulaLike(s)).as("%s", s).isTrue();
            assertThat(SpreadsheetText.forCsv(s)).isEqualTo("'" + s);
        }
        for (String s : List.of("Completed", "1-2", "a=b", "", "   ", "'=1", "x\t=1")) {
            assertThat(SpreadsheetText.isFormulaLike(s)).as("%s", s).isFalse();
            assertThat(SpreadsheetText.forCsv(s)).isEqualTo(s);
        }
        assertThat(SpreadsheetText.isFormulaLike(null)).isFalse();
        assertThat(SpreadsheetText.forCsv(null)).isNull();
    }

    @Test
    void csvHasTheMarkingFirstAndQuotesNeutralisedFieldsOnly() throws Exception {
        Path file = dir.resolve("out.csv");
        try (OutputCsv csv = OutputCsv.create(file, "OFFICIAL-SENSITIVE")) {
            csv.record("Text", "Number", "Date", "Empty");
            csv.record("=HYPERLINK(\"http://evil.example\",\"x\")", -2, LocalDate.of(2016, 5, 31), null);
            csv.record("plain, with a comma", 3, null, "-2+3");
        }

        assertThat(Files.readAllLines(file)).containsExactly("OFFICIAL-SENSITIVE", "Text,Number,Date,Empty",
                "\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")\",-2,2016-05-31,", "\"plain, with a comma\",3,,\"'-2+3\"");
        try (Reader in = Files.newBufferedReader(file)) {
            List<CSVRecord> rows = CSVFormat.RFC4180.parse(in).getRecords();
            assertThat(rows.get(2).get(0)).isEqualTo("'=HYPERLINK(\"http://evil.example\",\"x\")");
            assertThat(rows.get(3).get(3)).isEqualTo("'-2+3");
        }
    }
}
