package org.dhrtracker.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Date;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.dhrtracker.SqlDates;
import org.dhrtracker.intake.IngestReturnsJobConfiguration;
import org.dhrtracker.intake.ReturnRepository;
import org.dhrtracker.reconcile.Assessor.Assessment;
import org.dhrtracker.report.PartnershipReportPdf;
import org.dhrtracker.report.ReportData;
import org.dhrtracker.report.StreamedWorkbook;

/**
 * The floor of each stage of the monthly run: the same work done with the libraries alone, on the
 * same data, with nothing of the product around them. What the product adds on top of a floor is
 * its checks, its bookkeeping and its structure; the ratio of the two says how much that costs.
 *
 * <ul>
 * <li>intake: the month's return files parsed with Commons CSV, and their rows batch-inserted with
 * plain JDBC into a copy of the database taken before the month (same tables, indexes, constraints
 * and history; the product's HSQLDB settings), committed every {@link #FILES_PER_COMMIT} files as
 * the product commits (each review's action keys read when a row first names it);
 * <li>reconcile: on that copy, the updates and the actions read by ranges of 50,000 action ids, and a
 * status row per action batch-inserted, a transaction per range;
 * <li>report data: each review's actions (with their status and last update) and updates read
 * with one query each;
 * <li>partnership reports: the same partnership reports filled and exported by JasperReports from rows
 * already in memory;
 * <li>national workbook: the same cells written with SXSSF, without styles.
 * </ul>
 */
final class Floors {

    static final int FILES_PER_COMMIT = IngestReturnsJobConfiguration.FILES_PER_TRANSACTION;

    /**
     * What a floor did: rows, seconds on the clock, the moments it ran between, and the CPU seconds of
     * its thread when it timed them itself (NaN: see the watch for those moments).
     */
    record Measured(long rows, double seconds, long from, long to, double cpuSeconds) {
        Measured(long rows, double seconds, long from, long to) {
            this(rows, seconds, from, to, Double.NaN);
        }
    }

    private static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory.getThreadMXBean();

    private final Path dir;
    private final String hsqldbSettings;

    /**
     * @param dir where the floors write (their databases and files)
     * @param hsqldbSettings the product's HSQLDB URL properties, e.g. ";hsqldb.default_table_type=cached;..."
     */
    Floors(Path dir, String hsqldbSettings) {
        this.dir = dir;
        this.hsqldbSettings = hsqldbSettings;
    }

    interface Work {
        long run() throws Exception;
    }

    private Measured measure(Work work) throws Exception {
        System.gc();
        long from = System.currentTimeMillis();
        long start = System.nanoTime();
        long rows = work.run();
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Measured(rows, seconds, from, System.currentTimeMillis());
    }

    /** Every record of the files parsed, every value touched; the header rows are not counted. */
    Measured csvParse(List<Path> files) throws Exception {
        return measure(() -> {
            long rows = 0;
            long chars = 0;
            for (Path f : files) {
                for (List<String> row : parse(f)) {
                    for (String v : row) {
                        chars += v.length();
                    }
                    rows++;
                }
                rows--;
            }
            return chars >= 0 ? rows : 0;
        });
    }

