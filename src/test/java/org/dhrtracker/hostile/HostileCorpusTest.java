package org.dhrtracker.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.dhrtracker.hostile.HostileCorpusFiles.MARK;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.assertj.core.api.SoftAssertions;
import org.dhrtracker.JobTestSupport;
import org.dhrtracker.intake.InboxFileWriter;
import org.dhrtracker.intake.IngestReturnsJobConfiguration;
import org.dhrtracker.reconcile.Assessor;
import org.dhrtracker.reconcile.Finding;
import org.dhrtracker.reconcile.Reconciler;
import org.dhrtracker.register.ImportRegisterJobConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.batch.core.ExitStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * The hostile corpus (src/test/resources/hostile/, see {@link HostileCorpusFiles}) through the real
 * jobs on a real database: each file of hostile/cases.csv is dropped into the inbox (under the name
 * the case gives, which git could not hold) and ingested, or imported as a register, and must give
 * exactly the outcome written there by hand. A rejected file leaves every table as it was (but the
 * refused rows kept for the findings) and lies in rejected/ with its problem lines; an accepted one
 * stores exactly the rows of its expected/ file and lies in archive/. No log line of the whole run
 * may hold a narrative (the corpus marks every narrative cell with {@link HostileCorpusFiles#MARK}).
 * Then the outcomes, as a table, must be docs/RELIABILITY.md's.
 */
@ExtendWith(OutputCaptureExtension.class)
class HostileCorpusTest extends JobTestSupport {

    static final Path CORPUS = HostileCorpusFiles.DIR;
    static final Path DOC = Path.of("docs", "RELIABILITY.md");
    static final String BEGIN = "<!-- corpus table: written by HostileCorpusTest, do not edit by hand -->";
    static final String END = "<!-- end of corpus table -->";
    static final String WRITE = "dhr.reliability.write";
    /** Every table an ingest or an import may write, but refused_update (compared by count). */
    static final List<String> TABLES = List.of("review", "agency", "recommendation", "recommendation_sub_item", "action",
            "return_file", "return_part", "progress_update", "action_status", "completion_decision");

    /** One line of cases.csv. */
    record Case(String id, String kind, String file, String dropAs, String exercises, String outcome, int count, String expect,
            String log, String finding) {

        String dropName() {
            return dropAs.isEmpty() ? Path.of(file.replaceFirst("^symlink:", "")).getFileName().toString() : unescape(dropAs);
        }

        List<String> problems() {
            return outcome.equals("REJECTED") ? List.of(expect.split(" \\| ")) : List.of();
        }
    }

    /** What a case gave. */
    record Result(String outcome, List<String> problems, int stored, int refused, List<String> rows) {
    }

    @Autowired
    Reconciler reconciler;

    @Autowired
    Assessor assessor;

    @Value("${dhr.marking}")
    String marking;

    @Test
    void everyCaseGivesItsOutcomeAndTheTableIsTheDocs(CapturedOutput output) throws Exception {
        List<Case> cases = manifest();
        assertThat(cases).hasSizeGreaterThanOrEqualTo(50);
        SoftAssertions softly = new SoftAssertions();
        Map<Case, Result> results = new LinkedHashMap<>();
        for (Case c : cases) {
            int from = output.getAll().length();
            Result result = run(c, softly);
            results.put(c, result);
            String log = output.getAll().substring(from);
            softly.assertThat(log).as(c.id() + ": the log holds no narrative").doesNotContain(MARK);
            if (!c.log().isEmpty()) {
                softly.assertThat(log).as(c.id() + ": the log").contains(c.log());
            }
        }
        softly.assertAll();
        checkDoc(render(results));
    }

    private Result run(Case c, SoftAssertions softly) throws Exception {
        resetHome();
        assertThat(importRegister(DEMO_REGISTER).getExitStatus()).isEqualTo(ExitStatus.COMPLETED);
        if (c.kind().equals("signoff")) {
            // The claim the sign-off files decide on: 28-POLICE, Completed as at 2016-03-31.
            Files.copy(CORPUS.resolve("signoffs/claims.csv"), home.inbox().resolve("claims.csv"));
            assertThat(stepContext(ingest(), IngestReturnsJobConfiguration.JOB).getInt(InboxFileWriter.ACCEPTED)).isEqualTo(1);
        }
        Map<String, List<String>> before = snapshot();
        int refusedBefore = count("SELECT COUNT(*) FROM refused_update");
        Result result = c.kind().equals("register") ? importRegister(c) : ingest(c, softly);
        int refused = count("SELECT COUNT(*) FROM refused_update") - refusedBefore;
        result = new Result(result.outcome(), result.problems(), result.stored(), refused, result.rows());

        String id = c.id() + " (" + c.file() + ")";
        softly.assertThat(result.outcome()).as(id + ": outcome").isEqualTo(c.outcome());
        if (c.outcome().equals("REJECTED")) {
            softly.assertThat(result.problems()).as(id + ": problems").containsExactlyElementsOf(c.problems());
            softly.assertThat(changes(before, snapshot())).as(id + ": the database is unchanged").isEmpty();
            softly.assertThat(refused).as(id + ": refused rows kept for the findings").isEqualTo(c.count());
        } else {
            softly.assertThat(result.problems()).as(id + ": problems").isEmpty();
            softly.assertThat(result.stored()).as(id + ": rows stored").isEqualTo(c.count());
            // A register's actions in any order (they are sorted), a return's updates and decisions in the file's.
            List<String> expected = expectedRows(c.expect());
            softly.assertThat(result.rows()).as(id + ": what was stored")
                    .containsExactlyElementsOf(c.kind().equals("register") ? expected.stream().sorted().toList() : expected);
        }
        if (!c.finding().isEmpty()) {
            String[] finding = c.finding().split(" ");
            LocalDate asAt = LocalDate.of(2016, 3, 31);
            reconciler.reconcile("DHR1", asAt);
            List<String> found = assessor.assess("DHR1", asAt).findings().stream()
                    .filter(f -> Objects.equals(f.actionRef(), finding[1])).map(Finding::code).map(Enum::name).toList();
            softly.assertThat(found).as(id + ": findings of " + finding[1]).contains(finding[0]);
        }
        return result;
    }

    /** Drops the case's file into the inbox under its name (a symbolic link for "symlink:") and runs ingest-returns. */
    private Result ingest(Case c, SoftAssertions softly) throws Exception {
        String name = c.dropName();
        Path dropped = home.inbox().resolve(name);
        if (c.file().startsWith("symlink:")) {
            Files.createSymbolicLink(dropped, CORPUS.resolve(c.file().substring("symlink:".length())).toAbsolutePath());
        } else {
            Files.copy(CORPUS.resolve(c.file()), dropped);
        }
        JobExecution run = ingest();
        String id = c.id() + " (" + c.file() + ")";
        softly.assertThat(run.getStatus().isUnsuccessful()).as(id + ": the job ran to its end").isFalse();
        softly.assertThat(list(home.inbox())).as(id + ": the inbox is empty").isEmpty();
        var counts = stepContext(run, IngestReturnsJobConfiguration.JOB);
        boolean signOff = c.kind().equals("signoff");
        int accepted = counts.getInt(signOff ? InboxFileWriter.SIGN_OFFS_ACCEPTED : InboxFileWriter.ACCEPTED, 0);
        int rejected = counts.getInt(signOff ? InboxFileWriter.SIGN_OFFS_REJECTED : InboxFileWriter.REJECTED, 0);
        int stored = counts.getInt(signOff ? InboxFileWriter.DECISIONS : InboxFileWriter.ROWS, 0);
        boolean archived = Files.exists(home.archive().resolve(name), LinkOption.NOFOLLOW_LINKS);
        boolean inRejected = Files.exists(home.rejected().resolve(name), LinkOption.NOFOLLOW_LINKS);
        String outcome = archived && accepted == 1 && rejected == 0 ? "ACCEPTED"
                : inRejected && rejected == 1 && accepted == 0 ? "REJECTED" : "archived " + archived + ", rejected " + inRejected;
        List<String> problems = new ArrayList<>();
        for (Path report : list(home.rejected())) {
            if (report.getFileName().toString().endsWith(".errors.txt")) {
                // The report's lines of problems (a line with the protective marking is not one).
                Files.readAllLines(report).stream().filter(l -> !l.isBlank() && !l.contains(marking)).forEach(problems::add);
            }
        }
        if (inRejected) {
            softly.assertThat(problems).as(id + ": an .errors.txt beside the rejected file").isNotEmpty();
        }
        List<String> rows = signOff ? rows("""
                SELECT a.review_id, a.action_ref, d.decision, d.reason, d.decided_by, d.decided_on
                FROM completion_decision d JOIN action a ON a.action_id = d.action_id ORDER BY d.decision_id""")
                : rows("""
                SELECT a.review_id, a.action_ref, u.agency_code, p.as_at, u.status, u.progress, u.evidence, u.revised_target_date,
                       u.completion_date, u.reported_by, u.source_row
                FROM progress_update u JOIN action a ON a.action_id = u.action_id JOIN return_part p ON p.part_id = u.part_id
                ORDER BY u.source_row""");
        return new Result(outcome, problems, stored, 0, rows);
    }

    /** Copies the case's file under its name and runs import-register on it. */
    private Result importRegister(Case c) throws Exception {
        Path dir = Path.of("target", "hostile-registers", c.id());
        if (Files.exists(dir)) {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        Files.createDirectories(dir);
        Path file = Files.copy(CORPUS.resolve(c.file()), dir.resolve(c.dropName()));
        JobExecution run = importRegister(file);
        String code = run.getExitStatus().getExitCode();
        String outcome = code.equals(ExitStatus.COMPLETED.getExitCode()) ? "ACCEPTED"
                : code.equals(ImportRegisterJobConfiguration.REJECTED.getExitCode()) ? "REJECTED" : code;
        List<String> problems = outcome.equals("REJECTED")
                ? List.of(run.getExitStatus().getExitDescription().split("\n")) : List.of();
        int stored = (int) run.getStepExecutions().iterator().next().getWriteCount();
        List<String> rows = rows("""
                SELECT a.review_id, r.number, r.text, a.action_ref, a.agency_code, g.name, a.action_text, a.evidence_of_achievement,
                       a.implementation_lead, a.target_date_text, a.due_date
                FROM action a JOIN recommendation r ON r.recommendation_id = a.recommendation_id
                JOIN agency g ON g.agency_code = a.agency_code WHERE a.review_id = 'DHR9' ORDER BY a.action_id""")
                .stream().sorted().toList();
        return new Result(outcome, problems, stored, 0, rows);
    }

    private JobExecution ingest() throws Exception {
        return run(IngestReturnsJobConfiguration.JOB, params());
    }

    /** Each row as its values joined by " ¦ ", blank for null, dates in ISO. */
    private List<String> rows(String sql) {
        return db.query(sql, (rs, i) -> {
            List<String> values = new ArrayList<>();
            for (int col = 1; col <= rs.getMetaData().getColumnCount(); col++) {
                Object v = rs.getObject(col);
                values.add(v == null ? "" : v.toString());
            }
            return String.join(" ¦ ", values);
        });
    }

    /** The expected/ file's rows, as {@link #rows} gives them. */
    private static List<String> expectedRows(String file) throws IOException {
        try (Reader in = Files.newBufferedReader(CORPUS.resolve("expected").resolve(file), StandardCharsets.UTF_8)) {
            return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(in).stream()
                    .map(r -> String.join(" ¦ ", r.toList())).toList();
        }
    }

    private Map<String, List<String>> snapshot() {
        Map<String, List<String>> tables = new LinkedHashMap<>();
        for (String table : TABLES) {
            tables.put(table, db.queryForList("SELECT * FROM " + table).stream().map(Object::toString).sorted().toList());
        }
        return tables;
    }

    /** "progress_update: 2 rows added, 0 removed" for each table that changed. */
    private static List<String> changes(Map<String, List<String>> before, Map<String, List<String>> after) {
        List<String> changes = new ArrayList<>();
        before.forEach((table, rows) -> {
            List<String> now = after.get(table);
            if (!now.equals(rows)) {
                long added = now.stream().filter(r -> !rows.contains(r)).count();
                long removed = rows.stream().filter(r -> !now.contains(r)).count();
                changes.add(table + ": " + added + " rows added or changed, " + removed + " removed or changed");
            }
        });
        return changes;
    }

    private static List<Path> list(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.toList();
        }
    }

    static List<Case> manifest() throws IOException {
        try (Reader in = Files.newBufferedReader(CORPUS.resolve("cases.csv"), StandardCharsets.UTF_8)) {
            List<Case> cases = new ArrayList<>();
            for (CSVRecord r : CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
                cases.add(new Case(r.get("case"), r.get("kind"), r.get("file"), r.get("drop as"), r.get("exercises"), r.get("outcome"),
                        Integer.parseInt(r.get("count")), r.get("expect"), r.get("log"), r.get("finding")));
            }
            return cases;
        }
    }

    /** The manifest's way of writing a name git cannot hold: \n, \t, \\ and \\uXXXX. */
    static String unescape(String s) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\\' || i + 1 == s.length()) {
                out.append(c);
                continue;
            }
            char n = s.charAt(++i);
            switch (n) {
                case 'n' -> out.append('\n');
                case 't' -> out.append('\t');
                case 'u' -> {
                    out.append((char) Integer.parseInt(s.substring(i + 1, i + 5), 16));
                    i += 4;
                }
                default -> out.append(n);
            }
        }
        return out.toString();
    }

    // ---- docs/RELIABILITY.md ----

    /** The table of outcomes, one row per case, from what the cases gave. */
    static String render(Map<Case, Result> results) {
        StringBuilder table = new StringBuilder("""
                | Case | File | What it exercises | Outcome | Messages, or what was stored |
                | --- | --- | --- | --- | --- |
                """);
        results.forEach((c, r) -> {
            String file = code(c.file()) + (c.dropAs().isEmpty() ? ""
                    : " dropped as " + (c.dropAs().length() > 60 ? code(c.dropAs().substring(0, 30) + "…") + " ("
                            + c.dropName().length() + " characters)" : code(c.dropAs())));
            String what;
            if (r.outcome().equals("ACCEPTED")) {
                String noun = switch (c.kind()) {
                    case "register" -> "action";
                    case "signoff" -> "decision";
                    default -> "update";
                };
                what = r.stored() + " " + noun + (r.stored() == 1 ? "" : "s") + " stored";
            } else {
                what = r.problems().stream().map(HostileCorpusTest::code).collect(Collectors.joining("<br>"))
                        + (r.refused() > 0 ? "<br>" + r.refused() + " refused row" + (r.refused() == 1 ? "" : "s")
                                + " kept for the findings" : "");
            }
            table.append("| ").append(c.id()).append(" | ").append(file).append(" | ").append(cell(c.exercises()))
                    .append(" | ").append(r.outcome()).append(" | ").append(what).append(" |\n");
        });
        return table.toString();
    }

    private static String code(String text) {
        return "`" + text.replace("|", "\\|").replace("`", "'") + "`";
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("<", "&lt;").replace("*", "\\*").replace("_", "\\_");
    }

    /** The doc's table must be the one rendered; with -Ddhr.reliability.write=true it is rewritten. */
    private static void checkDoc(String table) throws IOException {
        String doc = Files.readString(DOC);
        int begin = doc.indexOf(BEGIN);
        int end = doc.indexOf(END);
        assertThat(begin).as("docs/RELIABILITY.md has the corpus table's markers").isGreaterThanOrEqualTo(0);
        assertThat(end).isGreaterThan(begin);
        String written = doc.substring(begin + BEGIN.length(), end);
        String rendered = "\n" + table;
        if (written.equals(rendered)) {
            return;
        }
        if (Boolean.getBoolean(WRITE)) {
            Files.writeString(DOC, doc.substring(0, begin + BEGIN.length()) + rendered + doc.substring(end));
            return;
        }
        assertThat(written).as("docs/RELIABILITY.md's corpus table is not what the corpus gives: if the change is meant, "
                + "write it with mvn -o test -Dtest=HostileCorpusTest -D" + WRITE + "=true and commit it").isEqualTo(rendered);
    }
}
