package org.dhrtracker;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Hostile narrative through the real commands, then every output read back: the demo review and its
 * returns, plus a return, a sign-off file, a sign-off command, an action plan and a filled-in return
 * pack whose narrative (progress, evidence, reported by, reasons, action and recommendation text)
 * starts with a formula, each with a marker. Every file written under HOME must neutralise formula-like
 * text, keep it otherwise exact and carry the protective marking; the console and logs must carry no
 * narrative.
 */
@ExtendWith(OutputCaptureExtension.class)
class OutputSafetyTest {

    private static final String MARKING = "OFFICIAL-SENSITIVE";
    private static final String MARKER = "NARRATIVE-b7c2";
    /** A marker and its id: two letters, two digits. */
    private static final Pattern MARKED = Pattern.compile(MARKER + "-([a-z]{2}[0-9]{2})");
    private static final List<String> PAYLOADS = List.of("=HYPERLINK(\"http://evil.example\",\"x\")", "+1+1", "-2+3", "@SUM(A1)",
            "\t=1");
    private static final String AS_AT = "2016-05-31";
    private static final Pattern FORMULA_START = Pattern.compile("^[\\s\\p{Zs}]*[=+\\-@\\t\\r]");

    @TempDir
    Path home;

    /** Every narrative written, by the id of its marker. */
    private final Map<String, String> narratives = new LinkedHashMap<>();
    private final List<String> problems = new ArrayList<>();
    private final Map<String, Integer> figures = new LinkedHashMap<>();

    @BeforeEach
    void emptySharedDatabase() {
        TestDatabase.emptyIfShared(home);
    }

    @Test
    void outputsNeutraliseFormulasCarryTheMarkingAndLogsCarryNoNarrative(CapturedOutput output) throws Exception {
        String h = home.toString();
        Path inbox = Files.createDirectories(home.resolve("inbox"));
        // An agency's return under a formula-like name, and a sign-off file whose name would forge a log line.
        Files.writeString(inbox.resolve("@SUM(A1) police return.csv"), csv(
                "Review,Action ref,Agency,As at,Status,Progress,Evidence,Revised target date,Completion date,Reported by",
                row("DHR1", "12", "POLICE", AS_AT, "In progress", n("pr01"), n("ev01"), "", "", n("rb01")),
                row("DHR1", "13a", "POLICE", AS_AT, "In progress", n("pr02"), n("ev02"), "", "", n("rb02")),
                row("DHR1", "13b", "POLICE", "2016-05-30", "Completed", n("pr03"), n("ev03"), "", "", n("rb03")),
                row("DHR1", "13c", "POLICE", "2016-05-30", "Completed", n("pr04"), n("ev04"), "", "", n("rb04"))));
        Files.writeString(inbox.resolve("signoff\n12:00:00 INFO  forged.csv"), csv(
                "Review,Action ref,Decision,Reason,Decided by,Decided on",
                row("DHR1", "13b", "Reject", n("rs01"), n("by01"), AS_AT)));
        Path plan = Files.writeString(home.resolve("dhr9-plan.csv"), csv(
                "Recommendation,Action to take,Agency,Evidence of Achievement,Implementation Lead,Target date,Progress as at 31 May 2016",
                "Warwickshire Police,,,,,,",
                row("1. " + n("rc01"), n("ac01"), "POLICE", n("ea01"), n("ld01"), n("tg01"), n("pp01")),
                row("2. " + n("rc02"), n("ac02"), "GEH", n("ea02"), n("ld02"), "July 2016", n("pp02"))));

        assertThat(DhrTrackerApplication.run(new String[] {"monthly", "--as-at", AS_AT, "--home", h})).isZero();
        assertThat(DhrTrackerApplication.run(new String[] {"import-plan", plan.toString(), "--review", "DHR9", "--partnership", "NABSCOP",
                "--home", h})).isZero();
        // A plan it cannot read, under a formula-like name: its import report names the file in a cell.
        Path minutes = Files.writeString(home.resolve("=minutes.csv"), csv("Minutes of the meeting", row("Item", n("mn01"))));
        assertThat(DhrTrackerApplication.run(new String[] {"import-plan", minutes.toString(), "--review", "DHR1", "--home", h}))
                .isEqualTo(2);
        assertThat(DhrTrackerApplication.run(new String[] {"sign-off", "--review", "DHR1", "--action", "13c", "--reject", "--reason",
                n("rs02"), "--by", n("by02"), "--as-at", AS_AT, "--home", h})).isZero();
        // GEH's: the hostile returns above are POLICE's, and an answer would replace what the outputs show of them.
        String packName = "NABSCOP-GEH-return-pack-" + AS_AT + ".xlsx";
        String packAnswer = returnPackFilledIn(home.resolve("out/NABSCOP/return-packs").resolve(packName), inbox.resolve(packName));
        assertThat(DhrTrackerApplication.run(new String[] {"monthly", "--as-at", AS_AT, "--home", h})).isZero();
        assertThat(DhrTrackerApplication.run(new String[] {"history", "--home", h})).isZero();

        Set<String> checked = new TreeSet<>();
        Set<String> unmarked = new TreeSet<>();
        Set<String> seen = new TreeSet<>();
        try (Stream<Path> files = Files.walk(home)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                String where = home.relativize(file).toString();
                String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
                if (where.startsWith("db/") || where.startsWith("archive/") || where.startsWith("demo/") || where.endsWith(".csv") && !where.contains("/")
                        || where.startsWith("rejected/") && !name.endsWith(".errors.txt")) {
                    continue; // the database, and the input files themselves (plans in HOME, the demo register copied to demo/)
                }
                checked.add(where);
                boolean marked = name.endsWith(".pdf") ? checkPdf(file, where, seen)
                        : name.endsWith(".xlsx") ? checkWorkbook(file, where, seen)
                        : name.endsWith(".csv") ? checkCsv(file, where, seen)
                        : name.endsWith(".txt") || name.endsWith(".log") ? checkText(file, where)
                        : problems.add(where + ": an output of a kind this test does not know: check it and add it here");
                if (!marked) {
                    unmarked.add(where);
                }
            }
        }
        System.out.println("Output safety: " + checked.size() + " files checked; " + figures + "\n  " + String.join("\n  ", checked));

