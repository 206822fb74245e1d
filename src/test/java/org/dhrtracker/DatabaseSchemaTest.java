package org.dhrtracker;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Locale;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.PropertiesLoaderUtils;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * A database made by an earlier version gets the tables, indexes and columns added since, and keeps its
 * rows: an HSQLDB file database, or with the postgres profile a schema of its own on the tests'
 * PostgreSQL server (dropped afterwards).
 */
class DatabaseSchemaTest {

    /** The PostgreSQL schema the test makes and drops, beside the other tests' tables. */
    private static final String PG_SCHEMA = "dhr_schema_test";

    @TempDir
    Path dir;

    private final boolean postgres = TestDatabase.isPostgres();

    private DriverManagerDataSource dataSource() throws Exception {
        if (!postgres) {
            Files.createDirectories(dir);
            return new DriverManagerDataSource(
                    "jdbc:hsqldb:file:" + dir.resolve("dhr") + ";hsqldb.default_table_type=cached;hsqldb.tx=mvcc;hsqldb.write_delay=false",
                    "SA", "");
        }
        DriverManagerDataSource server = server();
        try (Connection c = server.getConnection(); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + PG_SCHEMA + " CASCADE");
            s.execute("CREATE SCHEMA " + PG_SCHEMA);
        }
        String url = server.getUrl();
        server.setUrl(url + (url.contains("?") ? "&" : "?") + "currentSchema=" + PG_SCHEMA);
        return server;
    }

    /** The tests' PostgreSQL server: the postgres profile's settings, overridden by SPRING_DATASOURCE_* as for the other tests. */
    private static DriverManagerDataSource server() throws Exception {
        var profile = PropertiesLoaderUtils.loadProperties(new ClassPathResource("application-postgres.properties"));
        java.util.function.Function<String, String> setting = name -> System.getenv().getOrDefault(
                "SPRING_DATASOURCE_" + name.toUpperCase(Locale.ROOT), profile.getProperty("spring.datasource." + name));
        return new DriverManagerDataSource(setting.apply("url"), setting.apply("username"), setting.apply("password"));
    }

    @AfterEach
    void dropSchema() throws Exception {
        if (postgres) {
            try (Connection c = server().getConnection(); Statement s = c.createStatement()) {
                s.execute("DROP SCHEMA " + PG_SCHEMA + " CASCADE");
            }
        }
    }

    @Test
    void anExistingDatabaseGetsTheTablesIndexesAndColumnsAddedSince() throws Exception {
        DriverManagerDataSource dataSource = dataSource();
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
            // updates without parts: each found by its action, through a foreign key and an (action_id, as_at) index
            s.execute("DROP TABLE progress_update");
            s.execute("DROP TABLE return_part");
            s.execute("""
                    CREATE TABLE progress_update (
                        update_id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
                        action_id BIGINT NOT NULL REFERENCES action (action_id), agency_code VARCHAR(40) NOT NULL,
                        as_at DATE NOT NULL, status VARCHAR(20) NOT NULL, progress %1$s, evidence %1$s,
                        revised_target_date DATE, completion_date DATE, reported_by VARCHAR(300),
                        return_file_id BIGINT NOT NULL REFERENCES return_file (return_file_id), source_row INT NOT NULL,
                        received_at TIMESTAMP NOT NULL)""".formatted(postgres ? "TEXT" : "LONGVARCHAR"));
            s.execute("CREATE INDEX progress_update_action ON progress_update (action_id, as_at)");
            s.execute("INSERT INTO return_file (return_file_id, file_name, sha256, received_at, row_count) VALUES (1, 'feb.csv', 'a', NOW(), 3)");
            s.execute("INSERT INTO return_file (return_file_id, file_name, sha256, received_at, row_count) VALUES (2, 'mar.csv', 'b', NOW(), 2)");
            // February's file names both reviews; March's names DHR1 at two dates
            for (String[] u : new String[][] {{"1", "7", "2025-02-28", "1"}, {"2", "9", "2025-02-28", "1"}, {"3", "8", "2025-02-28", "1"},
                    {"4", "7", "2025-03-31", "2"}, {"5", "8", "2025-03-15", "2"}}) {
                s.execute("INSERT INTO progress_update (update_id, action_id, agency_code, as_at, status, return_file_id, source_row, received_at)"
                        + " VALUES (" + u[0] + ", " + u[1] + ", 'POLICE', DATE '" + u[2] + "', 'ON_TRACK', " + u[3] + ", " + u[0] + ", NOW())");
            }
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
            try (ResultSet rs = c.getMetaData().getColumns(null, c.getSchema(), stored(c, "ACTION_STATUS"), stored(c, "RECOMMENDATION_ID"))) {
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
            // each update in the part of its file, its action's review and its date; part_id required, the action's index gone
            java.util.List<String> updates = new java.util.ArrayList<>();
            try (ResultSet rs = s.executeQuery("""
                    SELECT u.update_id, p.return_file_id, p.review_id, p.as_at, u.as_at FROM progress_update u
                    JOIN return_part p ON p.part_id = u.part_id ORDER BY u.update_id""")) {
                while (rs.next()) {
                    updates.add(rs.getLong(1) + " " + rs.getLong(2) + " " + rs.getString(3) + " " + rs.getString(4) + " " + rs.getString(5));
                }
            }
            assertThat(updates).containsExactly("1 1 DHR1 2025-02-28 2025-02-28", "2 1 DHR2 2025-02-28 2025-02-28",
                    "3 1 DHR1 2025-02-28 2025-02-28", "4 2 DHR1 2025-03-31 2025-03-31", "5 2 DHR1 2025-03-15 2025-03-15");
            try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM return_part")) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(4);
            }
            try (ResultSet rs = c.getMetaData().getColumns(null, c.getSchema(), stored(c, "PROGRESS_UPDATE"), stored(c, "PART_ID"))) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString("IS_NULLABLE")).isEqualTo("NO");
            }
            assertThat(indexes(c, "PROGRESS_UPDATE")).doesNotContain("PROGRESS_UPDATE_ACTION");
            if (postgres) {
                // PostgreSQL indexes no foreign key itself: the schema's index on part_id, which reads by review go through
                assertThat(indexes(c, "PROGRESS_UPDATE")).contains("PROGRESS_UPDATE_PART");
            }
            java.util.List<String> keys = new java.util.ArrayList<>();
            try (ResultSet rs = c.getMetaData().getImportedKeys(null, c.getSchema(), stored(c, "PROGRESS_UPDATE"))) {
                while (rs.next()) {
                    keys.add((rs.getString("FKCOLUMN_NAME") + " -> " + rs.getString("PKTABLE_NAME")).toUpperCase(Locale.ROOT));
                }
            }
            assertThat(keys).containsExactly("PART_ID -> RETURN_PART");
            try (ResultSet rs = c.getMetaData().getColumns(null, c.getSchema(), stored(c, "PROGRESS_UPDATE"), stored(c, "RETURN_FILE_ID"))) {
                assertThat(rs.next()).as("the update's file is its part's").isFalse();
            }
            try (ResultSet rs = s.executeQuery("SELECT partnership FROM review WHERE review_id = 'DHR1'")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("NABSCOP");
            }
            if (!postgres) {
                s.execute("SHUTDOWN");
            }
        }
    }

    /** A table's or column's name as the database stores it: HSQLDB upper case, PostgreSQL lower. */
    private static String stored(Connection c, String name) throws Exception {
        return c.getMetaData().storesLowerCaseIdentifiers() ? name.toLowerCase(Locale.ROOT) : name;
    }

    private static java.util.List<String> indexes(Connection c) throws Exception {
        return indexes(c, "REVIEW");
    }

    private static java.util.List<String> indexes(Connection c, String table) throws Exception {
        java.util.List<String> names = new java.util.ArrayList<>();
        try (ResultSet rs = c.getMetaData().getIndexInfo(null, c.getSchema(), stored(c, table), false, false)) {
            while (rs.next()) {
                names.add(rs.getString("INDEX_NAME").toUpperCase(Locale.ROOT));
            }
        }
        return names;
    }
}