    private static List<List<String>> parse(Path file) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (CSVRecord r : CSVFormat.RFC4180.parse(in)) {
                rows.add(r.toList());
            }
        }
        return rows;
    }

    /**
     * The month's files applied with plain JDBC to the copy of the database taken before the month,
     * {@link #FILES_PER_COMMIT} files to a transaction, as the product writes them: the files' records
     * batch-inserted and their ids read back by content, one block of ids reserved, then the files'
     * parts (a row per file, review and as-at date) and rows batch-inserted into the same tables (same
     * indexes and constraints, same history); each review's action keys read when a row first names it.
     * Only the parsing, done beforehand file by file, is not timed.
     */
    Measured jdbcInsert(Connection c, List<Path> files) throws Exception {
        long nanos = 0;
        long cpu = 0;
        long started = System.currentTimeMillis();
        long t = System.nanoTime();
        long c0 = THREADS.getCurrentThreadCpuTime();
        // Each review's action keys read when a row first names it, the current partnership's kept: the files come
        // partnership by partnership, and ten times the country's keys would not fit in the heap together.
        Map<String, Long> actions = new HashMap<>();
        java.util.Set<String> read = new java.util.HashSet<>();
        PreparedStatement keys = c.prepareStatement("SELECT action_ref, action_id FROM action_key WHERE review_id = ?");
        nanos += System.nanoTime() - t;
        cpu += THREADS.getCurrentThreadCpuTime() - c0;
        long rows = 0;
        Timestamp received = Timestamp.from(Instant.now());
        try (PreparedStatement file = c.prepareStatement("INSERT INTO return_file (file_name, sha256, received_at, row_count) VALUES (?, ?, ?, ?)");
                PreparedStatement part = c.prepareStatement("""
                        INSERT INTO return_part (part_id, return_file_id, review_id, as_at, first_update_id, last_update_id) VALUES (?, ?, ?, ?, ?, ?)""");
                PreparedStatement reserve = c.prepareStatement("UPDATE update_id_block SET next_update_id = next_update_id + ?");
                PreparedStatement reserved = c.prepareStatement("SELECT next_update_id FROM update_id_block");
                PreparedStatement insert = c.prepareStatement("""
                        INSERT INTO progress_update (update_id, part_id, action_id, agency_code, status, progress, evidence,
                          revised_target_date, completion_date, reported_by, source_row)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
            for (int first = 0; first < files.size(); first += FILES_PER_COMMIT) {
                List<Path> group = files.subList(first, Math.min(files.size(), first + FILES_PER_COMMIT));
                List<List<List<String>>> parsed = new ArrayList<>();
                for (Path f : group) {
                    parsed.add(parse(f));
                }
                t = System.nanoTime();
                c0 = THREADS.getCurrentThreadCpuTime();
                int groupRows = 0;
                for (int f = 0; f < group.size(); f++) {
                    file.setString(1, group.get(f).getFileName().toString());
                    file.setString(2, String.format("%064d", first + f));
                    file.setTimestamp(3, received);
                    file.setInt(4, parsed.get(f).size() - 1);
                    file.addBatch();
                    groupRows += parsed.get(f).size() - 1;
                }
                file.executeBatch();
                Map<String, Long> fileIds = new HashMap<>();
                try (PreparedStatement ids = c.prepareStatement("SELECT sha256, return_file_id FROM return_file WHERE sha256 IN ("
                        + String.join(", ", java.util.Collections.nCopies(group.size(), "?")) + ")")) {
                    for (int f = 0; f < group.size(); f++) {
                        ids.setString(f + 1, String.format("%064d", first + f));
                    }
                    try (ResultSet rs = ids.executeQuery()) {
                        while (rs.next()) {
                            fileIds.put(rs.getString(1), rs.getLong(2));
                        }
                    }
                }
                reserve.setInt(1, groupRows);
                reserve.executeUpdate();
                long id;
                try (ResultSet next = reserved.executeQuery()) {
                    next.next();
                    id = next.getLong(1) - groupRows;
                }
                for (int f = 0; f < group.size(); f++) {
                    List<List<String>> fileRows = parsed.get(f);
                    long fileId = fileIds.get(String.format("%064d", first + f));
                    // the file's rows in parts (a review and as-at date each), consecutive ids from the block
                    Map<String, List<Integer>> parts = new java.util.LinkedHashMap<>();
                    for (int r = 1; r < fileRows.size(); r++) {
                        parts.computeIfAbsent(fileRows.get(r).get(0) + "|" + fileRows.get(r).get(3), k -> new ArrayList<>()).add(r);
                    }
                    for (List<Integer> partRows : parts.values()) {
                        List<String> head = fileRows.get(partRows.get(0));
                        Date asAt = Date.valueOf(LocalDate.parse(head.get(3)));
                        long partId = id;
                        part.setLong(1, partId);
                        part.setLong(2, fileId);
                        part.setString(3, head.get(0));
                        part.setDate(4, asAt);
                        part.setLong(5, id);
                        part.setLong(6, id + partRows.size() - 1);
                        part.addBatch();
                        for (int r : partRows) {
                            List<String> v = fileRows.get(r);
                            if (read.add(v.get(0))) {
                                if (read.size() > 64) {
                                    actions.clear();
                                    read.clear();
                                    read.add(v.get(0));
                                }
                                keys.setString(1, v.get(0));
                                try (ResultSet rs = keys.executeQuery()) {
                                    while (rs.next()) {
                                        actions.put(v.get(0) + "|" + rs.getString(1), rs.getLong(2));
                                    }
                                }
                            }
                            insert.setLong(1, id++);
                            insert.setLong(2, partId);
                            insert.setLong(3, actions.get(v.get(0) + "|" + v.get(1)));
                            insert.setString(4, v.get(2));
                            insert.setString(5, v.get(4).toUpperCase(java.util.Locale.ROOT).replace(' ', '_'));
                            insert.setString(6, emptyToNull(v.get(5)));
                            insert.setString(7, emptyToNull(v.get(6)));
                            insert.setDate(8, date(v.get(7)));
                            insert.setDate(9, date(v.get(8)));
                            insert.setString(10, emptyToNull(v.get(9)));
                            insert.setInt(11, r + 1);
                            insert.addBatch();
                            rows++;
                        }
                    }
                }
                part.executeBatch();
                insert.executeBatch();
                c.commit();
                nanos += System.nanoTime() - t;
                cpu += THREADS.getCurrentThreadCpuTime() - c0;
            }
        }
        keys.close();
        return new Measured(rows, nanos / 1e9, started, System.currentTimeMillis(), cpu / 1e9);
    }

    /**
     * Reconciling with plain JDBC on the copy of the database (after {@link #jdbcInsert}), review by
     * review as the product does: the review's updates up to the date read through its parts (the
     * latest of each action kept) and its actions' due dates, and a status row per action
     * batch-inserted into the same table, {@link #REVIEWS_PER_COMMIT} reviews a transaction.
     */
    Measured reconcile(Connection c, LocalDate asAt, List<String> reviews) throws Exception {
        return measure(() -> {
            long rows = 0;
            Timestamp now = Timestamp.from(Instant.now());
            try (PreparedStatement delete = c.prepareStatement("DELETE FROM action_status WHERE as_at = ?")) {
                delete.setDate(1, Date.valueOf(asAt));
                delete.executeUpdate();
            }
            try (PreparedStatement updates = c.prepareStatement("""
                    SELECT u.action_id, u.update_id, p.as_at, u.status, u.revised_target_date, u.evidence
                    FROM return_part p JOIN """ + ReturnRepository.UPDATES_OF_PART + """
                    WHERE p.review_id = ? AND p.as_at <= ? ORDER BY u.action_id, p.as_at, u.update_id""");
                    PreparedStatement actions = c.prepareStatement(
                            "SELECT action_id, review_id, due_date, recommendation_id FROM action WHERE review_id = ?");
                    PreparedStatement insert = c.prepareStatement("""
                            INSERT INTO action_status (as_at, action_id, review_id, recommendation_id, status, rag, due_date, last_update_id,
                                                       reconciled_at)
                            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
                for (int r = 0; r < reviews.size(); r++) {
                    Map<Long, long[]> latest = new HashMap<>();
                    updates.setString(1, reviews.get(r));
                    updates.setDate(2, Date.valueOf(asAt));
                    try (ResultSet rs = updates.executeQuery()) {
                        while (rs.next()) {
                            LocalDate revised = SqlDates.get(rs, 5);
                            rs.getString(6);
                            latest.put(rs.getLong(1), new long[] {rs.getLong(2), SqlDates.get(rs, 3).toEpochDay(), rs.getString(4).length(),
                                revised == null ? 0 : revised.toEpochDay()});
                        }
                    }
                    actions.setString(1, reviews.get(r));
                    try (ResultSet rs = actions.executeQuery()) {
                        while (rs.next()) {
                            long[] l = latest.get(rs.getLong(1));
                            insert.setDate(1, Date.valueOf(asAt));
                            insert.setLong(2, rs.getLong(1));
                            insert.setString(3, rs.getString(2));
                            insert.setLong(4, rs.getLong(4));
                            insert.setString(5, l == null ? "NO_RETURN" : "ON_TRACK");
                            insert.setString(6, l == null ? "AMBER" : "GREEN");
                            insert.setObject(7, SqlDates.get(rs, 3));
                            insert.setObject(8, l == null ? null : l[0]);
                            insert.setTimestamp(9, now);
                            insert.addBatch();
                            rows++;
                        }
                    }
                    insert.executeBatch();
                    // A transaction's new rows stay in memory until it commits, as for the product's reconcile.
                    if ((r + 1) % REVIEWS_PER_COMMIT == 0 || r == reviews.size() - 1) {
                        c.commit();
                    }
                }
            }
            return rows;
        });
    }

    /** Reviews per transaction of the reconcile floor, as the product's reconcile step commits. */
    private static final int REVIEWS_PER_COMMIT = 100;

    /** A connection to the copy of the database, with the product's settings; not auto-committing. */
    Connection open(Path snapshot) throws SQLException {
        Connection c = DriverManager.getConnection("jdbc:hsqldb:file:" + snapshot.resolve(DATABASE) + hsqldbSettings, "SA", "");
        c.setAutoCommit(false);
        return c;
    }

    /** The name of the database's files, in HOME/db and in the copy. */
    static final String DATABASE = "dhr";

    /** Each review's action lines and updates up to the date, one query each, every value read. */
    Measured reportData(DataSource product, LocalDate asAt, List<String> reviews) throws Exception {
        try (Connection c = product.getConnection()) {
            return measure(() -> {
                long rows = 0;
                try (PreparedStatement actions = c.prepareStatement("""
                        SELECT r.owning_body, r.number, r.text, r.scope, r.scope_as_written, a.action_ref, a.agency_code, g.name,
                               a.action_text, a.evidence_of_achievement, a.implementation_lead, a.target_date_text, s.due_date, s.status,
                               lp.as_at, u.status, u.progress, u.completion_date
                        FROM action a
                        JOIN recommendation r ON r.recommendation_id = a.recommendation_id
                        JOIN agency g ON g.agency_code = a.agency_code
                        JOIN action_status s ON s.action_id = a.action_id AND s.as_at = ?
                        LEFT JOIN progress_update u ON u.update_id = s.last_update_id
                        LEFT JOIN return_part lp ON lp.part_id = u.part_id
                        WHERE a.review_id = ? ORDER BY r.plan_order, a.plan_order""");
                        PreparedStatement updates = c.prepareStatement("""
                        SELECT u.action_id, p.as_at, u.status, u.evidence, u.revised_target_date, f.file_name, u.source_row
                        FROM return_part p JOIN """ + ReturnRepository.UPDATES_OF_PART + """
                        JOIN return_file f ON f.return_file_id = p.return_file_id
                        WHERE p.review_id = ? AND p.as_at <= ? ORDER BY u.action_id, p.as_at, u.update_id""")) {
                    for (String review : reviews) {
                        actions.setDate(1, Date.valueOf(asAt));
                        actions.setString(2, review);
                        rows += readAll(actions);
                        updates.setString(1, review);
                        updates.setDate(2, Date.valueOf(asAt));
                        readAll(updates);
                    }
                }
                return rows;
            });
        }
    }

    private static long readAll(PreparedStatement q) throws SQLException {
        long rows = 0;
        try (ResultSet rs = q.executeQuery()) {
            int columns = rs.getMetaData().getColumnCount();
            boolean[] dates = new boolean[columns + 1];
            for (int i = 1; i <= columns; i++) {
                dates[i] = rs.getMetaData().getColumnType(i) == java.sql.Types.DATE;
            }
            while (rs.next()) {
                for (int i = 1; i <= columns; i++) {
                    // dates as the product reads them (SqlDates), the cheapest way JDBC has
                    if (dates[i]) {
                        SqlDates.get(rs, i);
                    } else {
                        rs.getObject(i);
                    }
                }
                rows++;
            }
        }
        return rows;
    }

    /**
     * The partnership reports filled and exported from rows in memory: one report per partnership with a
     * row per review (the figures are not worked out, so they are zero: the layout is the same).
     */
    Measured jasper(NationalData data, PartnershipReportPdf pdf, String marking, LocalDate asAt) throws Exception {
        Path out = Files.createDirectories(dir.resolve("partnership-reports"));
        NationalData.Shape shape = data.shape();
        List<List<ReportData>> partnerships = new ArrayList<>();
        for (int r = 0; r < shape.reviews(); r++) {
            if (r % shape.reviewsPerPartnership() == 0) {
                partnerships.add(new ArrayList<>());
            }
            NationalData.GeneratedAction first = data.review(r).get(0);
            partnerships.get(partnerships.size() - 1).add(new ReportData(first.partnership(), first.partnershipName(), first.review(),
                    first.reviewTitle(), asAt, marking, Instant.now(), List.of(), List.of(), new Assessment(List.of(), List.of()), List.of(),
                    ReportData.SinceLast.firstReport(), Map.of(), List.of()));
        }
        // the themes section's text as the month wrote it, worked out before the clock starts: the
        // floor is Jasper's fill and export of the same layout, not the coding
        List<String> themes = new ArrayList<>();
        for (List<ReportData> reviews : partnerships) {
            themes.add(pdf.themesText(reviews));
        }
        return measure(() -> {
            for (int p = 0; p < partnerships.size(); p++) {
                List<ReportData> reviews = partnerships.get(p);
                pdf.write(reviews, themes.get(p), out.resolve(reviews.get(0).partnership() + ".pdf"));
            }
            return partnerships.size();
        });
    }

    /** Generating the actions alone, to take from {@link #sxssf}: the generator is not what is measured. */
    Measured generation(NationalData data) throws Exception {
        return measure(() -> {
            long[] chars = {0};
            data.forEachAction(a -> chars[0] += a.action().length());
            return chars[0];
        });
    }

    /** The national workbook's cells written with SXSSF: a row per review, a row per action, no styles. */
    Measured sxssf(NationalData data, LocalDate asAt) throws Exception {
        Path file = dir.resolve("national-workbook.xlsx");
        return measure(() -> {
            long[] rows = {0};
            // the product's streamed workbook: same temporary files, same deflate levels
            try (SXSSFWorkbook wb = new StreamedWorkbook(100); OutputStream out = Files.newOutputStream(file)) {
                Sheet reviews = wb.createSheet("Reviews");
                Sheet[] actions = {wb.createSheet("Actions")};
                int[] next = {0, 0};
                int perSheet = org.apache.poi.ss.SpreadsheetVersion.EXCEL2007.getMaxRows() - 2;
                data.forEachAction(a -> {
                    if (a.index() == 0) {
                        Row row = reviews.createRow(next[0]++);
                        Object[] values = {a.partnership(), a.partnershipName(), a.review(), a.reviewTitle(), 75, 0, 20, 10, 15, 20, 10, 30, 12,
                            "No", 3, 20, 40};
                        for (int i = 0; i < values.length; i++) {
                            set(row, i, values[i]);
                        }
                    }
                    if (next[1] == perSheet) {
                        actions[0] = wb.createSheet("Actions " + (wb.getNumberOfSheets()));
                        next[1] = 0;
                    }
                    Row row = actions[0].createRow(next[1]++);
                    Object[] values = {a.partnership(), a.review(), a.recommendation(), a.owningBody(), a.scope(), a.actionRef(), a.agency(),
                        a.agencyName(), a.action(), a.targetDate(), asAt, "In progress", "Green", asAt, "In progress", null, null};
                    for (int i = 0; i < values.length; i++) {
                        set(row, i, values[i]);
                    }
                    rows[0]++;
                });
                wb.write(out);
            }
            return rows[0];
        });
    }

    private static void set(Row row, int column, Object value) {
        if (value instanceof String s) {
            row.createCell(column).setCellValue(s);
        } else if (value instanceof Integer n) {
            row.createCell(column).setCellValue(n);
        } else if (value instanceof LocalDate d) {
            row.createCell(column).setCellValue(d);
        }
    }

    private static String emptyToNull(String s) {
        return s.isEmpty() ? null : s;
    }

    private static Date date(String s) {
        return s.isEmpty() ? null : Date.valueOf(LocalDate.parse(s));
    }
}
