package org.dhrtracker.oversight;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.dhrtracker.Home;
import org.dhrtracker.SqlDates;
import org.dhrtracker.reconcile.Assessor;
import org.dhrtracker.reconcile.Assessor.RecommendationRollup;
import org.dhrtracker.reconcile.NationalLetters;
import org.dhrtracker.reconcile.NationalLetters.Letter;
import org.dhrtracker.reconcile.Outcome;
import org.dhrtracker.register.Scope;
import org.dhrtracker.report.OutputCsv;
import org.dhrtracker.themes.Taxonomy;
import org.dhrtracker.themes.Taxonomy.Theme;
import org.dhrtracker.themes.ThemeCoding;
import org.dhrtracker.themes.ThemeCoding.Coded;
import org.dhrtracker.themes.ThemeRepository;
import org.dhrtracker.themes.ThemeRepository.RecommendationText;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

/**
 * The oversight dataset: one record per recommendation of every review (or one), as at a date,
 * for the Domestic Abuse Commissioner's national picture: who it is for, its scope, its themes,
 * its outcome in the Commissioner's terms and its dates. Written as CSV and as JSON
 * (schema: oversight/oversight.schema.json; docs/FORMATS.md#oversight-dataset). No narrative
 * text: the recommendation's own words stay in the register.
 */
@Service
public class OversightExport {

    public static final String SCHEMA = "/oversight/oversight.schema.json";
    static final String VERSION = "dhr-oversight/1";

    /** One recommendation in the dataset; absent dates and a national recommendation's unknown recipient are null. */
    public record Entry(String review, String partnership, String recommendation, String source, String owningBody,
            String recipient, String scope, List<String> themes, Outcome outcome, int actions, int actionsCompleted,
            LocalDate latestDueDate, LocalDate sentOn, LocalDate answeredOn) {
    }

    private final JdbcTemplate jdbc;
    private final ThemeCoding coding;
    private final NationalLetters letters;
    private final Assessor assessor;
    private final Home home;
    private final String marking;

    public OversightExport(JdbcTemplate jdbc, ThemeCoding coding, NationalLetters letters, Assessor assessor, Home home,
            @Value("${dhr.marking}") String marking) {
        this.jdbc = jdbc;
        this.coding = coding;
        this.letters = letters;
        this.assessor = assessor;
        this.home = home;
        this.marking = marking;
    }

    /**
     * The dataset as at the date, from the statuses reconciled for it (a recommendation with none
     * has outcome No information).
     */
    public List<Entry> entries(String reviewId, LocalDate asAt) {
        Map<String, Letter> letterOf = new HashMap<>();
        letters.letters(reviewId).forEach(l -> letterOf.put(l.recommendation().key(), l));
        Map<String, RecommendationRollup> rollupOf = new HashMap<>();
        Map<String, LocalDate> dueOf = new HashMap<>();
        List<Coded> coded = coding.code(reviewId);
        for (String review : coded.stream().map(c -> c.recommendation().reviewId()).distinct().toList()) {
            assessor.assess(review, asAt).recommendations().forEach(r -> rollupOf.put(review + "|" + r.owningBody() + "|" + r.number(), r));
            jdbc.query("""
                    SELECT r.source, r.owning_body, r.number, MAX(a.due_date) FROM recommendation r
                    JOIN action a ON a.recommendation_id = r.recommendation_id WHERE r.review_id = ?
                    GROUP BY r.source, r.owning_body, r.number""", rs -> {
                LocalDate due = SqlDates.get(rs, 4);
                if (due != null) {
                    dueOf.put(ThemeRepository.key(review, rs.getString(1), rs.getString(2), rs.getString(3)), due);
                }
            }, review);
        }
        List<Entry> entries = new ArrayList<>();
        for (Coded c : coded) {
            RecommendationText r = c.recommendation();
            Letter letter = letterOf.get(r.key());
            RecommendationRollup rollup = rollupOf.get(r.reviewId() + "|" + r.owningBody() + "|" + r.number());
            boolean national = Scope.NATIONAL.name().equals(r.scope());
            // A local or regional recommendation is for its owning body; a national one for whom its letter went to.
            String recipient = letter != null ? letter.recipient() : national ? null : r.owningBody();
            entries.add(new Entry(r.reviewId(), r.partnership(), r.number(), r.source(), r.owningBody(), recipient,
                    r.scope() == null ? null : Scope.valueOf(r.scope()).word(), c.themes(),
                    rollup == null ? Outcome.NO_INFORMATION : rollup.outcome(), rollup == null ? 0 : rollup.actions(),
                    rollup == null ? 0 : rollup.completed(), dueOf.get(r.key()), letter == null ? null : letter.sent(),
                    letter == null ? null : letter.answered()));
        }
        return entries;
    }

