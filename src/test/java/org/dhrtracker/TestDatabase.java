package org.dhrtracker;

import java.util.List;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/** What the tests do to the database that differs between HSQLDB and PostgreSQL. */
public final class TestDatabase {

    private TestDatabase() {
    }

    public static DatabaseVendor vendor(JdbcTemplate db) {
        return db.execute((ConnectionCallback<DatabaseVendor>) DatabaseVendor::of);
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
