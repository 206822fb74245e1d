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

/** A database made by an earlier version gets the tables and indexes added since, and keeps its rows. */
class DatabaseSchemaTest {

    @TempDir
    Path dir;

    @Test
    void anExistingDatabaseGetsTheTablesAndIndexesAddedSince() throws Exception {
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
        }

        new DatabaseSchema(dataSource, 10_000).afterPropertiesSet();

        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            assertThat(indexes(c)).contains("REVIEW_PARTNERSHIP");
            try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM national_letter")) {
                assertThat(rs.next()).isTrue();
            }
            try (ResultSet rs = s.executeQuery("SELECT partnership FROM review WHERE review_id = 'DHR1'")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("NABSCOP");
            }
            s.execute("SHUTDOWN");
        }
    }

    private static java.util.List<String> indexes(Connection c) throws Exception {
        java.util.List<String> names = new java.util.ArrayList<>();
        try (ResultSet rs = c.getMetaData().getIndexInfo(null, c.getSchema(), "REVIEW", false, false)) {
            while (rs.next()) {
                names.add(rs.getString("INDEX_NAME"));
            }
        }
        return names;
    }
}
