package org.dhrtracker.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The formula rule, the CSV writer of every output and the text cells of every workbook. */
class SpreadsheetTextTest {

    @TempDir
    Path dir;

    @Test
    void formulaTriggersAreFormulaLikeAlsoAfterLeadingSpaces() {
        for (String s : List.of("=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx", " =1+1", "\u00a0 -2+3", "\n@x", "  \tx")) {
            assertThat(SpreadsheetText.isFormulaLike(s)).as("%s", s).isTrue();
            assertThat(SpreadsheetText.forCsv(s)).isEqualTo("'" + s);
            assertThat(SpreadsheetText.fromCsv(SpreadsheetText.forCsv(s))).isEqualTo(s);
        }
        for (String s : List.of("Completed", "1-2", "a=b", "", "   ", "x\t=1")) {
            assertThat(SpreadsheetText.isFormulaLike(s)).as("%s", s).isFalse();
            assertThat(SpreadsheetText.forCsv(s)).isEqualTo(s);
            assertThat(SpreadsheetText.fromCsv(s)).isEqualTo(s);
        }
        // Text that starts with a quote already gets one more, so that reading back is exact.
        for (String s : List.of("'=1", "'tis", "''-2")) {
            assertThat(SpreadsheetText.isFormulaLike(s)).as("%s", s).isFalse();
            assertThat(SpreadsheetText.forCsv(s)).isEqualTo("'" + s);
            assertThat(SpreadsheetText.fromCsv(SpreadsheetText.forCsv(s))).isEqualTo(s);
        }
        assertThat(SpreadsheetText.fromCsv("'plain")).as("not written by forCsv: as it is").isEqualTo("'plain");
        assertThat(SpreadsheetText.isFormulaLike(null)).isFalse();
        assertThat(SpreadsheetText.forCsv(null)).isNull();
    }

    @Test
    void aTextLongerThanACellHoldsIsCutWithANoteAndStillQuotePrefixed() throws Exception {
        String text = "-" + "x".repeat(40_000);
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            Sheets.Styles styles = new Sheets.Styles(wb);
            Cell cell = wb.createSheet().createRow(0).createCell(0);

            Sheets.setText(cell, text, styles.wrapped, styles);

            assertThat(cell.getStringCellValue()).hasSize(32_767).startsWith("-xxx")
                    .endsWith(" [cut: 40001 characters, more than a spreadsheet cell holds]");
            assertThat(cell.getCellStyle().getQuotePrefixed()).isTrue();
            assertThat(cell.getCellStyle().getWrapText()).isTrue();
        }
        assertThat(Sheets.fitted("x".repeat(32_767))).hasSize(32_767).doesNotContain("cut");
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