        assertThat(checked).as("the outputs").contains("out/NABSCOP/findings.csv", "out/NABSCOP/DHR1-findings-" + AS_AT + ".csv",
                "out/NABSCOP/DHR9-findings-" + AS_AT + ".csv", "out/NABSCOP/chase/DHR1-POLICE-chase-" + AS_AT + ".csv",
                "out/NABSCOP/chase/DHR9-POLICE-chase-" + AS_AT + ".csv", "out/imports/dhr9-plan.csv.import-report.csv",
                "out/imports/_minutes.csv.import-report.csv",
                "out/NABSCOP/DHR1-board-report-" + AS_AT + ".pdf", "out/NABSCOP/DHR9-board-report-" + AS_AT + ".pdf",
                "out/NABSCOP/DHR1-master-workbook-" + AS_AT + ".xlsx", "out/NABSCOP/DHR1-home-office-" + AS_AT + ".pdf",
                "out/NABSCOP/DHR1-home-office-" + AS_AT + ".xlsx", "out/NABSCOP/NABSCOP-partnership-report-" + AS_AT + ".pdf",
                "out/NABSCOP/return-packs/" + packName);
        assertThat(problems).as("formula-like text not neutralised, or narrative not as written").isEmpty();
        assertThat(unmarked).as("outputs without the protective marking " + MARKING).isEmpty();
        assertThat(figures.getOrDefault("CSV fields neutralised", 0)).as("formula-like CSV fields met").isPositive();
        assertThat(figures.getOrDefault("XLSX cells quote-prefixed", 0)).as("formula-like XLSX cells met").isPositive();
        // Every narrative reaches some output (who decided a sign-off is kept, not reported; a rejected plan changes nothing).
        Set<String> expected = new TreeSet<>(narratives.keySet());
        expected.removeIf(id -> id.startsWith("by") || id.startsWith("mn"));
        assertThat(seen).as("narratives found in the outputs").containsAll(expected);

        // The filled-in pack came back as the agency wrote it: no quote added, no formula.
        try (XSSFWorkbook wb = open(home.resolve("out/NABSCOP/DHR1-master-workbook-" + AS_AT + ".xlsx"))) {
            Sheet history = wb.getSheet("Returns history");
            List<Cell> fromPack = new ArrayList<>();
            for (Row r : history) {
                if (r.getRowNum() > 1 && packName.equals(text(r.getCell(9)))) {
                    fromPack.add(r.getCell(4));
                }
            }
            assertThat(fromPack).hasSize(1);
            assertThat(fromPack.get(0).getStringCellValue()).isEqualTo(packAnswer.strip());
            assertThat(fromPack.get(0).getCellStyle().getQuotePrefixed()).isTrue();
        }

