package org.dhrtracker.themes;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.dhrtracker.SqlDates;
import org.dhrtracker.reconcile.ReconciledDates;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The recommendations to code and the coordinator's corrections to the rules' tags. Corrections
 * are kept by the recommendation's identity (review, source, owning body, number), not its row,
 * so they outlive a re-import of the register.
 */
@Repository
public class ThemeRepository {

    /**
     * A recommendation as the tagger sees it; id is its row, which a re-import of the register changes. stored: the
     * rules' tags stored with it ({@link #storedThemes}), or null when it has none.
     */
    public record RecommendationText(long id, String reviewId, String partnership, String source, String owningBody, String number,
            String scope, String text, StoredThemes stored) {

        public String key() {
            return ThemeRepository.key(reviewId, source, owningBody, number);
        }
    }

    /** The rules' tags stored with a recommendation, in taxonomy order, and the fingerprint of the taxonomy that gave them. */
    public record StoredThemes(List<String> themes, String taxonomy) {
    }

    /** The longest list of codes stored (the column's size): a longer one is coded each time instead. */
    static final int MAX_STORED = 10_000;

    /** The stored tags of the row's recommendation (columns rules_themes and rules_taxonomy), or null when none. */
    public static StoredThemes storedThemes(ResultSet rs) throws SQLException {
        String taxonomy = rs.getString("rules_taxonomy");
        String themes = rs.getString("rules_themes");
        if (taxonomy == null || themes == null) {
            return null;
        }
        return new StoredThemes(themes.isEmpty() ? List.of() : List.of(themes.split(",")), taxonomy);
    }

    /** A recommendation to code for storing: its row and text. */
    public record ToCode(long id, String text) {
    }

    /**
     * Up to max recommendations whose stored tags are missing or were coded under another taxonomy than the one with
     * this fingerprint. Through the index on rules_taxonomy, a range each side of the fingerprint and the empty ones,
     * so that a month with nothing to code reads nothing; in no order (the first max the index gives).
     */
    public List<ToCode> toCode(String fingerprint, int max) {
        List<ToCode> found = new ArrayList<>();
        for (String where : List.of("rules_taxonomy IS NULL", "rules_taxonomy < ?", "rules_taxonomy > ?")) {
            if (found.size() < max) {
                int left = max - found.size();
                Object[] args = where.endsWith("?") ? new Object[] {fingerprint, left} : new Object[] {left};
                found.addAll(jdbc.query("SELECT recommendation_id, text FROM recommendation WHERE " + where + " FETCH FIRST ? ROWS ONLY",
                        (rs, i) -> new ToCode(rs.getLong(1), rs.getString(2)), args));
            }
        }
        return found;
    }

