package org.dhrtracker;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Dates read from a file database as the product reads them: each the day the SQL literal wrote, on
 * clock-change days, leap days and far from 1970 alike, and NULL as null.
 */
class SqlDatesTest {

    @Test
    void readsEachDateAsTheDayWritten(@TempDir Path dir) throws Exception {
        List<String> days = List.of("2025-03-30", "2025-10-26", "2024-02-29", "1900-01-01", "1969-12-31", "9999-12-31", "2016-05-31");
        try (Connection c = DriverManager.getConnection("jdbc:hsqldb:file:" + dir.resolve("db") + ";hsqldb.default_table_type=cached", "SA", "");
                Statement s = c.createStatement()) {
            s.execute("CREATE TABLE t (n INT, d DATE)");
            for (int i = 0; i < days.size(); i++) {
                s.execute("INSERT INTO t VALUES (" + i + ", DATE '" + days.get(i) + "')");
            }
            s.execute("INSERT INTO t VALUES (" + days.size() + ", NULL)");
            try (ResultSet rs = s.executeQuery("SELECT n, d, CAST(d AS VARCHAR(10)) AS written FROM t ORDER BY n")) {
                int read = 0;
                while (rs.next()) {
                    LocalDate byIndex = SqlDates.get(rs, 2);
                    LocalDate byLabel = SqlDates.get(rs, "d");
                    if (rs.getInt(1) == days.size()) {
                        assertThat(byIndex).isNull();
                        assertThat(byLabel).isNull();
                    } else {
                        assertThat(byIndex).isEqualTo(LocalDate.parse(days.get(rs.getInt(1)))).isEqualTo(LocalDate.parse(rs.getString("written")));
                        assertThat(byLabel).isEqualTo(byIndex);
                    }
                    read++;
                }
                assertThat(read).isEqualTo(days.size() + 1);
            }
            s.execute("SHUTDOWN");
        }
    }
}
