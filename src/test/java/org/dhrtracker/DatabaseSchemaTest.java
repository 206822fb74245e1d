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
                s.execute("DROP SCHEMA IF EXISTS " + PG_SCHEMA + " CASCADE");
            }
        }
    }

    @Test
    void theEmbeddedDatabaseTakesItsFileSettingsAndKeepsThemInItsFiles() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeFalse(postgres, "an HSQLDB setting");
        DriverManagerDataSource dataSource = dataSource();
        try (Connection c = dataSource.getConnection()) {
            assertThat(hsqldbProperty(c, "hsqldb.nio_max_size")).isEqualTo("256");
            assertThat(hsqldbProperty(c, "hsqldb.log_size")).isEqualTo("50");
        }
        new DatabaseSchema(dataSource, new DatabaseVendor.FileSettings(12_000, 4_096, 120)).afterPropertiesSet();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            assertThat(hsqldbProperty(c, "hsqldb.nio_max_size")).isEqualTo("4096");
            assertThat(hsqldbProperty(c, "hsqldb.cache_size")).isEqualTo("12000");
            assertThat(hsqldbProperty(c, "hsqldb.log_size")).isEqualTo("120");
            s.execute("SHUTDOWN");
        }
        // Opened again without the settings: HSQLDB kept them.
        try (Connection c = dataSource.getConnection()) {
            assertThat(hsqldbProperty(c, "hsqldb.nio_max_size")).isEqualTo("4096");
            assertThat(hsqldbProperty(c, "hsqldb.log_size")).isEqualTo("120");
        }
    }

    private static String hsqldbProperty(Connection c, String name) throws Exception {
        try (var q = c.prepareStatement("SELECT property_value FROM information_schema.system_properties WHERE property_name = ?")) {
            q.setString(1, name);
            try (ResultSet rs = q.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    @Test
    void anExistingDatabaseGetsTheTablesIndexesAndColumnsAddedSince() throws Exception {
        DriverManagerDataSource dataSource = dataSource();
        new DatabaseSchema(dataSource).afterPropertiesSet();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            // as an earlier version left it: no index on the partnership, no national letters, no copy of the action keys
            s.execute("DROP INDEX review_partnership");
            s.execute("DROP TABLE national_letter");
            s.execute("DROP TABLE action_key");
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

        new DatabaseSchema(dataSource).afterPropertiesSet();

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
            // the action keys copied from the actions
            java.util.List<String> keys = new java.util.ArrayList<>();
            try (ResultSet rs = s.executeQuery("SELECT review_id, action_ref, action_id, agency_code FROM action_key ORDER BY 1, 2")) {
                while (rs.next()) {
                    keys.add(rs.getString(1) + " " + rs.getString(2) + " " + rs.getLong(3) + " " + rs.getString(4));
                }
            }
            assertThat(keys).containsExactly("DHR1 1a 7 POLICE", "DHR1 1b 8 POLICE", "DHR2 1 9 POLICE");
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
            // each update in the part of its file, its action's review and its date (as the update had it, which its part
            // now keeps); part_id required, the action's index gone, the update's own dates dropped
            java.util.List<String> updates = new java.util.ArrayList<>();
            try (ResultSet rs = s.executeQuery("""
                    SELECT u.update_id, p.return_file_id, p.review_id, p.as_at FROM progress_update u
                    JOIN return_part p ON p.part_id = u.part_id ORDER BY u.update_id""")) {
                while (rs.next()) {
                    updates.add(rs.getLong(1) + " " + rs.getLong(2) + " " + rs.getString(3) + " " + rs.getString(4));
                }
            }
            assertThat(updates).containsExactly("1 1 DHR1 2025-02-28", "2 1 DHR2 2025-02-28",
                    "3 1 DHR1 2025-02-28", "4 2 DHR1 2025-03-31", "5 2 DHR1 2025-03-15");
            assertThat(columns(c, "PROGRESS_UPDATE")).doesNotContain("AS_AT", "RECEIVED_AT").contains("PART_ID", "SOURCE_ROW");
            // each part with the range of its updates' ids: February's DHR1 part holds 1 and 3, with DHR2's 2 between them
            assertThat(parts(s)).containsExactly("feb.csv DHR1 2025-02-28 1-3", "feb.csv DHR2 2025-02-28 2-2", "mar.csv DHR1 2025-03-15 5-5",
                    "mar.csv DHR1 2025-03-31 4-4");
            assertThat(updatesOfParts(s)).containsExactly("DHR1 2025-02-28: 1 3", "DHR2 2025-02-28: 2", "DHR1 2025-03-15: 5",
                    "DHR1 2025-03-31: 4");
            try (ResultSet rs = c.getMetaData().getColumns(null, c.getSchema(), stored(c, "PROGRESS_UPDATE"), stored(c, "PART_ID"))) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString("IS_NULLABLE")).isEqualTo("NO");
            }
            assertThat(indexes(c, "PROGRESS_UPDATE")).doesNotContain("PROGRESS_UPDATE_ACTION");
            // reads go through the parts' ranges: no key or index on part_id for each insert to walk
            assertThat(indexes(c, "PROGRESS_UPDATE")).doesNotContain("PROGRESS_UPDATE_PART");
            assertThat(foreignKeys(c, "PROGRESS_UPDATE")).isEmpty();
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

    @Test
    void partsWithoutRangesGetThemAndIntakeGoesOnInBlocks() throws Exception {
        DriverManagerDataSource dataSource = dataSource();
        new DatabaseSchema(dataSource).afterPropertiesSet();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            // as the schema was before the ranges: parts without them, a foreign key on part_id (with its index on PostgreSQL),
            // each update with its own dates
            addUpdateDates(s);
            s.execute("ALTER TABLE return_part DROP COLUMN first_update_id");
            s.execute("ALTER TABLE return_part DROP COLUMN last_update_id");
            s.execute("ALTER TABLE progress_update ADD CONSTRAINT progress_update_part_fk FOREIGN KEY (part_id) REFERENCES return_part (part_id)");
            if (postgres) {
                s.execute("CREATE INDEX progress_update_part ON progress_update (part_id)");
            }
            s.execute("DROP TABLE update_id_block");
            addPartKeys(s);
            s.execute("INSERT INTO review (review_id, partnership, title, imported_at) VALUES ('DHR1', 'NABSCOP', 'A review', NOW())");
            s.execute("INSERT INTO review (review_id, partnership, title, imported_at) VALUES ('DHR2', 'NABSCOP', 'Another', NOW())");
            // ids as the database gives them (a later insert's must not collide with them)
            s.execute("INSERT INTO return_file (file_name, sha256, received_at, row_count) VALUES ('feb.csv', 'a', NOW(), 3)");
            s.execute("INSERT INTO return_part (return_file_id, review_id, as_at) SELECT return_file_id, 'DHR1', DATE '2025-02-28' FROM return_file");
            s.execute("INSERT INTO return_part (return_file_id, review_id, as_at) SELECT return_file_id, 'DHR2', DATE '2025-02-28' FROM return_file");
            // in the file's order, as intake wrote them then: the parts' rows interleaved
            for (String[] u : new String[][] {{"1", "DHR1"}, {"2", "DHR2"}, {"3", "DHR1"}}) {
                s.execute("INSERT INTO progress_update (update_id, part_id, action_id, agency_code, as_at, status, source_row, received_at)"
                        + " SELECT " + u[0] + ", part_id, 7, 'POLICE', DATE '2025-02-28', 'ON_TRACK', " + u[0] + ", NOW()"
                        + " FROM return_part WHERE review_id = '" + u[1] + "'");
            }
        }

        new DatabaseSchema(dataSource).afterPropertiesSet();

        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            assertThat(parts(s)).containsExactly("feb.csv DHR1 2025-02-28 1-3", "feb.csv DHR2 2025-02-28 2-2");
            assertThat(updatesOfParts(s)).containsExactly("DHR1 2025-02-28: 1 3", "DHR2 2025-02-28: 2");
            for (String column : new String[] {"FIRST_UPDATE_ID", "LAST_UPDATE_ID"}) {
                try (ResultSet rs = c.getMetaData().getColumns(null, c.getSchema(), stored(c, "RETURN_PART"), stored(c, column))) {
                    assertThat(rs.next()).isTrue();
                    assertThat(rs.getString("IS_NULLABLE")).isEqualTo("NO");
                }
            }
            assertThat(foreignKeys(c, "PROGRESS_UPDATE")).isEmpty();
            assertThat(foreignKeys(c, "RETURN_PART")).isEmpty();
            assertThat(indexes(c, "PROGRESS_UPDATE")).doesNotContain("PROGRESS_UPDATE_PART");
        }

        // the next file's rows take ids after the highest, each part's consecutive, though the file interleaves them
        var jdbc = new org.springframework.jdbc.core.JdbcTemplate(dataSource);
        java.time.LocalDate march = java.time.LocalDate.of(2025, 3, 31);
        new org.dhrtracker.intake.ReturnRepository(jdbc).apply("mar.csv", "b", java.util.List.of(
                row(1, "DHR1", march), row(2, "DHR2", march), row(3, "DHR1", march), row(4, "DHR2", march.minusDays(1))),
                java.time.Instant.now());
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            assertThat(parts(s)).containsExactly("feb.csv DHR1 2025-02-28 1-3", "feb.csv DHR2 2025-02-28 2-2", "mar.csv DHR1 2025-03-31 4-5",
                    "mar.csv DHR2 2025-03-30 7-7", "mar.csv DHR2 2025-03-31 6-6");
            java.util.List<String> rows = new java.util.ArrayList<>();
            try (ResultSet rs = s.executeQuery("SELECT update_id, source_row FROM progress_update WHERE update_id > 3 ORDER BY update_id")) {
                while (rs.next()) {
                    rows.add(rs.getLong(1) + ":" + rs.getInt(2));
                }
            }
            assertThat(rows).as("the file's rows 1 and 3 (DHR1), 2 (DHR2), 4 (DHR2, a day earlier)").containsExactly("4:1", "5:3", "6:2", "7:4");
            if (!postgres) {
                s.execute("SHUTDOWN");
            }
        }
    }

    @Test
    void partsLoseTheirForeignKeysAndNewPartsTakeIdsAfterTheirs() throws Exception {
        DriverManagerDataSource dataSource = dataSource();
        new DatabaseSchema(dataSource).afterPropertiesSet();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            // as the schema was before: return_part's foreign keys, its parts numbered by the identity (here with a gap,
            // as a sequence leaves after a rollback: part 50 holds update 1), the block made, each update with its own dates
            addPartKeys(s);
            addUpdateDates(s);
            s.execute("INSERT INTO review (review_id, partnership, title, imported_at) VALUES ('DHR1', 'NABSCOP', 'A review', NOW())");
            s.execute("INSERT INTO return_file (file_name, sha256, received_at, row_count) VALUES ('feb.csv', 'a', NOW(), 1)");
            s.execute("INSERT INTO return_part (part_id, return_file_id, review_id, as_at, first_update_id, last_update_id)"
                    + " SELECT 50, return_file_id, 'DHR1', DATE '2025-02-28', 1, 1 FROM return_file");
            s.execute("INSERT INTO progress_update (update_id, part_id, action_id, agency_code, as_at, status, source_row, received_at)"
                    + " VALUES (1, 50, 7, 'POLICE', DATE '2025-02-28', 'ON_TRACK', 2, NOW())");
            s.execute("INSERT INTO update_id_block (block_row, next_update_id) VALUES (1, 2)");
        }

        new DatabaseSchema(dataSource).afterPropertiesSet();

        try (Connection c = dataSource.getConnection()) {
            assertThat(foreignKeys(c, "RETURN_PART")).isEmpty();
            assertThat(columns(c, "PROGRESS_UPDATE")).doesNotContain("AS_AT", "RECEIVED_AT");
        }
        var jdbc = new org.springframework.jdbc.core.JdbcTemplate(dataSource);
        java.time.LocalDate march = java.time.LocalDate.of(2025, 3, 31);
        new org.dhrtracker.intake.ReturnRepository(jdbc).apply("mar.csv", "b", java.util.List.of(row(2, "DHR1", march), row(3, "DHR1", march)),
                java.time.Instant.now());
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            assertThat(parts(s)).containsExactly("feb.csv DHR1 2025-02-28 1-1", "mar.csv DHR1 2025-03-31 51-52");
            assertThat(jdbc.queryForList("SELECT part_id FROM return_part ORDER BY part_id", Long.class)).containsExactly(50L, 51L);
            assertThat(updatesOfParts(s)).containsExactly("DHR1 2025-02-28: 1", "DHR1 2025-03-31: 51 52");
            if (!postgres) {
                s.execute("SHUTDOWN");
            }
        }
    }

    /** return_part's foreign keys as the schema had them before the parts took their first update's id. */
    private static void addPartKeys(Statement s) throws Exception {
        s.execute("ALTER TABLE return_part ADD FOREIGN KEY (return_file_id) REFERENCES return_file (return_file_id)");
        s.execute("ALTER TABLE return_part ADD FOREIGN KEY (review_id) REFERENCES review (review_id)");
    }

    private static org.dhrtracker.intake.ReturnRow row(int row, String review, java.time.LocalDate asAt) {
        return new org.dhrtracker.intake.ReturnRow(row, review, 7, "POLICE", asAt, org.dhrtracker.intake.ReturnStatus.IN_PROGRESS,
                null, null, null, null, null);
    }

    /** Each part: its file's name, review, date and range of ids. */
    private static java.util.List<String> parts(Statement s) throws Exception {
        java.util.List<String> parts = new java.util.ArrayList<>();
        try (ResultSet rs = s.executeQuery("""
                SELECT f.file_name, p.review_id, p.as_at, p.first_update_id, p.last_update_id
                FROM return_part p JOIN return_file f ON f.return_file_id = p.return_file_id
                ORDER BY f.file_name, p.review_id, p.as_at""")) {
            while (rs.next()) {
                parts.add(rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3) + " " + rs.getLong(4) + "-" + rs.getLong(5));
            }
        }
        return parts;
    }

    /** Each part's updates as the product reads them, through the part's range. */
    private static java.util.List<String> updatesOfParts(Statement s) throws Exception {
        java.util.Map<String, String> parts = new java.util.LinkedHashMap<>();
        try (ResultSet rs = s.executeQuery("SELECT p.review_id, p.as_at, u.update_id FROM return_part p JOIN "
                + org.dhrtracker.intake.ReturnRepository.UPDATES_OF_PART + " ORDER BY p.return_file_id, p.review_id, p.as_at, u.update_id")) {
            while (rs.next()) {
                parts.merge(rs.getString(1) + " " + rs.getString(2), String.valueOf(rs.getLong(3)), (a, b) -> a + " " + b);
            }
        }
        return parts.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue()).toList();
    }

    private static java.util.List<String> foreignKeys(Connection c, String table) throws Exception {
        java.util.List<String> keys = new java.util.ArrayList<>();
        try (ResultSet rs = c.getMetaData().getImportedKeys(null, c.getSchema(), stored(c, table))) {
            while (rs.next()) {
                keys.add((rs.getString("FKCOLUMN_NAME") + " -> " + rs.getString("PKTABLE_NAME")).toUpperCase(Locale.ROOT));
            }
        }
        return keys;
    }

    /** A table's or column's name as the database stores it: HSQLDB upper case, PostgreSQL lower. */
    private static String stored(Connection c, String name) throws Exception {
        return c.getMetaData().storesLowerCaseIdentifiers() ? name.toLowerCase(Locale.ROOT) : name;
    }

    private static java.util.List<String> indexes(Connection c) throws Exception {
        return indexes(c, "REVIEW");
    }

    /** progress_update's own as-at date and time of receipt, as before its parts and file kept them. */
    private static void addUpdateDates(Statement s) throws Exception {
        s.execute("ALTER TABLE progress_update ADD COLUMN as_at DATE");
        s.execute("ALTER TABLE progress_update ADD COLUMN received_at TIMESTAMP");
    }

    private static java.util.List<String> columns(Connection c, String table) throws Exception {
        java.util.List<String> names = new java.util.ArrayList<>();
        try (ResultSet rs = c.getMetaData().getColumns(null, c.getSchema(), stored(c, table), null)) {
            while (rs.next()) {
                names.add(rs.getString("COLUMN_NAME").toUpperCase(Locale.ROOT));
            }
        }
        return names;
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
