package org.dhrtracker.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.dhrtracker.JobTestSupport;
import org.dhrtracker.intake.InboxFileWriter;
import org.dhrtracker.reconcile.ActionStatus;
import org.dhrtracker.report.ReportJobConfiguration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;

/**
 * The monthly job end to end on the demo data (the DHR1 register from seed 001 and the agencies'
 * returns): real jobs, real database, real PDF and workbook read back and compared with the
 * database and with the demo files themselves.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MonthlyJobFunctionalTest extends JobTestSupport {

    private static final LocalDate AS_AT = LocalDate.of(2016, 5, 31);
    private static final String MARKING = "OFFICIAL-SENSITIVE";

    private JobExecution monthly;
    private Path pdf;
    private Path workbook;
    private List<Path> demoReturns;
    private List<Path> demoSignOffs;

    @BeforeAll
    void runTheMonthlyJobOnTheDemoData() throws Exception {
        resetHome();
        assertThat(importRegister(DEMO_REGISTER).getExitStatus()).isEqualTo(ExitStatus.COMPLETED);
        List<Path> demoFiles;
        try (Stream<Path> files = Files.list(DEMO_RETURNS)) {
            demoFiles = files.filter(f -> f.toString().endsWith(".csv")).sorted().toList();
        }
        // Told apart by header, as the inbox does: a sign-off file has a Decision column.
        demoSignOffs = new ArrayList<>();
        for (Path f : demoFiles) {
            if (Files.readAllLines(f).get(0).contains(",Decision,")) {
                demoSignOffs.add(f);
            }
        }
        demoReturns = demoFiles.stream().filter(f -> !demoSignOffs.contains(f)).toList();
        assertThat(demoSignOffs).isNotEmpty();
        for (Path f : demoFiles) {
            Files.copy(f, home.inbox().resolve(f.getFileName()));
        }
        monthly = run(MonthlyJobConfiguration.JOB, params(AS_AT)
                .addString(ReportJobConfiguration.REPORTS, "board-pdf,workbook")
                .addString(ReportJobConfiguration.OUTPUT, "out/{partnership}"));
        pdf = home.out().resolve("NABSCOP/DHR1-board-report-2016-05-31.pdf");
        workbook = home.out().resolve("NABSCOP/DHR1-master-workbook-2016-05-31.xlsx");
    }

    @Test
    void everyDemoReturnIsAcceptedAndEveryRowKept() throws Exception {
        assertThat(monthly.getExitStatus()).isEqualTo(ExitStatus.COMPLETED);
        var intake = stepContext(monthly, "ingest-returns");
        assertThat(intake.getInt(InboxFileWriter.ACCEPTED)).isEqualTo(demoReturns.size());
        assertThat(intake.getInt(InboxFileWriter.REJECTED)).isZero();
        assertThat(count("SELECT COUNT(*) FROM progress_update")).isEqualTo(demoReturnRows().size());
        assertThat(intake.getInt(InboxFileWriter.SIGN_OFFS_ACCEPTED)).isEqualTo(demoSignOffs.size());
        assertThat(intake.getInt(InboxFileWriter.SIGN_OFFS_REJECTED)).isZero();
        assertThat(count("SELECT COUNT(*) FROM completion_decision")).isEqualTo(rows(demoSignOffs).size());
        assertThat(home.archive().toFile().list()).hasSize(demoReturns.size() + demoSignOffs.size());
    }

    @Test
    void registerHasTheThirtySevenRecommendationsOfTheReview() {
        assertThat(count("SELECT COUNT(*) FROM recommendation WHERE review_id = 'DHR1'")).isEqualTo(37);
        List<Integer> numbers = db.queryForList("SELECT CAST(number AS INT) FROM recommendation ORDER BY 1", Integer.class);
        assertThat(numbers).containsExactlyElementsOf(Stream.iterate(1, i -> i + 1).limit(37).toList());
        assertThat(count("SELECT COUNT(*) FROM recommendation r WHERE NOT EXISTS "
                + "(SELECT 1 FROM action a WHERE a.recommendation_id = r.recommendation_id)")).isZero();
    }

    @Test
    void recommendation28HasOneActionPerAgencyNamedInTheSeed() {
        List<String> agencies = db.queryForList("""
                SELECT a.agency_code FROM action a JOIN recommendation r ON r.recommendation_id = a.recommendation_id
                WHERE r.number = '28' ORDER BY a.agency_code""", String.class);
        // Seed 001, recommendation 28: one entry per agency.
        assertThat(agencies).containsExactlyInAnyOrder("POLICE", "CWPT", "GEH", "NBBC", "WMAS", "PROBATION", "HARMONI", "SWFT",
                "CHILDRENS");
    }

    @Test
    void workbookShowsEveryActionWithTheStatusOfTheDatabase() throws Exception {
        Map<String, String> dbStatus = new TreeMap<>();
        db.query("""
                SELECT a.action_ref, s.status FROM action_status s JOIN action a ON a.action_id = s.action_id
                WHERE s.as_at = ? AND s.review_id = 'DHR1'""", rs -> {
            dbStatus.put(rs.getString(1), ActionStatus.valueOf(rs.getString(2)).label());
        }, AS_AT);
        assertThat(dbStatus).hasSize(count("SELECT COUNT(*) FROM action"));

        assertThat(workbookStatuses()).isEqualTo(dbStatus);
    }

    @Test
    void actionsShowAsCompletedOnlyWhenTheCoordinatorAcceptedTheAgencysClaim() throws Exception {
        Set<String> completed = claimsDecided(AS_AT, "Accept");
        Set<String> claimed = claimsDecided(AS_AT, null);
        assertThat(completed).isNotEmpty();
        assertThat(claimed).isNotEmpty();
        assertThat(claimsDecided(AS_AT, "Reject")).isNotEmpty();

        assertThat(workbookRefsShowing("Completed")).isEqualTo(completed);
        assertThat(pdfSummaryCount(ActionStatus.COMPLETED)).isEqualTo(completed.size());
        assertThat(workbookRefsShowing(ActionStatus.CLAIMED.label())).isEqualTo(claimed);
        assertThat(pdfSummaryCount(ActionStatus.CLAIMED)).isEqualTo(claimed.size());
        // The plan says why an action the agency calls completed is not: "Completion claim rejected 31 May 2016: ..."
        assertThat(pdfText().replaceAll("\\s+", " ")).contains("Completion claim rejected 31 May 2016: No evidence supplied")
                .contains("Completion claimed (31 May 2016): awaiting sign-off");
    }

    @Test
    void anEarlierDateCountsOnlyTheReturnsAndDecisionsUpToIt() throws Exception {
        LocalDate earlier = LocalDate.of(2015, 3, 31);
        run(org.dhrtracker.reconcile.ReconcileJobConfiguration.JOB, params(earlier));
        Map<String, String> stored = new TreeMap<>();
        db.query("SELECT a.action_ref, s.status FROM action_status s JOIN action a ON a.action_id = s.action_id WHERE s.as_at = ?",
                rs -> {
                    stored.put(rs.getString(1), rs.getString(2));
                }, earlier);
        Set<String> completed = claimsDecided(earlier, "Accept");
        Set<String> claimed = claimsDecided(earlier, null);
        assertThat(claimed).isNotEmpty();

        assertThat(refsWith(stored, "COMPLETED")).isEqualTo(completed);
        assertThat(refsWith(stored, "CLAIMED")).isEqualTo(claimed);
    }

    private static Set<String> refsWith(Map<String, String> statuses, String status) {
        return statuses.entrySet().stream().filter(e -> e.getValue().equals(status)).map(Map.Entry::getKey)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    void anActionPastItsTargetAndNotCompletedShowsAsOverdue() throws Exception {
        Map<String, Map<String, String>> latest = latestReturnByAction(AS_AT);
        Set<String> rejected = claimsDecided(AS_AT, "Reject");
        // Overdue by the demo files and the register's due dates: not completed nor claimed (a
        // rejected claim leaves the action open), due date (or the latest revised target the agency
        // gave) before the as-at date.
        Set<String> expected = new TreeSet<>();
        db.query("SELECT action_ref, due_date FROM action", rs -> {
            String ref = rs.getString(1);
            Map<String, String> last = latest.get(ref);
            LocalDate due = rs.getObject(2, LocalDate.class);
            String revised = revisedTarget(ref);
            if (revised != null) {
                due = LocalDate.parse(revised);
            }
            boolean completed = last != null && last.get("Status").equalsIgnoreCase("Completed") && !rejected.contains(ref);
            if (!completed && due != null && due.isBefore(AS_AT)) {
                expected.add(ref);
            }
        });
        // Recommendation 3: target 31 March 2015, still in progress at 31 May 2016.
        assertThat(expected).contains("3");

        assertThat(workbookRefsShowing("Overdue")).isEqualTo(expected);
        assertThat(pdfSummaryCount(ActionStatus.OVERDUE)).isEqualTo(expected.size());
        // The board's exceptions list names each of them, a line each: "3 Safer Warwickshire Partnership Board ..."
        String text = pdfText();
        String exceptions = text.substring(text.indexOf("\nExceptions\n"), text.indexOf("\nAction plan\n"));
        Set<String> listed = exceptions.lines().map(l -> l.split(" ")[0]).filter(expected::contains).collect(Collectors.toCollection(TreeSet::new));
        assertThat(listed).isEqualTo(expected);
        assertThat(exceptions).contains("Overdue (Red)");
    }

    @Test
    void boardSummaryCountsEqualTheDatabase() throws Exception {
        for (ActionStatus status : ActionStatus.values()) {
            assertThat(pdfSummaryCount(status)).as(status.label())
                    .isEqualTo(count("SELECT COUNT(*) FROM action_status WHERE as_at = ? AND status = ?", AS_AT, status.name()));
        }
    }

    @Test
    void boardReportCarriesTheMarkingOnEveryPageAndPageNumbers() throws Exception {
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            int pages = doc.getNumberOfPages();
            assertThat(pages).isGreaterThan(1);
            PDFTextStripper stripper = new PDFTextStripper();
            for (int p = 1; p <= pages; p++) {
                stripper.setStartPage(p);
                stripper.setEndPage(p);
                String text = stripper.getText(doc);
                assertThat(text).as("page %d", p).contains(MARKING).contains("Page " + p + " of " + pages);
            }
        }
        assertThat(pdfText()).contains("Nuneaton Domestic Homicide Review (DHR1)").contains("31 May 2016");
    }

    // ---- reading the outputs back

    /** The count the board report's summary table gives for a status: "Completed  Green  75". */
    private int pdfSummaryCount(ActionStatus status) throws IOException {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(status.label()) + "\\s+" + status.rag().word() + "\\s+(\\d+)$")
                .matcher(pdfText());
        assertThat(m.find()).as("summary line for %s", status.label()).isTrue();
        return Integer.parseInt(m.group(1));
    }

    private Set<String> workbookRefsShowing(String statusLabel) throws IOException {
        return workbookStatuses().entrySet().stream().filter(e -> e.getValue().equals(statusLabel)).map(Map.Entry::getKey)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private String pdfText() throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            return new PDFTextStripper().getText(doc);
        }
    }

    /** Action ref → status label, from the "Action plan" sheet (marking in row 1, headers in row 2). */
    private Map<String, String> workbookStatuses() throws IOException {
        DataFormatter formatter = new DataFormatter(java.util.Locale.ROOT);
        Map<String, String> statuses = new TreeMap<>();
        try (Workbook wb = WorkbookFactory.create(workbook.toFile(), null, true)) {
            Sheet sheet = wb.getSheet("Action plan");
            assertThat(formatter.formatCellValue(sheet.getRow(0).getCell(0))).contains(MARKING);
            Map<String, Integer> columns = new HashMap<>();
            sheet.getRow(1).forEach(c -> columns.put(formatter.formatCellValue(c), c.getColumnIndex()));
            int ref = columns.get("Action ref");
            int status = columns.get("Status");
            for (int r = 2; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                statuses.put(formatter.formatCellValue(row.getCell(ref)), formatter.formatCellValue(row.getCell(status)));
            }
        }
        return statuses;
    }

    // ---- the demo files themselves, read independently of the application

    private List<CSVRecord> demoReturnRows() throws IOException {
        return rows(demoReturns);
    }

    private static List<CSVRecord> rows(List<Path> files) throws IOException {
        List<CSVRecord> rows = new ArrayList<>();
        for (Path f : files) {
            try (Reader in = Files.newBufferedReader(f)) {
                CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(in).forEach(rows::add);
            }
        }
        return rows;
    }

    /**
     * The actions whose latest demo return up to the date says Completed (a claim) and whose latest
     * demo sign-off decided on or after that return and on or before the date is the decision
     * given (Accept, Reject; null: no such decision, the claim awaits sign-off).
     */
    private Set<String> claimsDecided(LocalDate at, String decision) throws IOException {
        Map<String, Map<String, String>> latest = latestReturnByAction(at);
        List<CSVRecord> decisions = rows(demoSignOffs);
        Set<String> refs = new TreeSet<>();
        latest.forEach((ref, row) -> {
            if (!row.get("Status").equalsIgnoreCase("Completed")) {
                return;
            }
            LocalDate claimed = LocalDate.parse(row.get("As at"));
            String last = null;
            LocalDate lastOn = null;
            for (CSVRecord d : decisions) {
                LocalDate on = LocalDate.parse(d.get("Decided on"));
                if (d.get("Action ref").equals(ref) && !on.isBefore(claimed) && !on.isAfter(at)
                        && (lastOn == null || !on.isBefore(lastOn))) {
                    last = d.get("Decision");
                    lastOn = on;
                }
            }
            if (java.util.Objects.equals(last, decision)) {
                refs.add(ref);
            }
        });
        return refs;
    }

    /** Action ref → the latest row (by as-at date) of the demo returns up to the date. */
    private Map<String, Map<String, String>> latestReturnByAction(LocalDate at) throws IOException {
        Map<String, Map<String, String>> latest = new HashMap<>();
        for (CSVRecord row : demoReturnRows()) {
            LocalDate asAt = LocalDate.parse(row.get("As at"));
            if (asAt.isAfter(at)) {
                continue;
            }
            latest.merge(row.get("Action ref"), row.toMap(),
                    (a, b) -> LocalDate.parse(b.get("As at")).isAfter(LocalDate.parse(a.get("As at"))) ? b : a);
        }
        return latest;
    }

    /** The latest revised target date the agency gave for an action, or null. */
    private String revisedTarget(String ref) {
        try {
            return demoReturnRows().stream().filter(r -> r.get("Action ref").equals(ref) && !r.get("Revised target date").isBlank())
                    .filter(r -> !LocalDate.parse(r.get("As at")).isAfter(AS_AT))
                    .max((a, b) -> a.get("As at").compareTo(b.get("As at"))).map(r -> r.get("Revised target date")).orElse(null);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
