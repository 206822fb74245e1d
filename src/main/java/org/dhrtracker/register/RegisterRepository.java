package org.dhrtracker.register;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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
     * history must not be lost. Runs inside the caller's transaction.
     */
    public ImportCounts save(List<RegisterFile.Entry> entries) {
        Timestamp now = Timestamp.from(Instant.now());
        Map<String, Long> recIds = new HashMap<>();
        int[] counts = new int[5];
        int order = 0;
        for (RegisterFile.Entry e : entries) {
            order++;
            Review review = e.review();
            if (!recIds.containsKey("review|" + review.id())) {
                recIds.put("review|" + review.id(), 0L);
                counts[0]++;
                int updated = jdbc.update("UPDATE review SET partnership = ?, partnership_name = ?, title = ?, imported_at = ? WHERE review_id = ?",
                        review.partnership(), review.partnershipName(), review.title(), now, review.id());
                if (updated == 0) {
                    jdbc.update("INSERT INTO review (review_id, partnership, partnership_name, title, imported_at) VALUES (?, ?, ?, ?, ?)",
                            review.id(), review.partnership(), review.partnershipName(), review.title(), now);
                }
            }
            Action a = e.action();
            if (jdbc.update("UPDATE agency SET name = ? WHERE agency_code = ?", a.agencyName(), a.agency()) == 0) {
                jdbc.update("INSERT INTO agency (agency_code, name) VALUES (?, ?)", a.agency(), a.agencyName());
            }
            String recKey = review.id() + "|" + e.recommendation().key();
            Long recId = recIds.get(recKey);
            if (recId == null) {
                recId = saveRecommendation(review.id(), e.recommendation(), order, counts);
                recIds.put(recKey, recId);
            }
            saveAction(review.id(), recId, a, order, counts);
        }
        return new ImportCounts(counts[0], counts[1], counts[2], counts[3], counts[4]);
    }

    private long saveRecommendation(String reviewId, Recommendation r, int order, int[] counts) {
        List<Long> existing = jdbc.queryForList(
                "SELECT recommendation_id FROM recommendation WHERE review_id = ? AND source = ? AND owning_body = ? AND number = ?",
                Long.class, reviewId, r.source().name(), r.owningBody(), r.number());
        String scope = r.scope() == null ? null : r.scope().name();
        long id;
        if (existing.isEmpty()) {
            jdbc.update("""
                    INSERT INTO recommendation (review_id, source, owning_body, number, scope, scope_as_written, text, plan_order)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)""",
                    reviewId, r.source().name(), r.owningBody(), r.number(), scope, r.scopeAsWritten(), r.text(), order);
            id = jdbc.queryForObject(
                    "SELECT recommendation_id FROM recommendation WHERE review_id = ? AND source = ? AND owning_body = ? AND number = ?",
                    Long.class, reviewId, r.source().name(), r.owningBody(), r.number());
            counts[1]++;
        } else {
            id = existing.get(0);
            jdbc.update("UPDATE recommendation SET scope = ?, scope_as_written = ?, text = ?, plan_order = ? WHERE recommendation_id = ?",
                    scope, r.scopeAsWritten(), r.text(), order, id);
            jdbc.update("DELETE FROM recommendation_sub_item WHERE recommendation_id = ?", id);
            counts[2]++;
        }
        int seq = 0;
        for (SubItem s : r.subItems()) {
            jdbc.update("INSERT INTO recommendation_sub_item (recommendation_id, seq, label, text) VALUES (?, ?, ?, ?)",
                    id, ++seq, s.label(), s.text());
        }
        return id;
    }

    private void saveAction(String reviewId, long recId, Action a, int order, int[] counts) {
        DueDate due = a.due();
        Date dueDate = due.date() == null ? null : Date.valueOf(due.date());
        int updated = jdbc.update("""
                UPDATE action SET recommendation_id = ?, agency_code = ?, action_text = ?, evidence_of_achievement = ?,
                  implementation_lead = ?, target_date_text = ?, due_date = ?, due_date_note = ?, ongoing = ?, plan_order = ?
                WHERE review_id = ? AND action_ref = ?""",
                recId, a.agency(), a.text(), a.evidenceOfAchievement(), a.implementationLead(), a.targetDateAsWritten(),
                dueDate, due.note(), due.ongoing(), order, reviewId, a.ref());
        if (updated == 0) {
            jdbc.update("""
                    INSERT INTO action (recommendation_id, review_id, action_ref, agency_code, action_text, evidence_of_achievement,
                      implementation_lead, target_date_text, due_date, due_date_note, ongoing, plan_order)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                    recId, reviewId, a.ref(), a.agency(), a.text(), a.evidenceOfAchievement(), a.implementationLead(),
                    a.targetDateAsWritten(), dueDate, due.note(), due.ongoing(), order);
            counts[3]++;
        } else {
            counts[4]++;
        }
    }

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

    /** Every action of every review, keyed review → action ref, for checking returns in memory. */
    public Map<String, Map<String, ActionKey>> actionKeys() {
        Map<String, Map<String, ActionKey>> keys = new HashMap<>();
        reviewIds().forEach(id -> keys.put(id, new HashMap<>()));
        jdbc.query("SELECT review_id, action_ref, action_id, agency_code FROM action", rs -> {
            keys.get(rs.getString(1)).put(rs.getString(2), new ActionKey(rs.getLong(3), rs.getString(4)));
        });
        return keys;
    }
}
