package org.dhrtracker;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Every table of the product's schema read so that two databases can be compared row by row:
 * surrogate ids and the times rows were written left out, foreign keys replaced by the natural keys
 * they stand for (an action by review and action ref, a progress update by its file's SHA-256 and
 * row), rows in a fixed order.
 */
final class DomainTables {

    private DomainTables() {
    }

    static final Map<String, String> QUERIES = queries();

    private static Map<String, String> queries() {
        Map<String, String> q = new LinkedHashMap<>();
        q.put("review", "SELECT review_id, partnership, partnership_name, title FROM review ORDER BY review_id");
        q.put("agency", "SELECT agency_code, name FROM agency ORDER BY agency_code");
        q.put("recommendation", """
                SELECT review_id, source, owning_body, number, scope, scope_as_written, text, plan_order
                FROM recommendation ORDER BY review_id, source, owning_body, number""");
        q.put("recommendation_sub_item", """
                SELECT r.review_id, r.source, r.owning_body, r.number, i.seq, i.label, i.text
                FROM recommendation_sub_item i JOIN recommendation r ON r.recommendation_id = i.recommendation_id
                ORDER BY r.review_id, r.source, r.owning_body, r.number, i.seq""");
        q.put("action", """
                SELECT a.review_id, a.action_ref, r.source, r.owning_body, r.number, a.agency_code, a.action_text, a.evidence_of_achievement,
                       a.implementation_lead, a.target_date_text, a.due_date, a.due_date_note, a.ongoing, a.plan_order
                FROM action a JOIN recommendation r ON r.recommendation_id = a.recommendation_id
                ORDER BY a.review_id, a.action_ref""");
        // each key as whether it is its action's
        q.put("action_key", """
                SELECT k.review_id, k.action_ref, k.agency_code,
                       CASE WHEN a.review_id = k.review_id AND a.action_ref = k.action_ref AND a.agency_code = k.agency_code
                            THEN 'its action''s' ELSE 'not its action''s' END
                FROM action_key k LEFT JOIN action a ON a.action_id = k.action_id
                ORDER BY k.review_id, k.action_ref""");
        q.put("return_file", "SELECT file_name, sha256, row_count FROM return_file ORDER BY sha256");
        q.put("return_part", """
                SELECT f.sha256, p.review_id, p.as_at, p.last_update_id - p.first_update_id + 1
                FROM return_part p JOIN return_file f ON f.return_file_id = p.return_file_id
                ORDER BY f.sha256, p.review_id, p.as_at""");
        q.put("progress_update", """
                SELECT a.review_id, a.action_ref, u.agency_code, u.status, u.progress, u.evidence, u.revised_target_date,
                       u.completion_date, u.reported_by, f.sha256, u.source_row, p.review_id, p.as_at,
                       CASE WHEN u.update_id BETWEEN p.first_update_id AND p.last_update_id THEN 'in its part''s range' ELSE 'outside' END
                FROM progress_update u JOIN action a ON a.action_id = u.action_id
                JOIN return_part p ON p.part_id = u.part_id JOIN return_file f ON f.return_file_id = p.return_file_id
                ORDER BY f.sha256, u.source_row""");
        // the block's next id, only as whether it is past every id given
        q.put("update_id_block", """
                SELECT block_row, CASE WHEN next_update_id > (SELECT COALESCE(MAX(update_id), 0) FROM progress_update)
                                            AND next_update_id > (SELECT COALESCE(MAX(part_id), 0) FROM return_part)
                                       THEN 'past every id given' ELSE 'behind' END
                FROM update_id_block""");
        q.put("action_status", """
                SELECT s.as_at, s.review_id, a.action_ref, s.status, s.rag, s.due_date, f.sha256, u.source_row
                FROM action_status s JOIN action a ON a.action_id = s.action_id
                LEFT JOIN progress_update u ON u.update_id = s.last_update_id
                LEFT JOIN return_part p ON p.part_id = u.part_id
                LEFT JOIN return_file f ON f.return_file_id = p.return_file_id
                ORDER BY s.as_at, s.review_id, a.action_ref""");
        q.put("completion_decision", """
                SELECT a.review_id, a.action_ref, d.decision, d.reason, d.decided_by, d.decided_on, d.source
                FROM completion_decision d JOIN action a ON a.action_id = d.action_id
                ORDER BY a.review_id, a.action_ref, d.decided_on, d.source, d.decision""");
        q.put("refused_update", """
                SELECT review_id, action_ref, agency_code, as_at, code, file_name, source_row
                FROM refused_update ORDER BY file_name, source_row, code, review_id, action_ref""");
        q.put("theme_override", """
                SELECT review_id, source, owning_body, number, theme_code, decision
                FROM theme_override ORDER BY review_id, source, owning_body, number, theme_code""");
        q.put("national_letter", """
                SELECT review_id, source, owning_body, number, recipient, sent_on, answered_on
                FROM national_letter ORDER BY review_id, source, owning_body, number""");
        return q;
    }

    /** Each table's rows, by table; fails if the schema has a table this class does not read. */
    static Map<String, List<List<String>>> read(Connection c) throws SQLException {
        List<String> tables = ChildJvm.rows(c, """
                SELECT LOWER(TABLE_NAME) FROM INFORMATION_SCHEMA.TABLES
                WHERE TABLE_SCHEMA = 'PUBLIC' AND TABLE_TYPE = 'BASE TABLE' AND TABLE_NAME NOT LIKE 'BATCH\\_%' ESCAPE '\\'""")
                .stream().map(row -> row.get(0).toLowerCase(Locale.ROOT)).toList();
        assertThat(QUERIES.keySet()).as("every table of the schema is compared").containsExactlyInAnyOrderElementsOf(tables);
        Map<String, List<List<String>>> rows = new LinkedHashMap<>();
        for (var query : QUERIES.entrySet()) {
            rows.put(query.getKey(), ChildJvm.rows(c, query.getValue()));
        }
        return rows;
    }
}
