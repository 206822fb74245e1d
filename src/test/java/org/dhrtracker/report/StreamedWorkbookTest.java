package org.dhrtracker.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.zip.ZipFile;

import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StreamedWorkbookTest {

    private static final int ROWS = 3_000;

    @TempDir
    Path dir;

    @Test
    void everyRowStreamedPastTheWindowIsReadBackAsWritten() throws Exception {
        Path file = write(new StreamedWorkbook(100), "streamed.xlsx");

        try (XSSFWorkbook wb = new XSSFWorkbook(file.toFile())) {
            Sheet sheet = wb.getSheet("Actions");
            DataFormatter f = new DataFormatter(Locale.ROOT);
            assertThat(sheet.getLastRowNum()).isEqualTo(ROWS - 1);
            for (int r = 0; r < ROWS; r += 499) {
                assertThat(f.formatCellValue(sheet.getRow(r).getCell(0))).isEqualTo(text(r));
                assertThat(sheet.getRow(r).getCell(1).getNumericCellValue()).isEqualTo(r);
            }
        }
    }

    @Test
    void theSheetIsDeflatedAtTheFasterLevelNotTheDefault() throws Exception {
        long streamed = sheetEntrySize(write(new StreamedWorkbook(100), "streamed.xlsx"));
        long byDefault = sheetEntrySize(write(new SXSSFWorkbook(100), "default.xlsx"));

        // The same XML, deflated less tightly: the level is the one set, not Deflater's default of 6.
        assertThat(streamed).isGreaterThan(byDefault);
    }

    private Path write(SXSSFWorkbook wb, String name) throws Exception {
        Path file = dir.resolve(name);
        try (wb; OutputStream out = Files.newOutputStream(file)) {
            Sheet sheet = wb.createSheet("Actions");
            for (int r = 0; r < ROWS; r++) {
                var row = sheet.createRow(r);
                row.createCell(0).setCellValue(text(r));
                row.createCell(1).setCellValue(r);
            }
            wb.write(out);
        }
        return file;
    }

    private static String text(int r) {
        return "Action " + r + ": training on coercive control delivered to " + (r % 17) + " teams; audit of referrals " + (r * 31 % 97);
    }

    /** The compressed size of the sheet's entry in the workbook's zip. */
    private static long sheetEntrySize(Path file) throws Exception {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            return zip.getEntry("xl/worksheets/sheet1.xml").getCompressedSize();
        }
    }
}
