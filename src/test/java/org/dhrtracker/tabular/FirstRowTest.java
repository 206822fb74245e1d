package org.dhrtracker.tabular;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.dhrtracker.intake.SignOffFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A file's header read on its own: how the inbox tells a sign-off file from a return without reading it all. */
class FirstRowTest {

    @TempDir
    Path dir;

    @Test
    void aCsvSignOffFileIsToldByItsFirstNonBlankRowAlone() throws Exception {
        Path csv = dir.resolve("return.csv");
        // A broken quote further down: reading only the header never meets it.
        Files.writeString(csv, "\n,,\nReview,Action ref,Decision\nDHR1,12,\"Accept\n");
        assertThat(SignOffFile.isSignOff(csv)).isTrue();
    }

    @Test
    void aWorkbookSignOffFileIsToldByItsHeader() throws Exception {
        Path xlsx = dir.resolve("sign-off.xlsx");
        try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(xlsx)) {
            XSSFSheet sheet = wb.createSheet("Decisions");
            String[][] rows = {{"Review", "Action ref", "Decision", "Reason"}, {"DHR1", "27-NBBC", "Reject", "No evidence"}};
            for (int r = 0; r < rows.length; r++) {
                var row = sheet.createRow(r);
                for (int c = 0; c < rows[r].length; c++) {
                    row.createCell(c).setCellValue(rows[r][c]);
                }
            }
            wb.write(out);
        }
        assertThat(SignOffFile.isSignOff(xlsx)).isTrue();
    }

    @Test
    void anEmptyOrUnreadableFileIsNotASignOffFile() throws Exception {
        Path empty = Files.writeString(dir.resolve("empty.csv"), "\n\n");
        Path notXlsx = Files.writeString(dir.resolve("fake.xlsx"), "Review,Action ref,Decision\n");
        Path latin1 = Files.write(dir.resolve("latin1.csv"), "Review,Décision\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        // Read as returns, which say why they cannot be read.
        assertThat(SignOffFile.isSignOff(empty)).isFalse();
        assertThat(SignOffFile.isSignOff(notXlsx)).isFalse();
        assertThat(SignOffFile.isSignOff(latin1)).isFalse();
        assertThat(SignOffFile.isSignOff(dir.resolve("missing.csv"))).isFalse();
    }
}
