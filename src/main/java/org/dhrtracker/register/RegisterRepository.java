package org.dhrtracker.register;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.dhrtracker.register.Recommendation.SubItem;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Reads and writes the register tables. */
@Repository
public class RegisterRepository {

    /** An action as intake needs it: which row it is and which agency may update it. */
    public record ActionKey(long actionId, String agency) {
    }

    /** What an import did to the register. */
    public record ImportCounts(int reviews, int recommendationsAdded, int recommendationsUpdated, int actionsAdded,
            int actionsUpdated) {
    }

    private final JdbcTemplate jdbc;

    public RegisterRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Creates or updates the register from a checked file, matching recommendations by their
     * identity and actions by review + action ref. Actions absent from the file are kept: their
     * history must not be lost. Runs inside the caller's transaction. What is already there is read
     * once per review and everything is written in batches: a register of a whole partnership is
     * thousands of rows.
     */
    public ImportCounts save(List<RegisterFile.Entry> entries) {
        Timestamp now = Timestamp.from(Instant.now());
        int[] counts = new int[5];
        Map<String, Review> reviews = new LinkedHashMap<>();
        Map<String, String> agencies = new LinkedHashMap<>();
        entries.forEach(e -> {
            reviews.putIfAbsent(e.review().id(), e.review());
            agencies.put(e.action().agency(), e.action().agencyName());
        });
        for (Review review : reviews.values()) {
            counts[0]++;
            int updated = jdbc.update("UPDATE review SET partnership = ?, partnership_name = ?, title = ?, imported_at = ? WHERE review_id = ?",
                    review.partnership(), review.partnershipName(), review.title(), now, review.id());
            if (updated == 0) {
                jdbc.update("INSERT INTO review (review_id, partnership, partnership_name, title, imported_at) VALUES (?, ?, ?, ?, ?)",
                        review.id(), review.partnership(), review.partnershipName(), review.title(), now);
            }
        }
        agencies.forEach((code, name) -> {
            if (jdbc.update("UPDATE agency SET name = ? WHERE agency_code = ?", name, code) == 0) {
                jdbc.update("INSERT INTO agency (agency_code, name) VALUES (?, ?)", code, name);
            }
        });
        Map<String, Long> recIds = saveRecommendations(entries, reviews.keySet(), counts);
        saveActions(entries, reviews.keySet(), recIds, counts);
        return new ImportCounts(counts[0], counts[1], counts[2], counts[3], counts[4]);
    }

    /** A recommendation of the file with the plan order of its first action. */
    private record RecommendationRow(String reviewId, Recommendation recommendation, int order) {
        String key() {
            return reviewId + "|" + recommendation.key();
        }
    }