        String console = output.getAll();
        assertThat(console).as("progress lines, so the capture works").contains("Returns: ", "Board report: ", "Return pack:  ",
                "Plan imported into review DHR9", "=minutes.csv was rejected", "Recorded: DHR1 action 13c", "accepted, 4 updates", "   Run  Job");
        assertThat(console).as("narrative in the console or log").doesNotContain(MARKER);
        assertThat(console).as("a file name's control characters are escaped")
                .contains("signoff\\u000A12:00:00 INFO  forged.csv: accepted").doesNotContain("\n12:00:00 INFO  forged");
    }

    /**
     * A database error must not quote the row it refused: PostgreSQL's error detail does ("Failing row
     * contains (...)") unless the driver is told to leave it out; HSQLDB's messages never do.
     */
    @Test
    void databaseErrorsDoNotQuoteTheRowTheyRefused() {
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(DhrTrackerApplication.class)
                .run("--dhr.home=" + home.toAbsolutePath())) {
            JdbcTemplate db = context.getBean(JdbcTemplate.class);
            String reason = n("db01");
            // An impossible decision: refused by the CHECK constraint, the reason in the refused row.
            Throwable refused = org.assertj.core.api.Assertions.catchThrowable(() -> db.update("""
                    INSERT INTO completion_decision (action_id, decision, reason, decided_by, decided_on, recorded_at, source)
                    VALUES (?, ?, ?, ?, ?, ?, ?)""", -1L, "MAYBE", reason, reason, java.sql.Date.valueOf(AS_AT),
                    java.sql.Timestamp.valueOf(AS_AT + " 12:00:00"), "test"));

            assertThat(refused).isInstanceOf(org.springframework.dao.DataAccessException.class);
            for (Throwable t = refused; t != null; t = t.getCause()) {
                assertThat(String.valueOf(t.getMessage())).as(t.getClass().getName()).doesNotContain(MARKER);
            }
        }
    }

    /** The agency's copy of its pack: one row answered, typed in as text; returns what it wrote. */
    private String returnPackFilledIn(Path pack, Path filled) throws Exception {
        String progress = n("pk01");
        try (XSSFWorkbook wb = open(pack); OutputStream out = Files.newOutputStream(filled)) {
            XSSFSheet sheet = wb.getSheet("Return");
            Row row = null;
            for (int r = 1; r <= sheet.getLastRowNum() && row == null; r++) {
                if ("DHR1".equals(text(sheet.getRow(r).getCell(0)))) {
                    row = sheet.getRow(r);
                }
            }
            assertThat(row).as("an open GEH action of DHR1").isNotNull();
            for (int c : new int[] {5, 6, 9}) {
                assertThat(row.getCell(c).getCellStyle().getDataFormatString()).as("answer column %d is a text cell", c).isEqualTo("@");
            }
            row.getCell(4).setCellValue("In progress");
            row.getCell(5).setCellValue(progress);
            row.getCell(6).setCellValue(n("pk02"));
            row.getCell(9).setCellValue(n("pk03"));
            wb.write(out);
        }
        return progress;
    }

    private boolean checkCsv(Path file, String where, Set<String> seen) throws Exception {
        List<CSVRecord> records;
        try (Reader in = Files.newBufferedReader(file)) {
            records = CSVFormat.RFC4180.parse(in).getRecords();
        }
        for (CSVRecord record : records) {
            for (String field : record) {
                String text = field;
                if (formulaLike(field)) {
                    problems.add(where + ", row " + record.getRecordNumber() + ": not neutralised: " + field);
                } else if (field.startsWith("'") && formulaLike(field.substring(1))) {
                    count("CSV fields neutralised");
                    text = field.substring(1);
                }
                checkNarrative(text, where, seen);
            }
        }
        count("CSV files");
        return Files.readAllLines(file).get(0).contains(MARKING);
    }

    private boolean checkWorkbook(Path file, String where, Set<String> seen) throws Exception {
        boolean allMarked = true;
        try (XSSFWorkbook wb = open(file)) {
            for (Sheet sheet : wb) {
                boolean marked = sheet.getHeader().getCenter().contains(MARKING) && sheet.getFooter().getCenter().contains(MARKING);
                for (Row row : sheet) {
                    for (Cell cell : row) {
                        String at = where + " " + sheet.getSheetName() + "!" + cell.getAddress();
                        if (cell.getCellType() == CellType.FORMULA) {
                            problems.add(at + ": a formula cell: " + cell.getCellFormula());
                        } else if (cell.getCellType() == CellType.STRING) {
                            String text = cell.getStringCellValue();
                            marked |= text.contains(MARKING);
                            if (formulaLike(text)) {
                                count("XLSX cells quote-prefixed");
                                if (!cell.getCellStyle().getQuotePrefixed()) {
                                    problems.add(at + ": formula-like text without the quote prefix: " + text);
                                }
                            }
                            if (text.startsWith("'") && formulaLike(text.substring(1))) {
                                problems.add(at + ": a quote added to the text: " + text);
                            }
                            checkNarrative(text, at, seen);
                        }
                    }
                }
                allMarked &= marked;
            }
        }
        count("XLSX files");
        return allMarked;
    }

    private boolean checkPdf(Path file, String where, Set<String> seen) throws Exception {
        List<String> pages = new ArrayList<>();
        try (PDDocument doc = Loader.loadPDF(file.toFile())) {
            PDFTextStripper stripper = new PDFTextStripper();
            for (int page = 1; page <= doc.getNumberOfPages(); page++) {
                stripper.setStartPage(page);
                stripper.setEndPage(page);
                pages.add(stripper.getText(doc));
            }
        }
        // Lines wrap anywhere in a PDF: compared without white space.
        List<String> compact = pages.stream().map(p -> p.replaceAll("\\s", "")).toList();
        for (int k = 0; k < compact.size(); k++) {
            Matcher m = MARKED.matcher(compact.get(k));
            while (m.find()) {
                seen.add(m.group(1));
                if (!asWrittenInPdf(compact, k, m.start(), narratives.get(m.group(1)).strip().replaceAll("\\s", ""))) {
                    problems.add(where + ", page " + (k + 1) + ": narrative " + m.group(1) + " not as written: " + pages.get(k));
                }
            }
        }
        for (String payload : PAYLOADS) {
            if (compact.stream().anyMatch(p -> p.contains("'" + payload.strip()))) {
                problems.add(where + ": a quote added before " + payload.strip());
            }
        }
        count("PDF files");
        return pages.stream().allMatch(p -> p.contains(MARKING));
    }

    /**
     * Whether the narrative stands whole around its marker, found on page k at {@code at}; or, where a
     * page break falls inside it (with the page's header and other columns in between), whether its
     * start is on page k-1 and the rest runs up to the marker, or its end is on page k+1.
     */
    private static boolean asWrittenInPdf(List<String> pages, int k, int at, String written) {
        String page = pages.get(k);
        int marker = written.indexOf(MARKER);
        String head = written.substring(0, marker);
        String tail = written.substring(marker);
        boolean headOk = page.substring(0, at).endsWith(head);
        for (int j = 1; !headOk && k > 0 && j <= head.length(); j++) {
            headOk = page.substring(0, at).endsWith(head.substring(j)) && pages.get(k - 1).contains(head.substring(0, j));
        }
        boolean tailOk = page.startsWith(tail, at);
        for (int j = MARKER.length() + 5; !tailOk && k + 1 < pages.size() && j < tail.length(); j++) {
            tailOk = page.startsWith(tail.substring(0, j), at) && pages.get(k + 1).contains(tail.substring(j));
        }
        return headOk && tailOk;
    }

    private boolean checkText(Path file, String where) throws Exception {
        String text = Files.readString(file);
        if (text.contains(MARKER)) {
            problems.add(where + ": narrative in a text or log file");
        }
        count("text files");
        return text.contains(MARKING);
    }

    /** Each narrative a text names by its marker is in it as the agency wrote it (the intake trims a value). */
    private void checkNarrative(String text, String where, Set<String> seen) {
        Matcher m = MARKED.matcher(text);
        while (m.find()) {
            if (!text.contains(narratives.get(m.group(1)).strip())) {
                problems.add(where + ": narrative " + m.group(1) + " not as written: " + text);
            }
            seen.add(m.group(1));
        }
    }

    /** The rule of docs/FORMATS.md, written out again here so that the test does not trust the code it checks. */
    private static boolean formulaLike(String text) {
        return FORMULA_START.matcher(text).find();
    }

    private void count(String figure) {
        figures.merge(figure, 1, Integer::sum);
    }

    /** A narrative that starts with a formula, with its marker. */
    private String n(String id) {
        String text = PAYLOADS.get(narratives.size() % PAYLOADS.size()) + " " + MARKER + "-" + id + " as written";
        narratives.put(id, text);
        return text;
    }

    private static String row(String... fields) {
        return String.join(",", Stream.of(fields).map(f -> "\"" + f.replace("\"", "\"\"") + "\"").toList());
    }

    private static String csv(String... lines) {
        return String.join("\n", lines) + "\n";
    }

    private static String text(Cell cell) {
        return cell == null || cell.getCellType() != CellType.STRING ? "" : cell.getStringCellValue();
    }

    private static XSSFWorkbook open(Path file) throws Exception {
        try (InputStream in = Files.newInputStream(file)) {
            return new XSSFWorkbook(in);
        }
    }
}