    /** Writes HOME/out/oversight/oversight-&lt;as-at&gt;.csv and .json; returns the two paths. */
    public List<Path> write(String reviewId, LocalDate asAt) throws IOException {
        List<Entry> entries = entries(reviewId, asAt);
        Path dir = Files.createDirectories(home.out().resolve("oversight"));
        Path csv = dir.resolve("oversight-" + asAt + ".csv");
        Path json = dir.resolve("oversight-" + asAt + ".json");
        writeCsv(csv, entries, asAt);
        writeJson(json, entries, asAt, coding.taxonomy());
        return List.of(csv, json);
    }

    private void writeCsv(Path file, List<Entry> entries, LocalDate asAt) throws IOException {
        try (OutputCsv csv = OutputCsv.create(file, marking)) {
            csv.record("As at", "Review", "Partnership", "Recommendation", "Source", "Owning body", "Recipient", "Scope", "Themes",
                    "Outcome", "Actions", "Actions completed", "Latest due date", "Sent on", "Answered on");
            for (Entry e : entries) {
                csv.record(asAt, e.review(), e.partnership(), e.recommendation(), e.source(), e.owningBody(), e.recipient(), e.scope(),
                        String.join(";", e.themes()), e.outcome().label(), e.actions(), e.actionsCompleted(), e.latestDueDate(),
                        e.sentOn(), e.answeredOn());
            }
        }
    }

    private void writeJson(Path file, List<Entry> entries, LocalDate asAt, Taxonomy taxonomy) throws IOException {
        try (OutputStream out = Files.newOutputStream(file);
                JsonGenerator g = new JsonFactory().createGenerator(out, JsonEncoding.UTF8).useDefaultPrettyPrinter()) {
            g.writeStartObject();
            g.writeStringField("marking", marking);
            g.writeStringField("schema", VERSION);
            g.writeStringField("as_at", asAt.toString());
            g.writeArrayFieldStart("themes");
            for (Theme t : taxonomy.themes()) {
                g.writeStartObject();
                g.writeStringField("code", t.code());
                g.writeStringField("area", t.area());
                g.writeStringField("name", t.name());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("recommendations");
            for (Entry e : entries) {
                g.writeStartObject();
                g.writeStringField("review", e.review());
                g.writeStringField("partnership", e.partnership());
                g.writeStringField("recommendation", e.recommendation());
                g.writeStringField("source", e.source());
                g.writeStringField("owning_body", e.owningBody());
                g.writeStringField("recipient", e.recipient());
                g.writeStringField("scope", e.scope());
                g.writeArrayFieldStart("themes");
                for (String theme : e.themes()) {
                    g.writeString(theme);
                }
                g.writeEndArray();
                g.writeStringField("outcome", e.outcome().label());
                g.writeNumberField("actions", e.actions());
                g.writeNumberField("actions_completed", e.actionsCompleted());
                date(g, "latest_due_date", e.latestDueDate());
                date(g, "sent_on", e.sentOn());
                date(g, "answered_on", e.answeredOn());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
    }

    private static void date(JsonGenerator g, String field, LocalDate d) throws IOException {
        g.writeStringField(field, d == null ? null : d.toString());
    }
}