    /** @return review id + recommendation key → its id, for every recommendation of the file */
    private Map<String, Long> saveRecommendations(List<RegisterFile.Entry> entries, Collection<String> reviewIds, int[] counts) {
        Map<String, RecommendationRow> recs = new LinkedHashMap<>();
        int order = 0;
        for (RegisterFile.Entry e : entries) {
            order++;
            RecommendationRow rec = new RecommendationRow(e.review().id(), e.recommendation(), order);
            recs.putIfAbsent(rec.key(), rec);
        }
        Map<String, Long> ids = recommendationIds(reviewIds);
        List<RecommendationRow> added = recs.values().stream().filter(r -> !ids.containsKey(r.key())).toList();
        List<RecommendationRow> updated = recs.values().stream().filter(r -> ids.containsKey(r.key())).toList();
        jdbc.batchUpdate("""
                INSERT INTO recommendation (review_id, source, owning_body, number, scope, scope_as_written, text, plan_order)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""", added, BATCH, (ps, r) -> {
                    Recommendation rec = r.recommendation();
                    ps.setString(1, r.reviewId());
                    ps.setString(2, rec.source().name());
                    ps.setString(3, rec.owningBody());
                    ps.setString(4, rec.number());
                    ps.setString(5, rec.scope() == null ? null : rec.scope().name());
                    ps.setString(6, rec.scopeAsWritten());
                    ps.setString(7, rec.text());
                    ps.setInt(8, r.order());
                });
        // a new text clears the themes' tags stored with the old one (the right-hand sides read the row as it was)
        jdbc.batchUpdate("""
                UPDATE recommendation SET scope = ?, scope_as_written = ?, text = ?, plan_order = ?,
                    rules_taxonomy = CASE WHEN text = ? THEN rules_taxonomy ELSE NULL END
                WHERE recommendation_id = ?""",
                updated, BATCH, (ps, r) -> {
                    Recommendation rec = r.recommendation();
                    ps.setString(1, rec.scope() == null ? null : rec.scope().name());
                    ps.setString(2, rec.scopeAsWritten());
                    ps.setString(3, rec.text());
                    ps.setInt(4, r.order());
                    ps.setString(5, rec.text());
                    ps.setLong(6, ids.get(r.key()));
                });
        jdbc.batchUpdate("DELETE FROM recommendation_sub_item WHERE recommendation_id = ?", updated, BATCH,
                (ps, r) -> ps.setLong(1, ids.get(r.key())));
        counts[1] += added.size();
        counts[2] += updated.size();
        if (!added.isEmpty()) {
            ids.putAll(recommendationIds(reviewIds));
        }
        List<Object[]> subItems = new ArrayList<>();
        for (RecommendationRow r : recs.values()) {
            int seq = 0;
            for (SubItem item : r.recommendation().subItems()) {
                subItems.add(new Object[] {ids.get(r.key()), ++seq, item.label(), item.text()});
            }
        }
        jdbc.batchUpdate("INSERT INTO recommendation_sub_item (recommendation_id, seq, label, text) VALUES (?, ?, ?, ?)", subItems);
        return ids;
    }

    /** The recommendations of the reviews: review id + recommendation key → id. */
    private Map<String, Long> recommendationIds(Collection<String> reviewIds) {
        Map<String, Long> ids = new HashMap<>();
        for (String reviewId : reviewIds) {
            jdbc.query("SELECT recommendation_id, source, owning_body, number FROM recommendation WHERE review_id = ?", rs -> {
                ids.put(reviewId + "|" + rs.getString(2) + "|" + rs.getString(3) + "|" + rs.getString(4), rs.getLong(1));
            }, reviewId);
        }
        return ids;
    }

