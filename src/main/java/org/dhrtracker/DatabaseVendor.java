package org.dhrtracker;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;

/**
 * The databases dhr-tracker runs on, and what differs between them: the schema scripts and whether
 * the database must be shut down on close. The product's SQL statements are written to run
 * unchanged on both; anything vendor-specific belongs here.
 */
public enum DatabaseVendor {

    /** The default: an embedded HSQLDB file database under HOME. */
    HSQLDB("hsqldb"),
    /** A shared PostgreSQL server (the {@code postgres} profile). */
    POSTGRESQL("postgresql");

    private final String id;

    DatabaseVendor(String id) {
        this.id = id;
    }

    public static DatabaseVendor of(Connection c) throws SQLException {
        String product = c.getMetaData().getDatabaseProductName();
        String name = product.toLowerCase(Locale.ROOT);
        if (name.contains("hsql")) {
            return HSQLDB;
        }
        if (name.contains("postgresql")) {
            return POSTGRESQL;
        }
        throw new IllegalStateException("Unsupported database " + product + ": dhr-tracker runs on HSQLDB or PostgreSQL");
    }

    /** Spring Batch's job repository schema for this database, on the classpath. */
    public String batchSchema() {
        return "org/springframework/batch/core/schema-" + id + ".sql";
    }

    /** The product's schema for this database, on the classpath. */
    public String applicationSchema() {
        return "db/" + id + "/schema.sql";
    }

    /** HSQLDB writes its files completely only on SHUTDOWN; a server database needs nothing. */
    public String shutdownStatement() {
        return this == HSQLDB ? "SHUTDOWN" : null;
    }
}
