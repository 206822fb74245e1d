package org.dhrtracker;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;

/**
 * A DATE column read as a LocalDate. Through JDBC 4.2's getObject, not getDate: HSQLDB's getDate makes a
 * java.sql.Date through a Calendar, about four times the cost, and the monthly run reads millions of dates.
 */
public final class SqlDates {

    private SqlDates() {
    }

    /** The date in the column (1-based), or null. */
    public static LocalDate get(ResultSet rs, int column) throws SQLException {
        return rs.getObject(column, LocalDate.class);
    }

    /** The date in the column of that label, or null. */
    public static LocalDate get(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, LocalDate.class);
    }
}
