package org.dhrtracker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;
import org.springframework.stereotype.Component;

/**
 * Creates Spring Batch's job repository tables on first start, and each of the product's tables
 * that is absent (a new version's table in an existing database too; and the columns added to existing
 * tables since: the statuses' recommendation, filled; the recommendations' stored tags, empty until
 * coded; the updates' parts, filled; the parts' ranges of ids, filled; the parts' foreign keys dropped; the updates' own dates, dropped; the action keys, copied), from the scripts of the database in use ({@link DatabaseVendor}: HSQLDB or PostgreSQL), and
 * shuts the file database down cleanly when the application closes.
 */
@Component
public class DatabaseSchema implements InitializingBean, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(DatabaseSchema.class);

    private final DataSource dataSource;
    private final DatabaseVendor.FileSettings files;

    public DatabaseSchema(DataSource dataSource) {
        this(dataSource, DatabaseVendor.FileSettings.DEFAULT);
    }

    /** @param files how the embedded database uses its files ({@link DatabaseVendor.FileSettings}); nothing for a server database */
    public DatabaseSchema(DataSource dataSource, DatabaseVendor.FileSettings files) {
        this.dataSource = dataSource;
        this.files = files;
    }

    @org.springframework.beans.factory.annotation.Autowired
    public DatabaseSchema(DataSource dataSource, @Value("${dhr.database.cache-kb:10000}") int cacheKilobytes,
            @Value("${dhr.database.mapped-mb:16384}") int mappedMegabytes, @Value("${dhr.database.log-mb:200}") int logMegabytes) {
        this(dataSource, new DatabaseVendor.FileSettings(cacheKilobytes, mappedMegabytes, logMegabytes));
    }

    @Override
    public void afterPropertiesSet() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            DatabaseVendor vendor = DatabaseVendor.of(c);
            if (!tableExists(c, "BATCH_JOB_INSTANCE")) {
                run(c, vendor.batchSchema());
            }
            // before the tables: the index on the added column is created with the missing ones
            addRulesThemes(c);
            boolean partsToFill = addUpdateParts(c);
            boolean rangesToFill = addPartRanges(c);
            boolean keysToCopy = tableExists(c, "ACTION") && !tableExists(c, "ACTION_KEY");
            createMissingTables(c, vendor.applicationSchema());
            addStatusRecommendations(c);
            if (partsToFill) {
                fillUpdateParts(c);
            }
            if (rangesToFill) {
                fillPartRanges(c);
            }
            dropPartKeys(c);
            dropUpdateDates(c);
            if (keysToCopy) {
                copyActionKeys(c);
            }
            try (Statement s = c.createStatement()) {
                for (String statement : vendor.fileStatements(files)) {
                    s.execute(statement);
                }
            }
        }
    }

    /**
     * Runs the statements of the application schema whose table is absent, so a table added in a
     * later version is created in an existing database too. An index goes with its table, or is
     * created on its own when a later version added it to an existing table.
     */
    private static void createMissingTables(Connection c, String script) throws SQLException {
        String sql;
        try {
            sql = new ClassPathResource(script).getContentAsString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + script, e);
        }
        // The schema's statements end with ";" and its comments are whole "--" lines.
        List<String> statements = Arrays.stream(sql.replaceAll("(?m)^\\s*--.*$", "").split(";"))
                .map(String::strip).filter(st -> !st.isEmpty()).toList();
        Map<String, Boolean> absent = new HashMap<>();
        List<String> created = new ArrayList<>();
        for (String statement : statements) {
            Matcher m = TABLE_OF_STATEMENT.matcher(statement);
            if (!m.find()) {
                throw new IllegalStateException(script + ": a statement that creates no table: " + statement);
            }
            String table = m.group(1) != null ? m.group(1) : m.group(3);
            boolean tableAbsent = absent.computeIfAbsent(table.toUpperCase(Locale.ROOT), t -> !tableExists(c, t));
            if (tableAbsent || m.group(2) != null && !indexExists(c, table, m.group(2))) {
                try (Statement s = c.createStatement()) {
                    s.execute(statement);
                }
                if (m.group(1) != null) {
                    created.add(table);
                }
            }
        }
        if (!created.isEmpty()) {
            log.info("Created tables {}", created);
        }
    }

    private static List<String> reviewIds(Connection c) throws SQLException {
        List<String> reviews = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT review_id FROM review ORDER BY review_id")) {
            while (rs.next()) {
                reviews.add(rs.getString(1));
            }
        }
        return reviews;
    }

    /**
     * An existing database's action keys (action_key, new) copied from its actions, review by review: one
     * statement for a national register would hold every key in memory until it committed.
     */
    private static void copyActionKeys(Connection c) throws SQLException {
        List<String> reviews = reviewIds(c);
        try (PreparedStatement copy = c.prepareStatement(org.dhrtracker.register.RegisterRepository.COPY_ACTION_KEYS)) {
            for (String review : reviews) {
                copy.setString(1, review);
                copy.executeUpdate();
            }
        }
        log.info("Copied the action keys of {} reviews to action_key, for checking returns", reviews.size());
    }

    /**
     * action_status.recommendation_id, added to an existing table: the column, each stored status's
     * recommendation (its action's), then NOT NULL as a new database has it. Filled review by review: one
     * statement for a national database's every status would hold them all in memory until it committed.
     */
    private static void addStatusRecommendations(Connection c) throws SQLException {
        if (columnExists(c, "action_status", "recommendation_id")) {
            return;
        }
        try (Statement s = c.createStatement()) {
            s.execute("ALTER TABLE action_status ADD COLUMN recommendation_id BIGINT");
        }
        List<String> reviews = reviewIds(c);
        try (PreparedStatement fill = c.prepareStatement("""
                UPDATE action_status SET recommendation_id =
                    (SELECT a.recommendation_id FROM action a WHERE a.action_id = action_status.action_id)
                WHERE review_id = ?""")) {
            for (String review : reviews) {
                fill.setString(1, review);
                fill.executeUpdate();
            }
        }
        try (Statement s = c.createStatement()) {
            s.execute("ALTER TABLE action_status ALTER COLUMN recommendation_id SET NOT NULL");
        }
        log.info("Added action_status.recommendation_id, filled for the statuses of {} reviews", reviews.size());
    }

    /**
     * progress_update.part_id, added to an existing table before the tables are created (return_part with
     * them, and on PostgreSQL the column's index), empty; {@link #fillUpdateParts} fills it.
     *
     * @return whether the column was added
     */
    private static boolean addUpdateParts(Connection c) throws SQLException {
        if (!tableExists(c, "PROGRESS_UPDATE") || columnExists(c, "progress_update", "part_id")) {
            return false;
        }
        try (Statement s = c.createStatement()) {
            s.execute("ALTER TABLE progress_update ADD COLUMN part_id BIGINT");
        }
        return true;
    }

    /**
     * An existing database's updates put in parts as intake now writes them: a part per file, review
     * and as-at date, with the range of its updates' ids (other parts' updates of the file may lie
     * inside it), each update given its part, then part_id made NOT NULL; the foreign key on action_id,
     * the (action_id, as_at) index and the update's own return_file_id (its part's now) dropped (see
     * the schema).
     * File by file: one statement for a national database's every update would hold them all in
     * memory until it committed.
     */
    private static void fillUpdateParts(Connection c) throws SQLException {
        List<Long> files = new ArrayList<>();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT DISTINCT return_file_id FROM progress_update ORDER BY return_file_id")) {
            while (rs.next()) {
                files.add(rs.getLong(1));
            }
        }
        try (PreparedStatement parts = c.prepareStatement("""
                INSERT INTO return_part (return_file_id, review_id, as_at, first_update_id, last_update_id)
                SELECT u.return_file_id, a.review_id, u.as_at, MIN(u.update_id), MAX(u.update_id)
                FROM progress_update u JOIN action a ON a.action_id = u.action_id
                WHERE u.return_file_id = ? GROUP BY u.return_file_id, a.review_id, u.as_at""");
                PreparedStatement fill = c.prepareStatement("""
                        UPDATE progress_update SET part_id = (SELECT p.part_id FROM return_part p JOIN action a ON a.review_id = p.review_id
                            WHERE a.action_id = progress_update.action_id AND p.return_file_id = progress_update.return_file_id
                              AND p.as_at = progress_update.as_at)
                        WHERE return_file_id = ?""")) {
            for (long file : files) {
                parts.setLong(1, file);
                parts.executeUpdate();
                fill.setLong(1, file);
                fill.executeUpdate();
            }
        }
        try (Statement s = c.createStatement()) {
            s.execute("ALTER TABLE progress_update ALTER COLUMN part_id SET NOT NULL");
            for (String column : List.of("action_id", "return_file_id")) {
                for (String key : foreignKeys(c, "progress_update", column)) {
                    s.execute("ALTER TABLE progress_update DROP CONSTRAINT " + key);
                }
            }
            if (indexExists(c, "progress_update", "progress_update_action")) {
                s.execute("DROP INDEX progress_update_action");
            }
            s.execute("ALTER TABLE progress_update DROP COLUMN return_file_id");
        }
        log.info("Put the updates of {} return files in parts (return_part), for reads by review", files.size());
    }

    /**
     * return_part.first_update_id and last_update_id, added to an existing table before the tables are
     * created, empty; {@link #fillPartRanges} fills them.
     *
     * @return whether the columns were added
     */
    private static boolean addPartRanges(Connection c) throws SQLException {
        if (!tableExists(c, "RETURN_PART") || columnExists(c, "return_part", "first_update_id")) {
            return false;
        }
        try (Statement s = c.createStatement()) {
            s.execute("ALTER TABLE return_part ADD COLUMN first_update_id BIGINT");
            s.execute("ALTER TABLE return_part ADD COLUMN last_update_id BIGINT");
        }
        return true;
    }

    /**
     * An existing database's parts given the range of their updates' ids (read through the index on
     * part_id, still there), then the ranges made NOT NULL, and progress_update's foreign key on part_id
     * and its index dropped: reads go through the ranges now. Parts a thousand at a time, so that no
     * transaction holds a national database's every part.
     */
    private static void fillPartRanges(Connection c) throws SQLException {
        long last;
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COALESCE(MAX(part_id), 0) FROM return_part")) {
            rs.next();
            last = rs.getLong(1);
        }
        try (PreparedStatement fill = c.prepareStatement("""
                UPDATE return_part SET
                    first_update_id = (SELECT MIN(u.update_id) FROM progress_update u WHERE u.part_id = return_part.part_id),
                    last_update_id = (SELECT MAX(u.update_id) FROM progress_update u WHERE u.part_id = return_part.part_id)
                WHERE part_id BETWEEN ? AND ?""")) {
            for (long from = 0; from <= last; from += PARTS_PER_FILL) {
                fill.setLong(1, from);
                fill.setLong(2, from + PARTS_PER_FILL - 1);
                fill.executeUpdate();
            }
        }
        try (Statement s = c.createStatement()) {
            s.execute("ALTER TABLE return_part ALTER COLUMN first_update_id SET NOT NULL");
            s.execute("ALTER TABLE return_part ALTER COLUMN last_update_id SET NOT NULL");
            for (String key : foreignKeys(c, "progress_update", "part_id")) {
                s.execute("ALTER TABLE progress_update DROP CONSTRAINT " + key);
            }
            if (indexExists(c, "progress_update", "progress_update_part")) {
                s.execute("DROP INDEX progress_update_part");
            }
        }
        log.info("Gave the return parts the ranges of their updates' ids, for reads through progress_update's primary key");
    }

    private static final int PARTS_PER_FILL = 1000;

    /**
     * An existing database's progress_update losing its as-at date and time of receipt, which its part
     * and file hold (see the schema); after the parts are filled, which group the updates by them.
     */
    private static void dropUpdateDates(Connection c) throws SQLException {
        List<String> dropped = new ArrayList<>();
        for (String column : List.of("as_at", "received_at")) {
            if (columnExists(c, "progress_update", column)) {
                try (Statement s = c.createStatement()) {
                    s.execute("ALTER TABLE progress_update DROP COLUMN " + column);
                }
                dropped.add(column);
            }
        }
        if (!dropped.isEmpty()) {
            log.info("Dropped progress_update's {}: each update's are its part's and file's", dropped);
        }
    }

    /**
     * An existing database's return_part losing its foreign keys (see the schema), and its block of
     * update ids moved past its parts' ids: intake now gives a part its first update's id, and the
     * parts of before were numbered by the identity.
     */
    private static void dropPartKeys(Connection c) throws SQLException {
        List<String> keys = new ArrayList<>();
        for (String column : List.of("return_file_id", "review_id")) {
            keys.addAll(foreignKeys(c, "return_part", column));
        }
        if (keys.isEmpty()) {
            return;
        }
        try (Statement s = c.createStatement()) {
            for (String key : keys) {
                s.execute("ALTER TABLE return_part DROP CONSTRAINT " + key);
            }
            s.execute("""
                    UPDATE update_id_block SET next_update_id = (SELECT MAX(part_id) + 1 FROM return_part)
                    WHERE next_update_id <= (SELECT MAX(part_id) FROM return_part)""");
        }
        log.info("Dropped return_part's foreign keys: a part takes its first update's id now");
    }

    /** The names of the table's foreign keys on the column (HSQLDB's names or PostgreSQL's). */
    public static List<String> foreignKeys(Connection c, String table, String column) throws SQLException {
        List<String> keys = new ArrayList<>();
        for (String name : List.of(table.toUpperCase(Locale.ROOT), table.toLowerCase(Locale.ROOT))) {
            try (ResultSet rs = c.getMetaData().getImportedKeys(null, c.getSchema(), name)) {
                while (rs.next()) {
                    if (column.equalsIgnoreCase(rs.getString("FKCOLUMN_NAME"))) {
                        keys.add(rs.getString("FK_NAME"));
                    }
                }
            }
        }
        return keys;
    }

    /**
     * recommendation.rules_themes and rules_taxonomy, added to an existing table empty: the next code-themes step
     * codes every recommendation and stores its tags (until then, the themes code them as they need them).
     */
    private static void addRulesThemes(Connection c) throws SQLException {
        if (!tableExists(c, "RECOMMENDATION") || columnExists(c, "recommendation", "rules_themes")) {
            return;
        }
        try (Statement s = c.createStatement()) {
            s.execute("ALTER TABLE recommendation ADD COLUMN rules_themes VARCHAR(10000)");
            s.execute("ALTER TABLE recommendation ADD COLUMN rules_taxonomy CHAR(64)");
        }
        log.info("Added recommendation.rules_themes and rules_taxonomy, empty: the next code-themes step stores every recommendation's tags");
    }

    private static boolean columnExists(Connection c, String table, String column) throws SQLException {
        for (String[] names : List.of(new String[] {table.toUpperCase(Locale.ROOT), column.toUpperCase(Locale.ROOT)},
                new String[] {table.toLowerCase(Locale.ROOT), column.toLowerCase(Locale.ROOT)})) {
            try (ResultSet rs = c.getMetaData().getColumns(null, c.getSchema(), names[0], names[1])) {
                if (rs.next()) {
                    return true;
                }
            }
        }
        return false;
    }

    private static final Pattern TABLE_OF_STATEMENT = Pattern.compile(
            "^\\s*CREATE\\s+(?:TABLE\\s+(\\w+)|INDEX\\s+(\\w+)\\s+ON\\s+(\\w+))", Pattern.CASE_INSENSITIVE);

    /**
     * Whether the table is in the connection's schema (on a shared PostgreSQL server another schema
     * may have a table of that name). HSQLDB keeps unquoted names upper case, PostgreSQL lower case.
     */
    private static boolean tableExists(Connection c, String table) {
        try (ResultSet rs = c.getMetaData().getTables(null, c.getSchema(), table, null);
                ResultSet lower = c.getMetaData().getTables(null, c.getSchema(), table.toLowerCase(Locale.ROOT), null)) {
            return rs.next() || lower.next();
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the database's tables", e);
        }
    }

    private static boolean indexExists(Connection c, String table, String index) {
        for (String name : List.of(table.toUpperCase(Locale.ROOT), table.toLowerCase(Locale.ROOT))) {
            try (ResultSet rs = c.getMetaData().getIndexInfo(null, c.getSchema(), name, false, false)) {
                while (rs.next()) {
                    if (index.equalsIgnoreCase(rs.getString("INDEX_NAME"))) {
                        return true;
                    }
                }
            } catch (SQLException e) {
                throw new IllegalStateException("Cannot read the database's indexes", e);
            }
        }
        return false;
    }

    private static void run(Connection c, String script) {
        new ResourceDatabasePopulator(new ClassPathResource(script)).populate(c);
    }

    /** HSQLDB writes its files completely only on SHUTDOWN; without it the next start replays the log. */
    @Override
    public void destroy() {
        try (Connection c = dataSource.getConnection()) {
            String shutdown = DatabaseVendor.of(c).shutdownStatement();
            if (shutdown != null) {
                try (Statement s = c.createStatement()) {
                    s.execute(shutdown);
                }
            }
        } catch (SQLException e) {
            log.warn("Database shutdown failed: {}", e.getMessage());
        }
    }
}
