package org.dhrtracker.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.dhrtracker.JobTestSupport;
import org.dhrtracker.TestDatabase;
import org.dhrtracker.intake.IngestReturnsJobConfiguration;
import org.dhrtracker.schedule.MonthlyJobConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.ExitStatus;

/**
 * What the national month asks of the database must grow in proportion to the country. The month is
 * run on generated data of 20 and then 60 reviews with HSQLDB logging every statement it executes;
 * then every query is counted, and every query run more often in the larger country (per file,
 * review or partnership) is explained. The benchmark found a month fifteen times slower after a change whose queries, run
 * per review, read the whole country's recommendations ({@code ? IS NULL OR review_id = ?} uses no
 * index); the tests, which assert counts and never times, did not. This one fails on such a change:
 * a query repeated per review or partnership that scans a whole table of the country, or a query
 * run more often than the data grows. Counts and plans, not times: it can fail, never flicker.
 */
class MonthCostTest extends JobTestSupport {

    private static final LocalDate AS_AT = Benchmark.AS_AT;
    /** One statement of HSQLDB's SQL log: its time, session, text and parameters. */
    private static final Pattern ENTRY = Pattern.compile("^\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{3} \\d+ ", Pattern.MULTILINE);
    private static final Pattern PARAMETER = Pattern.compile(":\\d+ ");
    /** A list of parameters, as an IN list of a transaction's files has: its length is the transaction's, not the query's. */
    private static final Pattern IN_LIST = Pattern.compile("IN \\(\\s*\\?(?:\\s*,\\s*\\?)*\\s*\\)");
    /** The values of a statement's parameters at its end: literals, strings quoted. */
    private static final Pattern VALUES = Pattern.compile("\\s+\\((?:[^()']|'[^']*')*\\)\\s*$");

    /** The tables that grow with the country. The Batch job repository grows with the runs, not the country. */
    private static final Set<String> NATIONAL_TABLES = Set.of("REVIEW", "RECOMMENDATION", "ACTION", "ACTION_KEY", "PROGRESS_UPDATE", "ACTION_STATUS",
            "RETURN_FILE", "REFUSED_UPDATE", "NATIONAL_LETTER", "COMPLETION_DECISION", "AGENCY", "RECOMMENDATION_SUB_ITEM");

    @Test
    void theMonthsQueriesGrowWithTheCountryAndNoneRepeatedScansATable() throws Exception {
        TestDatabase.assumeFileDatabases();
        Map<String, Integer> small = queriesOfTheMonth(0.01);
        Map<String, Integer> large = queriesOfTheMonth(0.03);

        assertThat(small).as("queries logged").isNotEmpty();
        assertThat(large.keySet()).as("the same queries at three times the country").isEqualTo(small.keySet());
        int smallTotal = small.values().stream().mapToInt(Integer::intValue).sum();
        int largeTotal = large.values().stream().mapToInt(Integer::intValue).sum();
        // three times the reviews, partnerships, files and actions: at most three times the queries, and a few
        // more for what is done once per run
        assertThat(largeTotal).as("queries at 60 reviews against %d at 20", smallTotal).isLessThanOrEqualTo(3 * smallTotal + 50);
        List<String> faster = new ArrayList<>();
        small.forEach((sql, n) -> {
            if (large.get(sql) > 3 * n + 5) {
                faster.add(n + " -> " + large.get(sql) + ": " + sql);
            }
        });
        assertThat(faster).as("queries run more than three times as often for three times the country").isEmpty();

        List<String> scans = new ArrayList<>();
        for (Map.Entry<String, Integer> q : large.entrySet()) {
            // run more often in a larger country: per file, review or partnership
            if (q.getValue() > small.get(q.getKey())) {
                scanned(explain(q.getKey())).forEach(t -> scans.add(t + " scanned by a query run " + q.getValue() + " times: " + q.getKey()));
            }
        }
        assertThat(scans).as("whole tables of the country read by a query run per file, review or partnership").isEmpty();

        // A transaction's files are checked for duplicates, recorded and given ids together: once per transaction, not per file.
        long transactions = (returnFiles + IngestReturnsJobConfiguration.FILES_PER_TRANSACTION - 1) / IngestReturnsJobConfiguration.FILES_PER_TRANSACTION;
        assertThat(returnFiles).as("returns of the month").isGreaterThan(3 * IngestReturnsJobConfiguration.FILES_PER_TRANSACTION);
        large.forEach((sql, n) -> {
            if (sql.contains("FROM return_file") || sql.contains("FROM update_id_block")) {
                assertThat(n).as("%s, for %d returns", sql, returnFiles).isLessThanOrEqualTo((int) transactions);
            }
        });
        assertThat(large.keySet()).as("the duplicate check, by content").anyMatch(sql -> sql.contains("FROM return_file WHERE sha256 IN (?)"));
    }

    /** How many returns the last month run had. */
    private long returnFiles;

