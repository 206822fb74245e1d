package org.dhrtracker.intake;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Writes accepted returns: the file record and its rows as append-only progress updates. */
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

    /** Inserts a file's record and its rows as progress updates, in the caller's transaction. */
    public void apply(String fileName, String sha256, List<ReturnRow> rows, Instant receivedAt) {
        Timestamp received = Timestamp.from(receivedAt);
        long fileId = recordFile(fileName, sha256, rows.size(), receivedAt);
        jdbc.batchUpdate("""
                INSERT INTO progress_update (action_id, agency_code, as_at, status, progress, evidence, revised_target_date,
                  completion_date, reported_by, return_file_id, source_row, received_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                rows, 1000, (ps, r) -> {
                    ps.setLong(1, r.actionId());
                    ps.setString(2, r.agency());
                    ps.setDate(3, Date.valueOf(r.asAt()));
                    ps.setString(4, r.status().name());
                    ps.setString(5, r.progress());
                    ps.setString(6, r.evidence());
                    ps.setDate(7, sqlDate(r.revisedTargetDate()));
                    ps.setDate(8, sqlDate(r.completionDate()));
                    ps.setString(9, r.reportedBy());
                    ps.setLong(10, fileId);
                    ps.setInt(11, r.row());
                    ps.setTimestamp(12, received);
                });
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