    /**
     * Stores the rules' tags of these recommendations (themes.get(i) those of recommendations.get(i)), coded under
     * the taxonomy with this fingerprint. A row whose text has changed since it was read (a register imported
     * meanwhile) is left as the import left it, to be coded again. Tags too many for the column are not stored
     * (the fingerprint is, so they are not looked for again): they are coded whenever needed.
     */
    public void storeThemes(List<ToCode> recommendations, List<List<String>> themes, String fingerprint) {
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < recommendations.size(); i++) {
            String codes = String.join(",", themes.get(i));
            ToCode r = recommendations.get(i);
            rows.add(new Object[] {codes.length() <= MAX_STORED ? codes : null, fingerprint, r.id(), r.text()});
        }
        jdbc.batchUpdate("UPDATE recommendation SET rules_themes = ?, rules_taxonomy = ? WHERE recommendation_id = ? AND text = ?", rows);
    }

    /** A correction: ADD a theme the rules missed or REMOVE one they gave. */
    public record Override(String reviewId, String source, String owningBody, String number, String themeCode, boolean add) {

        String key() {
            return ThemeRepository.key(reviewId, source, owningBody, number);
        }
    }

    /** A recommendation's identity in one string: review, source, owning body and number. */
    public static String key(String reviewId, String source, String owningBody, String number) {
        return reviewId + "|" + source + "|" + owningBody + "|" + number;
    }

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public ThemeRepository(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Every recommendation of the review (or of every review when null), reviews in turn, in plan order. */
    public List<RecommendationText> recommendations(String reviewId) {
        // two statements, not "? IS NULL OR r.review_id = ?": that reads the whole table for one review
        return reviewId == null ? recommendationsWhere("TRUE") : recommendationsWhere("r.review_id = ?", reviewId);
    }

    /** Every recommendation of the partnership's reviews, reviews in turn, in plan order. */
    public List<RecommendationText> recommendationsOfPartnership(String partnership) {
        return recommendationsWhere("v.partnership = ?", partnership);
    }

    private List<RecommendationText> recommendationsWhere(String where, Object... args) {
        return jdbc.query("""
                SELECT r.recommendation_id, r.review_id, v.partnership, r.source, r.owning_body, r.number, r.scope, r.text,
                       r.rules_themes, r.rules_taxonomy
                FROM review v JOIN recommendation r ON r.review_id = v.review_id
                WHERE %s
                ORDER BY r.review_id, r.plan_order""".formatted(where),
                (rs, i) -> new RecommendationText(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getString(6), rs.getString(7), rs.getString(8), storedThemes(rs)),
                args);
    }

    /**
     * The recommendation of the review with this number, or empty with the reason added to
     * refusals (none has it, or several have: IMR numbering restarts for each agency).
     */
    public Optional<RecommendationText> numbered(String reviewId, String number, List<String> refusals) {
        List<RecommendationText> matches = recommendations(reviewId).stream().filter(r -> r.number().equals(number)).toList();
        if (matches.isEmpty()) {
            refusals.add("review " + reviewId + " has no recommendation " + number);
        } else if (matches.size() > 1) {
            refusals.add("review " + reviewId + " has " + matches.size() + " recommendations numbered " + number
                    + " (" + String.join(", ", matches.stream().map(m -> m.source() + " " + m.owningBody()).toList()) + ")");
        }
        return matches.size() == 1 ? Optional.of(matches.get(0)) : Optional.empty();
    }

    /**
     * For the latest dates up to asAt that the partnership's reviews were reconciled as at (at most
     * latest of them; every one with {@link ThemeCoding#ALL_DATES}), the ids of the recommendations open then (one of their actions not Completed).
     */
    public Map<LocalDate, Set<Long>> openByDate(String partnership, LocalDate asAt, int latest) {
        return openByDate(partnership, asAt, latest, Map.of());
    }

    /**
     * The same, with what the caller has read already: for a review, the recommendations open at its latest
     * reconciled dates up to asAt (the latest, then the one before, with none left out), which are not read again.
     */
    public Map<LocalDate, Set<Long>> openByDate(String partnership, LocalDate asAt, int latest, Map<String, Map<LocalDate, Set<Long>>> known) {
        // The statuses alone, each with its recommendation: reading the actions' rows for it (HSQLDB reads a row whole,
        // narrative included) was about a fifth of the themes section.
        Map<LocalDate, Set<Long>> open = new TreeMap<>();
        RowCallbackHandler status = rs -> {
            Set<Long> ids = open.computeIfAbsent(SqlDates.get(rs, 1), d -> new HashSet<>());
            if (!"COMPLETED".equals(rs.getString(3))) {
                ids.add(rs.getLong(2));
            }
        };
        if (latest == ThemeCoding.ALL_DATES) {
            jdbc.query("""
                    SELECT s.as_at, s.recommendation_id, s.status FROM review v JOIN action_status s ON s.review_id = v.review_id
                    WHERE v.partnership = ? AND s.as_at <= ?""", status, partnership, Date.valueOf(asAt));
            return open;
        }
        // Only the latest dates: reading every date's statuses grew with the years of monthly runs. The partnership's
        // latest dates are among its reviews' own latest, each found through the (review_id, as_at) index.
        List<String> reviews = jdbc.queryForList("SELECT review_id FROM review WHERE partnership = ?", String.class, partnership);
        Map<String, List<LocalDate>> datesOf = new HashMap<>();
        TreeSet<LocalDate> dates = new TreeSet<>();
        for (String review : reviews) {
            datesOf.put(review, latestDates(review, asAt, latest, known.getOrDefault(review, Map.of()).keySet()));
            dates.addAll(datesOf.get(review));
        }
        for (LocalDate date : dates.descendingSet().stream().limit(latest).toList()) {
            open.put(date, new HashSet<>());
            for (String review : reviews) {
                Set<Long> knownOpen = known.getOrDefault(review, Map.of()).get(date);
                if (knownOpen != null) {
                    open.get(date).addAll(knownOpen);
                } else if (datesOf.get(review).contains(date)) {
                    jdbc.query("SELECT as_at, recommendation_id, status FROM action_status WHERE review_id = ? AND as_at = ?", status,
                            review, Date.valueOf(date));
                }
            }
        }
        return open;
    }

    /**
     * The review's latest dates up to asAt (at most latest) that it was reconciled as at: those known, then the
     * ones before them through the index. Any of them that is among the partnership's latest is among the review's.
     */
    private List<LocalDate> latestDates(String review, LocalDate asAt, int latest, Set<LocalDate> known) {
        List<LocalDate> dates = new ArrayList<>(new TreeSet<>(known).descendingSet().stream().filter(d -> !d.isAfter(asAt)).toList());
        LocalDate date = dates.isEmpty() ? asAt.plusDays(1) : dates.get(dates.size() - 1);
        while (dates.size() < latest && (date = ReconciledDates.before(jdbc, review, date)) != null) {
            dates.add(date);
        }
        return dates.subList(0, Math.min(latest, dates.size()));
    }

    /**
     * The corrections of these reviews, by recommendation key. Review by review, through the key: the report step
     * asks once per partnership, and reading every correction of the country each time grew with the square of it.
     */
    public Map<String, List<Override>> overrides(List<String> reviews) {
        Map<String, List<Override>> byKey = new LinkedHashMap<>();
        for (String review : reviews) {
            jdbc.query("""
                    SELECT review_id, source, owning_body, number, theme_code, decision FROM theme_override WHERE review_id = ?
                    ORDER BY review_id, source, owning_body, number, theme_code""", rs -> {
                Override o = new Override(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getString(6).equals("ADD"));
                byKey.computeIfAbsent(o.key(), k -> new ArrayList<>()).add(o);
            }, review);
        }
        return byKey;
    }

    /** Records corrections, each replacing any earlier one for the same recommendation and theme. */
    @Transactional
    public void save(List<Override> overrides) {
        Timestamp now = Timestamp.from(clock.instant());
        for (Override o : overrides) {
            jdbc.update("DELETE FROM theme_override WHERE review_id = ? AND source = ? AND owning_body = ? AND number = ? AND theme_code = ?",
                    o.reviewId(), o.source(), o.owningBody(), o.number(), o.themeCode());
            jdbc.update("""
                    INSERT INTO theme_override (review_id, source, owning_body, number, theme_code, decision, recorded_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?)""",
                    o.reviewId(), o.source(), o.owningBody(), o.number(), o.themeCode(), o.add() ? "ADD" : "REMOVE", now);
        }
    }
}