    /** Runs the national month at the scale with the SQL log on; every query it ran, with how many times. */
    private Map<String, Integer> queriesOfTheMonth(double scale) throws Exception {
        resetHome();
        NationalData data = new NationalData(NationalData.Shape.national(scale, 1, AS_AT, Benchmark.SEED));
        Path generated = Files.createDirectories(home.root().resolve("generated"));
        for (Path register : data.writeRegisters(generated)) {
            assertThat(importRegister(register).getExitStatus()).isEqualTo(ExitStatus.COMPLETED);
        }
        data.writeReturns(home.inbox(), AS_AT);
        try (var inbox = Files.list(home.inbox())) {
            returnFiles = inbox.count();
        }
        Path log = home.root().resolve("db").resolve("dhr.sql.log");
        Files.deleteIfExists(log);
        db.execute("SET DATABASE EVENT LOG SQL LEVEL 3");
        try {
            assertThat(run(MonthlyJobConfiguration.JOB, MonthlyJobConfiguration.parameters(params(), Benchmark.NATIONAL, AS_AT, null))
                    .getExitStatus()).isEqualTo(ExitStatus.COMPLETED);
        } finally {
            db.execute("SET DATABASE EVENT LOG SQL LEVEL 0");
        }
        try {
            return queries(Files.readString(log, StandardCharsets.UTF_8));
        } finally {
            // the log holds the parameters of every insert: the generated narrative, never kept
            Files.deleteIfExists(log);
        }
    }

    /** The queries of the log (SELECTs, parameters as ?) with the times each ran. */
    static Map<String, Integer> queries(String log) {
        Map<String, Integer> counts = new TreeMap<>();
        Matcher m = ENTRY.matcher(log);
        List<Integer> starts = new ArrayList<>();
        while (m.find()) {
            starts.add(m.end());
        }
        for (int i = 0; i < starts.size(); i++) {
            String entry = log.substring(starts.get(i), i + 1 < starts.size() ? log.lastIndexOf('\n', starts.get(i + 1) - 1) : log.length());
            // the parameters' values follow a statement that has some, in brackets
            String sql = PARAMETER.matcher(entry).find() ? VALUES.matcher(entry).replaceFirst("") : entry.strip();
            if (sql.regionMatches(true, 0, "SELECT", 0, 6) || sql.regionMatches(true, 0, "WITH", 0, 4)) {
                String normalized = PARAMETER.matcher(sql + " ").replaceAll("? ").strip().replaceAll("\\s+", " ");
                counts.merge(IN_LIST.matcher(normalized).replaceAll("IN (?)"), 1, Integer::sum);
            }
        }
        return counts;
    }

    private String explain(String sql) {
        return String.join("\n", db.queryForList("EXPLAIN PLAN FOR " + sql, String.class));
    }

    /** The national tables a plan reads whole: HSQLDB's "access=FULL SCAN" under the table's range variable. */
    static List<String> scanned(String plan) {
        List<String> tables = new ArrayList<>();
        for (String range : plan.split("\\[range variable ")) {
            Matcher table = Pattern.compile("\\btable=(\\S+)").matcher(range);
            if (range.contains("access=FULL SCAN") && table.find()
                    && NATIONAL_TABLES.contains(table.group(1).toUpperCase(java.util.Locale.ROOT))) {
                tables.add(table.group(1));
            }
        }
        return tables;
    }

    @Test
    void theLogIsReadAsHsqldbWritesIt() throws IOException {
        String log = """
                2026-12-03 00:06:26.088 2 SELECT v FROM t WHERE r = :0  (0)
                2026-12-03 00:06:26.088 2 COMMIT\s
                2026-12-03 00:06:26.091 2 SELECT v FROM t
                WHERE r = :0 AND s = :1  (1,'x')
                2026-12-03 00:06:26.093 2 SELECT v FROM t WHERE r = :0\s
                 ('a (b)')
                2026-12-03 00:06:26.094 2 INSERT INTO t VALUES (:0 , :1 )  (1,'a')
                2026-12-03 00:06:26.095 2 SELECT v FROM t WHERE s IN (:0 , :1 , :2 )  ('a','b','c')
                2026-12-03 00:06:26.096 2 SELECT v FROM t WHERE s IN (:0 , :1 )  ('a','b')
                """;
        assertThat(queries(log)).containsExactlyEntriesOf(new TreeMap<>(Map.of("SELECT v FROM t WHERE r = ?", 2,
                "SELECT v FROM t WHERE r = ? AND s = ?", 1, "SELECT v FROM t WHERE s IN (?)", 2)));
        assertThat(scanned("""
                [range variable 1
                  join type=INNER
                  table=ACTION
                  alias=A
                  cardinality=1500
                  access=FULL SCAN
                [range variable 2
                  table=REVIEW
                  cardinality=20
                  access=INDEX PRED""")).containsExactly("ACTION");
    }
}
