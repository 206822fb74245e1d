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

    /**
     * How an embedded database uses its files. HSQLDB keeps the rows of its cached tables in a cache
     * ({@code cacheKilobytes}, 10 MB by default, 50,000 rows) and reads every other row from its data
     * file, whole, narrative included. It reads and writes that file through a memory map up to
     * {@code mappedMegabytes} (256 MB by default), and with a system call for each row beyond it: a
     * national month writes 150,000 new rows, and at 1× the file passes 256 MB in its first month
     * (mapped, the intake took a fifth less: docs/BENCHMARKS.md). It appends every change to its log and,
     * when the log passes {@code logMegabytes} (50 MB by default), checkpoints: writes its cache to the
     * data file and empties the log, while every statement waits. A national month at 3× writes several
     * times 50 MB of log; a larger log means fewer such pauses, and more of it to replay on the start
     * after a crash. HSQLDB keeps all three in its files; a changed cache takes effect from the next
     * start, and so does the map for a file already past the old size.
     *
     * @param cacheKilobytes the cache size; the row limit follows from it (rows of at least 512 bytes)
     * @param mappedMegabytes up to what size the data file is mapped
     * @param logMegabytes the log's size at which HSQLDB checkpoints
     */
    public record FileSettings(int cacheKilobytes, int mappedMegabytes, int logMegabytes) {

        /** HSQLDB's own cache; the file mapped up to 16 GB (a national database with years of returns); the log to 200 MB. */
        public static final FileSettings DEFAULT = new FileSettings(10_000, 16_384, 200);
    }

    /** The statements that set how an embedded database uses its files, or none for a server database. */
    public java.util.List<String> fileStatements(FileSettings files) {
        return this == HSQLDB ? java.util.List.of("SET FILES CACHE SIZE " + files.cacheKilobytes(),
                "SET FILES CACHE ROWS " + Math.max(50_000, files.cacheKilobytes() * 2), "SET FILES NIO SIZE " + files.mappedMegabytes(),
                "SET FILES LOG SIZE " + files.logMegabytes())
                : java.util.List.of();
    }

    /** HSQLDB writes its files completely only on SHUTDOWN; a server database needs nothing. */
    public String shutdownStatement() {
        return this == HSQLDB ? "SHUTDOWN" : null;
    }
}