    private void saveActions(List<RegisterFile.Entry> entries, Collection<String> reviewIds, Map<String, Long> recIds, int[] counts) {
        Set<String> existing = new HashSet<>();
        for (String reviewId : reviewIds) {
            jdbc.query("SELECT action_ref FROM action WHERE review_id = ?", rs -> {
                existing.add(reviewId + "|" + rs.getString(1));
            }, reviewId);
        }
        List<Object[]> added = new ArrayList<>();
        List<Object[]> updated = new ArrayList<>();
        int order = 0;
        for (RegisterFile.Entry e : entries) {
            order++;
            String reviewId = e.review().id();
            Action a = e.action();
            DueDate due = a.due();
            Date dueDate = due.date() == null ? null : Date.valueOf(due.date());
            long recId = recIds.get(reviewId + "|" + e.recommendation().key());
            // A ref seen again (in the database, or earlier in this file) updates the action.
            if (!existing.add(reviewId + "|" + a.ref())) {
                updated.add(new Object[] {recId, a.agency(), a.text(), a.evidenceOfAchievement(), a.implementationLead(),
                    a.targetDateAsWritten(), dueDate, due.note(), due.ongoing(), order, reviewId, a.ref()});
            } else {
                added.add(new Object[] {recId, reviewId, a.ref(), a.agency(), a.text(), a.evidenceOfAchievement(), a.implementationLead(),
                    a.targetDateAsWritten(), dueDate, due.note(), due.ongoing(), order});
            }
        }
        jdbc.batchUpdate("""
                INSERT INTO action (recommendation_id, review_id, action_ref, agency_code, action_text, evidence_of_achievement,
                  implementation_lead, target_date_text, due_date, due_date_note, ongoing, plan_order)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", added);
        jdbc.batchUpdate("""
                UPDATE action SET recommendation_id = ?, agency_code = ?, action_text = ?, evidence_of_achievement = ?,
                  implementation_lead = ?, target_date_text = ?, due_date = ?, due_date_note = ?, ongoing = ?, plan_order = ?
                WHERE review_id = ? AND action_ref = ?""", updated);
        counts[3] += added.size();
        counts[4] += updated.size();
        for (String reviewId : reviewIds) {
            writeActionKeys(reviewId);
        }
    }

    /** The review's action keys (action_key) written again from its actions as they are now. */
    private void writeActionKeys(String reviewId) {
        jdbc.update("DELETE FROM action_key WHERE review_id = ?", reviewId);
        jdbc.update(COPY_ACTION_KEYS, reviewId);
    }

    /** A review's action keys copied from its actions into action_key; {@code ?} is the review. */
    public static final String COPY_ACTION_KEYS = """
            INSERT INTO action_key (review_id, action_ref, action_id, agency_code)
            SELECT review_id, action_ref, action_id, agency_code FROM action WHERE review_id = ?""";

    private static final int BATCH = 1000;

    /** A review of the register, if there is one with that id. */
    public java.util.Optional<Review> review(String reviewId) {
        return jdbc.query("SELECT review_id, partnership, partnership_name, title FROM review WHERE review_id = ?",
                (rs, i) -> new Review(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)), reviewId)
                .stream().findFirst();
    }

    public boolean isEmpty() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM review", Integer.class) == 0;
    }

    public List<String> reviewIds() {
        return jdbc.queryForList("SELECT review_id FROM review ORDER BY review_id", String.class);
    }

    /** Every review's partnership, by review id in order. */
    public Map<String, String> partnerships() {
        Map<String, String> partnerships = new java.util.LinkedHashMap<>();
        jdbc.query("SELECT review_id, partnership FROM review ORDER BY review_id", rs -> {
            partnerships.put(rs.getString(1), rs.getString(2));
        });
        return partnerships;
    }

    /**
     * Every action of every review, keyed review → action ref, for checking returns in memory (an
     * unknown review has no entry, a review without actions an empty one). Each review's actions are
     * read when first asked for, and only the {@value #REVIEWS_KEPT} reviews asked for last are kept:
     * a national register (150,000 actions) is never held whole, and the returns of a month come
     * partnership by partnership.
     */
    public Map<String, Map<String, ActionKey>> actionKeys() {
        return new ActionKeys();
    }

    static final int REVIEWS_KEPT = 1000;

    private final class ActionKeys extends java.util.AbstractMap<String, Map<String, ActionKey>> {
        private final Map<String, java.util.Optional<Map<String, ActionKey>>> loaded = new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, java.util.Optional<Map<String, ActionKey>>> eldest) {
                return size() > REVIEWS_KEPT;
            }
        };

        @Override
        public Map<String, ActionKey> get(Object review) {
            return review instanceof String id ? loaded.computeIfAbsent(id, this::read).orElse(null) : null;
        }

        @Override
        public boolean containsKey(Object review) {
            return get(review) != null;
        }

        private java.util.Optional<Map<String, ActionKey>> read(String reviewId) {
            Map<String, ActionKey> keys = new HashMap<>();
            jdbc.query("SELECT action_ref, action_id, agency_code FROM action_key WHERE review_id = ?", rs -> {
                keys.put(rs.getString(1), new ActionKey(rs.getLong(2), rs.getString(3)));
            }, reviewId);
            return keys.isEmpty() && review(reviewId).isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(keys);
        }

        /** Reviews are read one by one, never listed. */
        @Override
        public Set<Map.Entry<String, Map<String, ActionKey>>> entrySet() {
            throw new UnsupportedOperationException("the register's action keys are read review by review");
        }
    }
}
