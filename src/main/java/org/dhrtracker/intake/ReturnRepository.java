package org.dhrtracker.intake;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Writes accepted returns: the file record, its parts and its rows as append-only progress updates. */
@Repository
public class ReturnRepository {

    private final JdbcTemplate jdbc;

    public ReturnRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public boolean alreadyApplied(String sha256) {
        return !appliedAmong(List.of(sha256)).isEmpty();
    }

    /** Which of these contents (SHA-256) have been applied already: one query for a transaction's files. */
    public Set<String> appliedAmong(Collection<String> sha256s) {
        Set<String> applied = new HashSet<>();
        byContent("sha256", List.copyOf(sha256s), rs -> {
            applied.add(rs.getString(1).stripTrailing());
        });
        return applied;
    }

    /** The recorded files among these contents: SHA-256 → id. */
    private Map<String, Long> idsByContent(List<String> sha256s) {
        Map<String, Long> ids = new HashMap<>();
        byContent("sha256, return_file_id", sha256s, rs -> {
            ids.put(rs.getString(1).stripTrailing(), rs.getLong(2));
        });
        return ids;
    }

    /**
     * Reads {@code columns} of the recorded files among these contents, by the content's unique key, an IN list at a
     * time. (sha256 is CHAR(64): a shorter value, as tests give, comes back padded.)
     */
    private void byContent(String columns, List<String> sha256s, org.springframework.jdbc.core.RowCallbackHandler each) {
        for (int i = 0; i < sha256s.size(); i += IN_LIST) {
            List<String> some = sha256s.subList(i, Math.min(sha256s.size(), i + IN_LIST));
            jdbc.query("SELECT " + columns + " FROM return_file WHERE sha256 IN ("
                    + String.join(", ", java.util.Collections.nCopies(some.size(), "?")) + ")", each, some.toArray());
        }
    }

    /** An accepted return as it is written: its name, its content's SHA-256 and its checked rows. */
    public record Accepted(String fileName, String sha256, List<ReturnRow> rows) {

        public static Accepted of(ReturnFile file) {
            return new Accepted(file.fileName(), file.sha256(), file.rows());
        }
    }

    /**
     * How a review's parts ({@code p}) are joined to their updates ({@code u}): through the part's range
     * of ids, read on progress_update's primary key, and the update's part (a part put together from an
     * older database's rows may have other parts' rows in its range). Spaces either side, for the text
     * blocks it goes between (which drop a line's trailing spaces).
     */
    public static final String UPDATES_OF_PART =
            " progress_update u ON u.update_id BETWEEN p.first_update_id AND p.last_update_id AND u.part_id = p.part_id ";

    /**
     * Inserts a file's record, its parts (its rows of each review and as-at date) and its rows as
     * progress updates, in the caller's transaction.
     */
    public void apply(String fileName, String sha256, List<ReturnRow> rows, Instant receivedAt) {
        applyAll(List.of(new Accepted(fileName, sha256, rows)), receivedAt);
    }

