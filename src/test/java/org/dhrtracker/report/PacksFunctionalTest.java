package org.dhrtracker.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.dhrtracker.JobTestSupport;
import org.dhrtracker.intake.IngestReturnsJobConfiguration;
import org.dhrtracker.schedule.MonthlyJobConfiguration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;

/**
 * The Home Office pack and the agencies' return packs from the real monthly job on the demo data
 * (DHR1) plus a second review of the same partnership, read back and checked against the
 * database; then a return pack filled in as an agency would, dropped into the inbox and ingested.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PacksFunctionalTest extends JobTestSupport {

    private static final LocalDate AS_AT = LocalDate.of(2016, 5, 31);
    private static final String MARKING = "OFFICIAL-SENSITIVE";
    private static final List<String> RETURN_COLUMNS = List.of("Review", "Action ref", "Agency", "As at", "Status", "Progress",
            "Evidence", "Revised target date", "Completion date", "Reported by");

    private Path out;

    @BeforeAll
    void runTheMonthlyJob() throws Exception {
        resetHome();
        assertThat(importRegister(DEMO_REGISTER).getExitStatus()).isEqualTo(ExitStatus.COMPLETED);
        // A second review of the partnership: the hospital's pack must hold its open actions too.
        Path dhr2 = home.root().resolve("DHR2-register.csv");
        Files.writeString(dhr2, """
                Review,Partnership,Partnership name,Review title,Recommendation,Source,Owning body,Scope,Recommendation text,Action ref,Agency,Agency name,Action,Evidence of achievement,Implementation lead,Target date,Due date
                DHR2,NABSCOP,Nuneaton and Bedworth Safer Communities Partnership,Adult B,1,Overview,George Eliot Hospital,Local,Review routine enquiry in the emergency department,1a,GEH,George Eliot Hospital NHS Trust,Audit routine enquiry,Audit report,Safeguarding Lead,Dec 2016,
                DHR2,NABSCOP,Nuneaton and Bedworth Safer Communities Partnership,Adult B,1,Overview,George Eliot Hospital,Local,Review routine enquiry in the emergency department,1b,GEH,George Eliot Hospital NHS Trust,Train triage staff,Training records,Safeguarding Lead,Dec 2016,
                """);
        assertThat(importRegister(dhr2).getExitStatus()).isEqualTo(ExitStatus.COMPLETED);
        dropDemoReturns("2014-", "2015-", "2016-");
        JobExecution monthly = run(MonthlyJobConfiguration.JOB, params(AS_AT)
                .addString(ReportJobConfiguration.REPORTS, "home-office,return-packs")
                .addString(ReportJobConfiguration.OUTPUT, "out/{partnership}"));
        assertThat(monthly.getExitStatus()).isEqualTo(ExitStatus.COMPLETED);
        out = home.out().resolve("NABSCOP");
    }

    // ---- Home Office pack

    @Test
    void homeOfficeWorkbookHasOneRowPerActionWithTheTextsOfTheDatabase() throws Exception {
        List<Map<String, Object>> actions = db.queryForList("""
                SELECT a.action_text, g.name, s.status FROM action a
                JOIN recommendation r ON r.recommendation_id = a.recommendation_id JOIN agency g ON g.agency_code = a.agency_code
                JOIN action_status s ON s.action_id = a.action_id AND s.as_at = ?
                WHERE a.review_id = 'DHR1' ORDER BY r.plan_order, a.plan_order""", AS_AT);
        try (XSSFWorkbook wb = open(out.resolve("DHR1-home-office-2016-05-31.xlsx"))) {
            XSSFSheet sheet = wb.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo(MARKING);
            assertThat(cells(sheet.getRow(1))).containsExactly("Recommendation", "Scope of recommendation i.e. local or regional",
                    "Action to take", "Lead agency", "Key milestones achieved in enacting recommendation", "Target date",
                    "Date of completion and outcome");
            assertThat(sheet.getLastRowNum() - 1).isEqualTo(actions.size());
            for (int i = 0; i < actions.size(); i++) {
                Row row = sheet.getRow(2 + i);
                assertThat(row.getCell(2).getStringCellValue()).isEqualTo(actions.get(i).get("ACTION_TEXT"));
                assertThat(row.getCell(3).getStringCellValue()).isEqualTo(actions.get(i).get("NAME"));
                boolean completed = "COMPLETED".equals(actions.get(i).get("STATUS"));
                assertThat(row.getCell(6).getStringCellValue().startsWith("Completed")).as("row %d", i + 3).isEqualTo(completed);
                assertThat(row.getCell(6).getStringCellValue()).contains("Recommendation: ");
                assertThat(row.getCell(2).getCellStyle().getWrapText()).isTrue();
            }
            assertThat(sheet.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 2);
            assertThat(sheet.getCTWorksheet().getAutoFilter().getRef()).startsWith("A2:G");
            assertThat(sheet.getPrintSetup().getLandscape()).isTrue();
            assertThat(sheet.getFitToPage()).isTrue();
            assertThat(sheet.getPrintSetup().getFitWidth()).isEqualTo((short) 1);
            assertThat(sheet.getHeader().getCenter()).isEqualTo(MARKING);
        }
    }

    @Test
    void homeOfficePdfNamesEveryRecommendationIsMarkedOnEveryPageAndIsPdfA() throws Exception {
        List<String> numbers = db.queryForList("SELECT number FROM recommendation WHERE review_id = 'DHR1'", String.class);
        assertThat(numbers).hasSize(37);
        Path pdf = out.resolve("DHR1-home-office-2016-05-31.pdf");
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            int pages = doc.getNumberOfPages();
            String text = BoardReportPdfTest.text(doc, 1, pages);
            // Column headings wrap over lines: the shorter ones are whole.
            assertThat(text).contains("Recommendation", "Action to take", "Lead agency", "Key milestones achieved", "Target date",
                    "action plan for the Home Office, as at 31 May 2016");
            for (String n : numbers) {
                assertThat(text).containsPattern("Recommendation " + n + "(?![0-9])");
            }
            assertThat(text).doesNotContain("null");
            for (int p = 1; p <= pages; p++) {
                String page = BoardReportPdfTest.text(doc, p, p);
                assertThat(page.split(MARKING, -1).length - 1).as("marking on page %d", p).isGreaterThanOrEqualTo(2);
                assertThat(page).contains("Page " + p + " of " + pages);
            }
            assertThat(doc.getDocumentInformation().getTitle()).contains(MARKING, "DHR1", "Home Office");
            assertThat(doc.getDocumentCatalog().getMarkInfo()).as("tagged PDF").isNotNull();
            assertThat(doc.getDocumentCatalog().getLanguage()).isEqualToIgnoringCase("en-GB");
        }
        PdfaCheck.assertCompliant(pdf);
    }

    // ---- Return packs

    @Test
    void eachAgencyWithOpenActionsGetsAPackOfExactlyThoseActionsInEveryReview() throws Exception {
        Map<String, Set<String>> open = new TreeMap<>();
        db.query("""
                SELECT a.agency_code, a.review_id, a.action_ref FROM action_status s JOIN action a ON a.action_id = s.action_id
                WHERE s.as_at = ? AND s.status <> 'COMPLETED'""", rs -> {
            open.computeIfAbsent(rs.getString(1), k -> new TreeSet<>()).add(rs.getString(2) + "/" + rs.getString(3));
        }, AS_AT);
        assertThat(open.get("GEH")).contains("DHR2/1a", "DHR2/1b").anyMatch(s -> s.startsWith("DHR1/"));

        Path folder = out.resolve("return-packs");
        Set<String> files;
        try (Stream<Path> list = Files.list(folder)) {
            files = new TreeSet<>(list.map(p -> p.getFileName().toString()).toList());
        }
        assertThat(files).isEqualTo(new TreeSet<>(open.keySet().stream().map(a -> "NABSCOP-" + a + "-return-pack-2016-05-31.xlsx").toList()));
        for (Map.Entry<String, Set<String>> agency : open.entrySet()) {
            try (XSSFWorkbook wb = open(folder.resolve("NABSCOP-" + agency.getKey() + "-return-pack-2016-05-31.xlsx"))) {
                XSSFSheet sheet = wb.getSheetAt(0);
                assertThat(sheet.getSheetName()).isEqualTo("Return");
                assertThat(cells(sheet.getRow(0)).subList(0, RETURN_COLUMNS.size())).isEqualTo(RETURN_COLUMNS);
                Set<String> listed = new TreeSet<>();
                for (int r = 1; r <= sheet.getLastRowNum(); r++) {
                    Row row = sheet.getRow(r);
                    listed.add(row.getCell(0).getStringCellValue() + "/" + row.getCell(1).getStringCellValue());
                    assertThat(row.getCell(2).getStringCellValue()).isEqualTo(agency.getKey());
                    assertThat(row.getCell(3).getLocalDateTimeCellValue().toLocalDate()).isEqualTo(AS_AT);
                    assertThat(row.getCell(4).getStringCellValue()).as("status left for the agency").isEmpty();
                }
                assertThat(listed).as(agency.getKey()).isEqualTo(agency.getValue());
            }
        }
    }

    @Test
    void onlyTheAnswerCellsAreUnlockedAndStatusAndDatesAreValidated() throws Exception {
        try (XSSFWorkbook wb = open(out.resolve("return-packs/NABSCOP-GEH-return-pack-2016-05-31.xlsx"))) {
            XSSFSheet sheet = wb.getSheet("Return");
            assertThat(sheet.getProtect()).as("sheet protected").isTrue();
            Row header = sheet.getRow(0);
            int last = sheet.getLastRowNum();
            for (int c = 0; c < header.getLastCellNum(); c++) {
                String column = header.getCell(c).getStringCellValue();
                boolean answer = RETURN_COLUMNS.indexOf(column) >= 4;
                assertThat(header.getCell(c).getCellStyle().getLocked()).as("header %s", column).isTrue();
                for (int r = 1; r <= last; r++) {
                    Cell cell = sheet.getRow(r).getCell(c);
                    boolean locked = cell == null || cell.getCellStyle().getLocked();
                    assertThat(locked).as("%s row %d locked", column, r + 1).isEqualTo(!answer);
                }
                if (!answer && c >= RETURN_COLUMNS.size()) {
                    assertThat(column).endsWith("(for reference)");
                }
            }
            Map<String, DataValidation> validations = new TreeMap<>();
            for (DataValidation v : sheet.getDataValidations()) {
                for (CellRangeAddress range : v.getRegions().getCellRangeAddresses()) {
                    assertThat(range.getFirstRow()).isEqualTo(1);
                    assertThat(range.getLastRow()).isEqualTo(last);
                    validations.put(header.getCell(range.getFirstColumn()).getStringCellValue(), v);
                }
            }
            assertThat(validations).containsOnlyKeys("Status", "Revised target date", "Completion date");
            DataValidation status = validations.get("Status");
            assertThat(status.getValidationConstraint().getValidationType()).isEqualTo(DataValidationConstraint.ValidationType.LIST);
            assertThat(status.getValidationConstraint().getExplicitListValues()).containsExactly("Not started", "In progress", "Completed");
            for (String date : List.of("Revised target date", "Completion date")) {
                DataValidation v = validations.get(date);
                assertThat(v.getValidationConstraint().getValidationType()).isEqualTo(DataValidationConstraint.ValidationType.DATE);
                assertThat(v.getShowErrorBox()).isTrue();
                assertThat(v.getErrorBoxText()).contains("31/05/2016");
            }
            // The marking: printed on every page, in the document properties and on the instructions.
            assertThat(sheet.getHeader().getCenter()).isEqualTo(MARKING);
            assertThat(sheet.getFooter().getCenter()).isEqualTo(MARKING);
            assertThat(wb.getProperties().getCoreProperties().getCategory()).isEqualTo(MARKING);
            XSSFSheet instructions = wb.getSheet("Instructions");
            assertThat(instructions.getRow(0).getCell(0).getStringCellValue()).isEqualTo(MARKING);
            StringBuilder text = new StringBuilder();
            instructions.forEach(r -> text.append(new DataFormatter().formatCellValue(r.getCell(0))).append('\n'));
            assertThat(text).contains("Not started, In progress or Completed", "31/05/2016", "send it to", "Protective marking: " + MARKING);
        }
    }

    @Test
    void aFilledInPackDroppedIntoTheInboxIsIngestedAsTheAgencysReturn() throws Exception {
        Path pack = out.resolve("return-packs/NABSCOP-GEH-return-pack-2016-05-31.xlsx");
        Path filled = home.inbox().resolve("GEH-return-filled.xlsx");
        List<String> refs = new ArrayList<>();
        int rows;
        try (XSSFWorkbook wb = open(pack); OutputStream o = Files.newOutputStream(filled)) {
            XSSFSheet sheet = wb.getSheet("Return");
            rows = sheet.getLastRowNum();
            assertThat(rows).isGreaterThanOrEqualTo(3);
            // As an agency would: two rows answered, the others left blank; who reported on every row.
            answer(sheet.getRow(1), "In progress", "Training plan agreed", null);
            answer(sheet.getRow(2), "Completed", "Done", "Published procedure");
            for (int r = 1; r <= rows; r++) {
                sheet.getRow(r).getCell(9).setCellValue("Safeguarding Lead");
            }
            refs.add(key(sheet.getRow(1)));
            refs.add(key(sheet.getRow(2)));
            wb.write(o);
        }
        int before = count("SELECT COUNT(*) FROM progress_update");

        JobExecution ingest = run(IngestReturnsJobConfiguration.JOB, params());

        assertThat(ingest.getExitStatus()).isEqualTo(ExitStatus.COMPLETED);
        assertThat(home.archive().resolve("GEH-return-filled.xlsx")).exists();
        assertThat(count("SELECT COUNT(*) FROM progress_update")).isEqualTo(before + 2);
        List<Map<String, Object>> applied = db.queryForList("""
                SELECT a.review_id, a.action_ref, u.agency_code, p.as_at, u.status, u.progress, u.evidence, u.completion_date,
                       u.reported_by, u.source_row
                FROM progress_update u JOIN action a ON a.action_id = u.action_id JOIN return_part p ON p.part_id = u.part_id JOIN return_file f ON f.return_file_id = p.return_file_id
                WHERE f.file_name = 'GEH-return-filled.xlsx' ORDER BY u.source_row""");
        assertThat(applied).hasSize(2);
        assertThat(applied.get(0)).containsEntry("STATUS", "IN_PROGRESS").containsEntry("PROGRESS", "Training plan agreed")
                .containsEntry("AGENCY_CODE", "GEH").containsEntry("REPORTED_BY", "Safeguarding Lead").containsEntry("SOURCE_ROW", 2);
        assertThat(applied.get(1)).containsEntry("STATUS", "COMPLETED").containsEntry("EVIDENCE", "Published procedure")
                .containsEntry("SOURCE_ROW", 3);
        for (int i = 0; i < 2; i++) {
            assertThat(applied.get(i).get("REVIEW_ID") + "/" + applied.get(i).get("ACTION_REF")).isEqualTo(refs.get(i));
            assertThat(applied.get(i).get("AS_AT").toString()).isEqualTo("2016-05-31");
        }
        assertThat(applied.get(1).get("COMPLETION_DATE").toString()).as("defaults to the as-at date").isEqualTo("2016-05-31");
    }

    @Test
    void aPackWithAStatusOutsideTheListIsRejectedNamingFileRowAndColumn() throws Exception {
        Path pack = out.resolve("return-packs/NABSCOP-GEH-return-pack-2016-05-31.xlsx");
        Path bad = home.inbox().resolve("GEH-return-bad.xlsx");
        try (XSSFWorkbook wb = open(pack); OutputStream o = Files.newOutputStream(bad)) {
            XSSFSheet sheet = wb.getSheet("Return");
            answer(sheet.getRow(1), "In progress", "Going well", null);
            // Typed past the drop-down (POI, like a script or another program, does not enforce it).
            answer(sheet.getRow(2), "Nearly done", "Almost", null);
            wb.write(o);
        }
        int before = count("SELECT COUNT(*) FROM progress_update");

        JobExecution ingest = run(IngestReturnsJobConfiguration.JOB, params());

        assertThat(ingest.getExitStatus().getExitCode()).isEqualTo(IngestReturnsJobConfiguration.WITH_REJECTIONS.getExitCode());
        assertThat(count("SELECT COUNT(*) FROM progress_update")).isEqualTo(before);
        assertThat(Files.readString(home.rejected().resolve("GEH-return-bad.xlsx.errors.txt")))
                .isEqualTo("OFFICIAL-SENSITIVE\nGEH-return-bad.xlsx, row 3, column Status: status must be Not started, In progress or Completed\n");
    }

    private static void answer(Row row, String status, String progress, String evidence) {
        row.getCell(4).setCellValue(status);
        row.getCell(5).setCellValue(progress);
        if (evidence != null) {
            row.getCell(6).setCellValue(evidence);
        }
    }

    private static String key(Row row) {
        return row.getCell(0).getStringCellValue() + "/" + row.getCell(1).getStringCellValue();
    }

    private static XSSFWorkbook open(Path file) throws Exception {
        try (InputStream in = Files.newInputStream(file)) {
            return new XSSFWorkbook(in);
        }
    }

    private static List<String> cells(Row row) {
        List<String> values = new ArrayList<>();
        row.forEach(c -> values.add(c.getStringCellValue()));
        return values;
    }
}
