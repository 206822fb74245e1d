package org.dhrtracker;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;
import org.springframework.stereotype.Component;

/**
 * Creates the product's tables and Spring Batch's job repository tables on first start, and
 * shuts the file database down cleanly when the application closes.
 */
@Component
public class DatabaseSchema implements InitializingBean, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(DatabaseSchema.class);

    private final DataSource dataSource;

    public DatabaseSchema(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public void afterPropertiesSet() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            String vendor = c.getMetaData().getDatabaseProductName().toLowerCase().contains("hsql") ? "hsqldb" : "postgresql";
            if (!tableExists(c, "BATCH_JOB_INSTANCE")) {
                run(c, "org/springframework/batch/core/schema-" + vendor + ".sql");
            }
            if (!tableExists(c, "REVIEW")) {
                run(c, "db/" + vendor + "/schema.sql");
                log.info("Created the register schema ({})", vendor);
            }
        }
    }

    private static boolean tableExists(Connection c, String table) throws SQLException {
        try (ResultSet rs = c.getMetaData().getTables(null, null, table, null);
                ResultSet lower = c.getMetaData().getTables(null, null, table.toLowerCase(), null)) {
            return rs.next() || lower.next();
        }
    }

    private static void run(Connection c, String script) {
        new ResourceDatabasePopulator(new ClassPathResource(script)).populate(c);
    }

    /** HSQLDB writes its files completely only on SHUTDOWN; without it the next start replays the log. */
    @Override
    public void destroy() {
        try (Connection c = dataSource.getConnection()) {
            if (c.getMetaData().getDatabaseProductName().toLowerCase().contains("hsql")) {
                c.createStatement().execute("SHUTDOWN");
            }
        } catch (SQLException e) {
            log.warn("Database shutdown failed: {}", e.getMessage());
        }
    }
}