    /**
     * Inserts the files' records, their parts (each file's rows of each review and as-at date) and
     * their rows as progress updates, in the caller's transaction: a statement of each kind for them
     * all, and one block of ids. Each part's rows get consecutive ids, in the file's order; the part
     * records their range.
     */
    public void applyAll(List<Accepted> files, Instant receivedAt) {
        if (files.isEmpty()) {
            return;
        }
        Timestamp received = Timestamp.from(receivedAt);
        Map<String, Long> fileIds = recordFiles(files, received);
        List<PartRows> parts = new ArrayList<>();
        long next = reserveUpdateIds(files.stream().mapToInt(f -> f.rows().size()).sum());
        for (Accepted file : files) {
            Map<Part, List<ReturnRow>> byPart = new LinkedHashMap<>();
            file.rows().forEach(r -> byPart.computeIfAbsent(new Part(r.reviewId(), r.asAt()), p -> new ArrayList<>()).add(r));
            for (Map.Entry<Part, List<ReturnRow>> part : byPart.entrySet()) {
                parts.add(new PartRows(fileIds.get(file.sha256()), part.getKey(), part.getValue(), next));
                next += part.getValue().size();
            }
        }
        // A part's id is its first update's: unique, as the blocks never overlap, and known without reading it back.
        jdbc.batchUpdate("INSERT INTO return_part (part_id, return_file_id, review_id, as_at, first_update_id, last_update_id) VALUES (?, ?, ?, ?, ?, ?)",
                parts, BATCH, (ps, p) -> {
                    ps.setLong(1, p.firstId());
                    ps.setLong(2, p.fileId());
                    ps.setString(3, p.part().reviewId());
                    ps.setDate(4, Date.valueOf(p.part().asAt()));
                    ps.setLong(5, p.firstId());
                    ps.setLong(6, p.firstId() + p.rows().size() - 1);
                });
        List<Numbered> updates = new ArrayList<>();
        for (PartRows p : parts) {
            for (int i = 0; i < p.rows().size(); i++) {
                updates.add(new Numbered(p.firstId() + i, p.firstId(), p.rows().get(i)));
            }
        }
        // A row's as-at date is its part's, its time of receipt its file's.
        jdbc.batchUpdate("""
                INSERT INTO progress_update (update_id, part_id, action_id, agency_code, status, progress, evidence,
                  revised_target_date, completion_date, reported_by, source_row)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                updates, BATCH, (ps, u) -> {
                    ReturnRow r = u.row();
                    ps.setLong(1, u.updateId());
                    ps.setLong(2, u.partId());
                    ps.setLong(3, r.actionId());
                    ps.setString(4, r.agency());
                    ps.setString(5, r.status().name());
                    ps.setString(6, r.progress());
                    ps.setString(7, r.evidence());
                    ps.setDate(8, sqlDate(r.revisedTargetDate()));
                    ps.setDate(9, sqlDate(r.completionDate()));
                    ps.setString(10, r.reportedBy());
                    ps.setInt(11, r.row());
                });
    }

    /** The files' records inserted together, and their ids read back by content: SHA-256 → id. */
    private Map<String, Long> recordFiles(List<Accepted> files, Timestamp received) {
        jdbc.batchUpdate("INSERT INTO return_file (file_name, sha256, received_at, row_count) VALUES (?, ?, ?, ?)",
                files, BATCH, (ps, f) -> {
                    ps.setString(1, f.fileName());
                    ps.setString(2, f.sha256());
                    ps.setTimestamp(3, received);
                    ps.setInt(4, f.rows().size());
                });
        return idsByContent(files.stream().map(Accepted::sha256).toList());
    }

    private static final int BATCH = 1000;
    /** Values to an IN list: a transaction's files are 20. */
    private static final int IN_LIST = 100;

    /** A part's file and rows, in the file's order, and the id the first of them takes. */
    private record PartRows(long fileId, Part part, List<ReturnRow> rows, long firstId) {
    }

    /** A row with its update id and its part. */
    private record Numbered(long updateId, long partId, ReturnRow row) {
    }

    /**
     * Reserves {@code count} consecutive update ids in the caller's transaction, which keeps the block's
     * row locked until it ends: another transaction reserving waits, then takes the ids after these.
     *
     * @return the first of them
     */
    private long reserveUpdateIds(int count) {
        if (jdbc.update("UPDATE update_id_block SET next_update_id = next_update_id + ?", count) == 0) {
            // First use (a new database, or one from before the blocks): the ids go on from the highest given,
            // an update's or a part's (a part takes its first update's id; older parts were numbered apart).
            jdbc.update(FIRST_BLOCK, count);
        }
        return jdbc.queryForObject("SELECT next_update_id FROM update_id_block", Long.class) - count;
    }

    /** The block's row as first made, {@code ?} ids already taken: the next id after every update's and every part's. */
    private static final String FIRST_BLOCK = """
            INSERT INTO update_id_block (block_row, next_update_id)
            SELECT 1, GREATEST(COALESCE(MAX(update_id), 0), (SELECT COALESCE(MAX(part_id), 0) FROM return_part)) + 1 + ?
            FROM progress_update""";

    /** A file's rows of one review and as-at date: what a review's reads find its updates by. */
    private record Part(String reviewId, LocalDate asAt) {
    }

    /**
     * Records an applied inbox file (a return or a sign-off file), so that the same content is not
     * applied twice; in the caller's transaction.
     *
     * @return its id
     */
    public long recordFile(String fileName, String sha256, int rowCount, Instant receivedAt) {
        jdbc.update("INSERT INTO return_file (file_name, sha256, received_at, row_count) VALUES (?, ?, ?, ?)",
                fileName, sha256, Timestamp.from(receivedAt), rowCount);
        return idsByContent(List.of(sha256)).get(sha256);
    }

    /** Keeps the refused rows of a rejected return, for the findings; nothing else of the file is written. */
    public void recordRefused(String fileName, List<ReturnFile.RefusedUpdate> refused, Instant receivedAt) {
        jdbc.batchUpdate("""
                INSERT INTO refused_update (review_id, action_ref, agency_code, as_at, code, file_name, source_row, received_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""", refused, 100, (ps, r) -> {
                    ps.setString(1, r.review());
                    ps.setString(2, r.actionRef());
                    ps.setString(3, r.agency());
                    ps.setDate(4, sqlDate(r.asAt()));
                    ps.setString(5, r.code());
                    ps.setString(6, fileName);
                    ps.setInt(7, r.row());
                    ps.setTimestamp(8, Timestamp.from(receivedAt));
                });
    }

    private static Date sqlDate(LocalDate d) {
        return d == null ? null : Date.valueOf(d);
    }
}
