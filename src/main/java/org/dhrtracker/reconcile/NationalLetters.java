package org.dhrtracker.reconcile;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.dhrtracker.SqlDates;
import org.dhrtracker.register.Scope;
import org.dhrtracker.themes.Taxonomy;
import org.dhrtracker.themes.ThemeRepository;
import org.dhrtracker.themes.ThemeRepository.RecommendationText;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * National recommendations and their letters: the department or body each went to, when it was
 * sent and answered. The Domestic Abuse Commissioner found such letters sent to the Home Office by
 * default and left unanswered for months, so both are findings: a letter to the Home Office about
 * another department's remit (by the terms of national/remits.csv), and a letter with no answer
 * {@code dhr.reconcile.national-answer-days} after it was sent.
 */
@Service
public class NationalLetters {

    static final String HOME_OFFICE = "Home Office";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    /** A recommendation's letter; sent and answered are null until they happen. */
    public record Letter(RecommendationText recommendation, String recipient, LocalDate sent, LocalDate answered) {
    }

    private final JdbcTemplate jdbc;
    private final ThemeRepository recommendations;
    private final Clock clock;
    private final int answerDays;
    private final Map<String, List<Pattern>> remits;

    public NationalLetters(JdbcTemplate jdbc, ThemeRepository recommendations, Clock clock,
            @Value("${dhr.reconcile.national-answer-days:90}") int answerDays) {
        this.jdbc = jdbc;
        this.recommendations = recommendations;
        this.clock = clock;
        this.answerDays = answerDays;
        this.remits = remits();
    }

    /** Every letter of the review (every review when null), in plan order. */
    public List<Letter> letters(String reviewId) {
        // the letters first: every review is assessed each month, and most have none
        Map<String, Letter> recorded = new LinkedHashMap<>();
        jdbc.query("SELECT review_id, source, owning_body, number, recipient, sent_on, answered_on FROM national_letter"
                + (reviewId == null ? "" : " WHERE review_id = ?"), rs -> {
                    recorded.put(ThemeRepository.key(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)),
                            new Letter(null, rs.getString(5), SqlDates.get(rs, 6), SqlDates.get(rs, 7)));
                }, reviewId == null ? new Object[0] : new Object[] {reviewId});
        if (recorded.isEmpty()) {
            return List.of();
        }
        List<Letter> letters = new ArrayList<>();
        for (RecommendationText r : recommendations.recommendations(reviewId)) {
            Letter l = recorded.get(r.key());
            if (l != null) {
                letters.add(new Letter(r, l.recipient(), l.sent(), l.answered()));
            }
        }
        return letters;
    }

    /**
     * Records (or replaces) the letter of a national recommendation named by its number. Returns
     * the reasons it is refused, nothing recorded; empty when recorded.
     */
    @Transactional
    public List<String> record(String reviewId, String number, String recipient, LocalDate sent, LocalDate answered) {
        List<String> refusals = new ArrayList<>();
        Optional<RecommendationText> found = recommendations.numbered(reviewId, number, refusals);
        found.filter(r -> !Scope.NATIONAL.name().equals(r.scope())).ifPresent(r -> refusals.add("recommendation " + number
                + " of " + reviewId + " is not national (scope " + (r.scope() == null ? "not given" : r.scope()) + ")"));
        if (recipient == null || recipient.isBlank()) {
            refusals.add("the recipient (department or body) is required");
        }
        if (sent == null && answered != null) {
            refusals.add("an answered letter needs the date it was sent");
        } else if (sent != null && answered != null && answered.isBefore(sent)) {
            refusals.add("answered on " + answered + " is before sent on " + sent);
        }
        if (!refusals.isEmpty()) {
            return refusals;
        }
        RecommendationText r = found.orElseThrow();
        jdbc.update("DELETE FROM national_letter WHERE review_id = ? AND source = ? AND owning_body = ? AND number = ?",
                r.reviewId(), r.source(), r.owningBody(), r.number());
        jdbc.update("""
                INSERT INTO national_letter (review_id, source, owning_body, number, recipient, sent_on, answered_on, recorded_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""", r.reviewId(), r.source(), r.owningBody(), r.number(), recipient.strip(),
                sent == null ? null : Date.valueOf(sent), answered == null ? null : Date.valueOf(answered),
                Timestamp.from(clock.instant()));
        return List.of();
    }

    /** The review's findings on its national letters as at the date. */
    public List<Finding> findings(String reviewId, LocalDate asAt) {
        List<Finding> found = new ArrayList<>();
        for (Letter l : letters(reviewId)) {
            String which = "Recommendation " + l.recommendation().number() + " (" + l.recommendation().owningBody() + ")";
            remitOtherThanRecipient(l).ifPresent(body -> found.add(new Finding(FindingCode.NATIONAL_MISROUTED, reviewId, null, null,
                    which + ": sent to the Home Office but its subject is for " + body)));
            boolean sentByThen = l.sent() != null && !l.sent().isAfter(asAt);
            boolean answeredByThen = l.answered() != null && !l.answered().isAfter(asAt);
            if (sentByThen && !answeredByThen && ChronoUnit.DAYS.between(l.sent(), asAt) > answerDays) {
                found.add(new Finding(FindingCode.NATIONAL_UNANSWERED, reviewId, null, null, which + ": the letter to "
                        + l.recipient() + " sent on " + DAY.format(l.sent()) + " has had no answer in "
                        + ChronoUnit.DAYS.between(l.sent(), asAt) + " days"));
            }
        }
        return found;
    }

    /**
     * For a letter to the Home Office: the first other body whose remit the recommendation's text
     * names, when the text names nothing of the Home Office's own.
     */
    Optional<String> remitOtherThanRecipient(Letter l) {
        if (!l.recipient().equalsIgnoreCase(HOME_OFFICE) || names(HOME_OFFICE, l.recommendation().text())) {
            return Optional.empty();
        }
        return remits.keySet().stream().filter(body -> !body.equals(HOME_OFFICE) && names(body, l.recommendation().text())).findFirst();
    }

    private boolean names(String body, String text) {
        return remits.get(body).stream().anyMatch(p -> p.matcher(text).find());
    }

    private static Map<String, List<Pattern>> remits() {
        Map<String, List<Pattern>> remits = new LinkedHashMap<>();
        try (Reader in = new InputStreamReader(NationalLetters.class.getResourceAsStream("/national/remits.csv"), StandardCharsets.UTF_8)) {
            for (CSVRecord r : CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
                remits.put(r.get("Body"), Arrays.stream(r.get("Terms").split(";")).map(String::strip).filter(t -> !t.isEmpty())
                        .map(Taxonomy::pattern).toList());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return remits;
    }

}
