package org.dhrtracker;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** A database made by an earlier version gets the tables, indexes and columns added since, and keeps its rows. */
class DatabaseSchemaTest {

    @TempDir
    Path dir;

    @Test
    void anExistingDatabaseGetsTheTablesIndexesAndColumnsAddedSince() throws Exception {
        Files.createDirectories(dir);
        DriverManagerDataSource dataSource = new DriverManagerDataSource(
                "jdbc:hsqldb:file:" + dir.resolve("dhr") + ";hsqldb.default_table_type=cached;hsqldb.tx=mvcc;hsqldb.write_delay=false",
                "SA", "");
        new DatabaseSchema(dataSource, 10_000).afterPropertiesSet();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            // as an earlier version left it: no index on the partnership, no national letters
            s.execute("DROP INDEX review_partnership");
            s.execute("DROP TABLE national_letter");
            s.execute("INSERT INTO review (review_id, partnership, title, imported_at) VALUES ('DHR1', 'NABSCOP', 'A review', NOW())");
            assertThat(indexes(c)).doesNotContain("REVIEW_PARTNERSHIP");
            // statuses stored without their recommendation: two reviews, two recommendations, statuses at two dates
            s.execute("INSERT INTO review (review_id, partnership, title, imported_at) VALUES ('DHR2', 'NABSCOP', 'Another', NOW())");
            s.execute("INSERT INTO agency (agency_code, name) VALUES ('POLICE', 'Police')");
            for (String[] r : new String[][] {{"41", "DHR1", "1"}, {"42", "DHR2", "1"}}) {
                s.execute("INSERT INTO recommendation (recommendation_id, review_id, source, owning_body, number, text, plan_order) VALUES ("
                        + r[0] + ", '" + r[1] + "', 'OVERVIEW', 'CSP', '" + r[2] + "', 'A recommendation', 1)");
            }
            for (String[] a : new String[][] {{"7", "41", "DHR1", "1a"}, {"8", "41", "DHR1", "1b"}, {"9", "42", "DHR2", "1"}}) {
                s.execute("INSERT INTO action (action_id, recommendation_id, review_id, action_ref, agency_code, action_text, plan_order)"
                        + " VALUES (" + a[0] + ", " + a[1] + ", '" + a[2] + "', '" + a[3] + "', 'POLICE', 'An action', 1)");
                for (String date : new String[] {"2025-02-28", "2025-03-31"}) {
                    s.execute("INSERT INTO action_status (as_at, action_id, review_id, recommendation_id, status, rag, reconciled_at)"
                            + " VALUES (DATE '" + date + "', " + a[0] + ", '" + a[2] + "', 0, 'ON_TRACK', 'GREEN', NOW())");
                }
            }
            s.execute("ALTER TABLE action_status DROP COLUMN recommendation_id");
            // recommendations without their rules' tags
            s.execute("DROP INDEX recommendation_rules_taxonomy");
            s.execute("ALTER TABLE recommendation DROP COLUMN rules_themes");
            s.execute("ALTER TABLE recommendation DROP COLUMN rules_taxonomy");
        }

        new DatabaseSchema(dataSource, 10_000).afterPropertiesSet();

        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            assertThat(indexes(c)).contains("REVIEW_PARTNERSHIP");
            try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM national_letter")) {
                assertThat(rs.next()).isTrue();
            }
            // every stored status got its action's recommendation, and the column is required as in a new database
            java.util.List<String> statuses = new java.util.ArrayList<>();
            try (ResultSet rs = s.executeQuery("SELECT action_id, as_at, recommendation_id FROM action_status ORDER BY action_id, as_at")) {
                while (rs.next()) {
                    statuses.add(rs.getLong(1) + " " + rs.getString(2) + " " + rs.getLong(3));
                }
            }
            assertThat(statuses).containsExactly("7 2025-02-28 41", "7 2025-03-31 41", "8 2025-02-28 41", "8 2025-03-31 41",
                    "9 2025-02-28 42", "9 2025-03-31 42");
            try (ResultSet rs = c.getMetaData().getColumns(null, c.getSchema(), "ACTION_STATUS", "RECOMMENDATION_ID")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString("IS_NULLABLE")).isEqualTo("NO");
            }
            // the rules' tags added empty, to be coded and stored when next needed
            java.util.List<String> recommendations = new java.util.ArrayList<>();
            try (ResultSet rs = s.executeQuery("SELECT recommendation_id, text, rules_themes, rules_taxonomy FROM recommendation ORDER BY 1")) {
                while (rs.next()) {
                    recommendations.add(rs.getLong(1) + " " + rs.getString(2) + " " + rs.getString(3) + " " + rs.getString(4));
                }
            }
            assertThat(recommendations).containsExactly("41 A recommendation null null", "42 A recommendation null null");
            assertThat(indexes(c, "RECOMMENDATION")).contains("RECOMMENDATION_RULES_TAXONOMY");
            try (ResultSet rs = s.executeQuery("SELECT partnership FROM review WHERE review_id = 'DHR1'")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("NABSCOP");
            }
            s.execute("SHUTDOWN");
        }
    }

    private static java.util.List<String> indexes(Connection c) throws Exception {
        return indexes(c, "REVIEW");
    }

    private static java.util.List<String> indexes(Connection c, String table) throws Exception {
        java.util.List<String> names = new java.util.ArrayList<>();
        try (ResultSet rs = c.getMetaData().getIndexInfo(null, c.getSchema(), table, false, false)) {
            while (rs.next()) {
                names.add(rs.getString("INDEX_NAME"));
            }
        }
        return names;
    }
}
