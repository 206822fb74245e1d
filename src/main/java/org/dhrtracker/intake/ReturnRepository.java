package org.dhrtracker.intake;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.dhrtracker.SqlDates;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Repository;

/** Writes accepted returns: the file record, its parts and its rows as append-only progress updates. */
@Repository
public class ReturnRepository {

    private final JdbcTemplate jdbc;

    public ReturnRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public boolean alreadyApplied(String sha256) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM return_file WHERE sha256 = ?", Integer.class, sha256) > 0;
    }

    /** Inserts the file and all its rows in the caller's transaction. */
    public void apply(ReturnFile file, Instant receivedAt) {
        apply(file.fileName(), file.sha256(), file.rows(), receivedAt);
    }

    /**
     * Inserts a file's record, its parts (its rows of each review and as-at date) and its rows as
     * progress updates, in the caller's transaction.
     */
    public void apply(String fileName, String sha256, List<ReturnRow> rows, Instant receivedAt) {
        Timestamp received = Timestamp.from(receivedAt);
        long fileId = recordFile(fileName, sha256, rows.size(), receivedAt);
        Map<Part, Long> parts = new LinkedHashMap<>();
        rows.forEach(r -> parts.put(new Part(r.reviewId(), r.asAt()), null));
        jdbc.batchUpdate("INSERT INTO return_part (return_file_id, review_id, as_at) VALUES (?, ?, ?)", parts.keySet(), 100,
                (ps, p) -> {
                    ps.setLong(1, fileId);
                    ps.setString(2, p.reviewId());
                    ps.setDate(3, Date.valueOf(p.asAt()));
                });
        // The parts' ids, read back by their file: a batch's generated keys are not read alike on every database.
        jdbc.query("SELECT part_id, review_id, as_at FROM return_part WHERE return_file_id = ?",
                (RowCallbackHandler) rs -> parts.put(new Part(rs.getString(2), SqlDates.get(rs, 3)), rs.getLong(1)),
                fileId);
        jdbc.batchUpdate("""
                INSERT INTO progress_update (part_id, action_id, agency_code, as_at, status, progress, evidence, revised_target_date,
                  completion_date, reported_by, source_row, received_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                rows, 1000, (ps, r) -> {
                    ps.setLong(1, parts.get(new Part(r.reviewId(), r.asAt())));
                    ps.setLong(2, r.actionId());
                    ps.setString(3, r.agency());
                    ps.setDate(4, Date.valueOf(r.asAt()));
                    ps.setString(5, r.status().name());
                    ps.setString(6, r.progress());
                    ps.setString(7, r.evidence());
                    ps.setDate(8, sqlDate(r.revisedTargetDate()));
                    ps.setDate(9, sqlDate(r.completionDate()));
                    ps.setString(10, r.reportedBy());
                    ps.setInt(11, r.row());
                    ps.setTimestamp(12, received);
                });
    }

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
        return jdbc.queryForObject("SELECT return_file_id FROM return_file WHERE sha256 = ?", Long.class, sha256);
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
