package org.dhrtracker;

import java.nio.file.Path;
import java.util.List;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/** What the tests do to the database that differs between HSQLDB and PostgreSQL. */
public final class TestDatabase {

    private TestDatabase() {
    }

    /** Whether the tests run with the postgres profile (-Ppostgres): one shared PostgreSQL database. */
    public static boolean isPostgres() {
        return List.of(new StandardEnvironment().getActiveProfiles()).contains("postgres");
    }

    /** Skips a test that needs HSQLDB file databases (one per HOME, files to copy, its SQL log and plans). */
    public static void assumeFileDatabases() {
        org.junit.jupiter.api.Assumptions.assumeFalse(isPostgres(), "HSQLDB file databases only");
    }

    public static DatabaseVendor vendor(JdbcTemplate db) {
        return db.execute((ConnectionCallback<DatabaseVendor>) DatabaseVendor::of);
    }

    /**
     * For tests that run the command line in a new HOME: a new HOME has a new, empty HSQLDB database;
     * with the postgres profile every run shares one PostgreSQL database, so it is emptied.
     */
    public static void emptyIfShared(Path home) {
        if (isPostgres()) {
            try (ConfigurableApplicationContext context = new SpringApplicationBuilder(DhrTrackerApplication.class)
                    .run("--dhr.home=" + home.toAbsolutePath())) {
                empty(context.getBean(JdbcTemplate.class));
            }
        }
    }

    /**
     * Empties every table of the current schema (register, returns, statuses and the Batch job
     * repository) and restarts identities and sequences, as a new database would have them.
     */
    public static void empty(JdbcTemplate db) {
        switch (vendor(db)) {
            case HSQLDB -> db.execute("TRUNCATE SCHEMA PUBLIC RESTART IDENTITY AND COMMIT NO CHECK");
            case POSTGRESQL -> {
                List<String> tables = db.queryForList(
                        "SELECT quote_ident(tablename) FROM pg_tables WHERE schemaname = current_schema()", String.class);
                if (!tables.isEmpty()) {
                    db.execute("TRUNCATE TABLE " + String.join(", ", tables) + " RESTART IDENTITY CASCADE");
                }
                // Batch's sequences belong to no column, so RESTART IDENTITY leaves them.
                db.queryForList("SELECT quote_ident(sequencename) FROM pg_sequences WHERE schemaname = current_schema()",
                        String.class).forEach(seq -> db.execute("ALTER SEQUENCE " + seq + " RESTART"));
            }
        }
    }
}
