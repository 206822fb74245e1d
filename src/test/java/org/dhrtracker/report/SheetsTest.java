package org.dhrtracker.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SheetsTest {

    @TempDir
    Path dir;

    @Test
    void aTextsLinesAreCountedPerParagraphWhateverTheLineBreak() {
        List<String> texts = List.of("", "a", "a\nb", "a\r\nb", "a\rb", "a\r\n", "\n\n", "a\u2028b\u2029c\u0085d\u000Be\ff", "\r\n\r\n",
                "x".repeat(57), "x".repeat(58), "x".repeat(59) + "\n" + "y".repeat(130), "first point\r\n\r\n• second point\n");
        for (String text : texts) {
            for (int width : new int[] {1, 3, 10, 60}) {
                // split on regex \R, as the lines were counted before: what a row's height is estimated from
                int byRegex = 0;
                for (String paragraph : text.split("\\R", -1)) {
                    byRegex += Math.max(1, (paragraph.length() + Math.max(1, width - 2) - 1) / Math.max(1, width - 2));
                }
                assertThat(Sheets.estimatedLines(text, width)).as("%s at width %d", text.replace("\n", "\\n").replace("\r", "\\r"), width)
                        .isEqualTo(byRegex);
            }
        }
    }

    @Test
    void textCellsTakeTheWorkbooksDefaultStyleTopAligned() throws Exception {
        Path file = dir.resolve("sheet.xlsx");
        try (SXSSFWorkbook wb = new StreamedWorkbook(10); OutputStream out = Files.newOutputStream(file)) {
            Sheet sheet = wb.createSheet("Actions");
            Sheets.writeSheet(sheet, "OFFICIAL-SENSITIVE", List.of(Sheets.Column.<String>of("Agency", 12, s -> s),
                    Sheets.Column.<String>of("Length", 8, String::length)), List.of("POLICE", "=1+1"), new Sheets.Styles(wb));
            wb.write(out);
        }
        try (XSSFWorkbook wb = new XSSFWorkbook(file.toFile())) {
            Sheet sheet = wb.getSheet("Actions");
            var text = sheet.getRow(2).getCell(0);
            assertThat(text.getStringCellValue()).isEqualTo("POLICE");
            assertThat(text.getCellStyle().getIndex()).isZero();
            assertThat(text.getCellStyle().getVerticalAlignment()).isEqualTo(VerticalAlignment.TOP);
            assertThat(sheet.getRow(2).getCell(1).getCellStyle().getVerticalAlignment()).isEqualTo(VerticalAlignment.TOP);
            // formula-like text keeps its own, quote-prefixed style
            var formula = sheet.getRow(3).getCell(0);
            assertThat(formula.getStringCellValue()).isEqualTo("=1+1");
            assertThat(formula.getCellStyle().getQuotePrefixed()).isTrue();
            assertThat(formula.getCellStyle().getVerticalAlignment()).isEqualTo(VerticalAlignment.TOP);
        }
    }
}
