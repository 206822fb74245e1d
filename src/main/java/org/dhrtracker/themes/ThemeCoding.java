package org.dhrtracker.themes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.dhrtracker.Home;
import org.dhrtracker.themes.Taxonomy.Theme;
import org.dhrtracker.themes.ThemeRepository.Override;
import org.dhrtracker.themes.ThemeRepository.RecommendationText;
import org.springframework.stereotype.Service;

/**
 * Codes every recommendation against the taxonomy: the rules' tags on the recommendation's own
 * text (its actions are the agencies' answer, not what the review found), then the coordinator's
 * corrections.
 */
@Service
public class ThemeCoding {

    /** A recommendation and its themes, in taxonomy order. */
    public record Coded(RecommendationText recommendation, List<String> byRules, List<String> themes) {
    }

    /**
     * How many recommendations of each review carry each theme (seed 004's table, with counts for
     * ticks). Reviews in order; themes in taxonomy order; absent cell means none.
     */
    public record Matrix(Taxonomy taxonomy, List<String> reviews, Map<String, Map<String, Integer>> counts, List<Coded> untagged) {

        public int count(String themeCode, String reviewId) {
            return counts.getOrDefault(themeCode, Map.of()).getOrDefault(reviewId, 0);
        }
    }

    /**
     * A partnership's themes as at a date: the themes x reviews matrix of its reviews, and how many
     * of its recommendations with each theme were open at each date its reviews were reconciled
     * (whether the lessons that recur are being acted on).
     */
    public record PartnershipThemes(Matrix matrix, Map<LocalDate, Map<String, Integer>> openOverTime, List<Coded> coded) {
    }

    private final ThemeRepository repository;
    private final Home home;

    public ThemeCoding(ThemeRepository repository, Home home) {
        this.repository = repository;
        this.home = home;
    }

    /** The taxonomy last read, and HOME's file it was read from (empty: the product's own). */
    private record Loaded(Taxonomy taxonomy, String source) {
    }

    private volatile Loaded loaded;

    /**
     * HOME's taxonomy, or the product's own. Read again only when HOME's file has changed: the report step asks
     * once per partnership, and reading and compiling the terms each time was a tenth of the themes sections.
     */
    public Taxonomy taxonomy() {
        try {
            Path own = Taxonomy.homeFile(home.root());
            // the file's content, not its time: two versions written within a clock tick must not be taken for one
            String source = Files.isRegularFile(own) ? Files.readString(own) : "";
            Loaded last = loaded;
            if (last == null || !last.source().equals(source)) {
                last = new Loaded(Taxonomy.load(home.root()), source);
                loaded = last;
            }
            return last.taxonomy();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The themes the rules give a text, in taxonomy order. */
    public static List<String> tag(Taxonomy taxonomy, String text) {
        return tag(taxonomy, text, new Taxonomy.Matchers());
    }

    /** The same, with the terms' matchers of the texts tagged before (one thread's). */
    static List<String> tag(Taxonomy taxonomy, String text, Taxonomy.Matchers matchers) {
        Taxonomy.Text prepared = new Taxonomy.Text(text);
        return taxonomy.themes().stream().filter(t -> t.matches(prepared, matchers)).map(Theme::code).toList();
    }

    /** Every recommendation of the review (every review when null), coded. */
    public List<Coded> code(String reviewId) {
        return code(taxonomy(), repository.recommendations(reviewId));
    }

    private List<Coded> code(Taxonomy taxonomy, List<RecommendationText> recommendations) {
        // the corrections of these recommendations' reviews only, each through its key
        Map<String, List<Override>> overrides = repository.overrides(recommendations.stream().map(RecommendationText::reviewId).distinct().toList());
        List<Coded> coded = new ArrayList<>();
        Taxonomy.Matchers matchers = new Taxonomy.Matchers();
        // The tags stored under this taxonomy are the rules' tags of the text stored with them (a new text clears them):
        // coding every recommendation again each month was half the themes sections' time. The rest are coded here, and
        // stored by the next code-themes step (not here: a report runs in one transaction, and the tags of a country
        // held in it took the run out of memory).
        String fingerprint = taxonomy.fingerprint();
        for (RecommendationText r : recommendations) {
            List<String> byRules = r.stored() != null && r.stored().taxonomy().equals(fingerprint) ? r.stored().themes()
                    : tag(taxonomy, r.text(), matchers);
            Set<String> themes = new LinkedHashSet<>(byRules);
            for (Override o : overrides.getOrDefault(r.key(), List.of())) {
                if (o.add()) {
                    themes.add(o.themeCode());
                } else {
                    themes.remove(o.themeCode());
                }
            }
            List<String> ordered = taxonomy.themes().stream().map(Theme::code).filter(themes::contains).toList();
            coded.add(new Coded(r, byRules, ordered));
        }
        return coded;
    }

    /**
     * Codes and stores the rules' tags of up to max recommendations that have none stored under the taxonomy in use
     * (new, their text changed by an import, or coded under another taxonomy); one transaction's worth of the
     * code-themes step.
     *
     * @return how many were coded: fewer than max when none are left
     */
    public int codeAndStore(int max) {
        Taxonomy taxonomy = taxonomy();
        String fingerprint = taxonomy.fingerprint();
        List<ThemeRepository.ToCode> toCode = repository.toCode(fingerprint, max);
        Taxonomy.Matchers matchers = new Taxonomy.Matchers();
        repository.storeThemes(toCode, toCode.stream().map(r -> tag(taxonomy, r.text(), matchers)).toList(), fingerprint);
        return toCode.size();
    }

    public Matrix matrix(String reviewId) {
        Taxonomy taxonomy = taxonomy();
        return matrix(taxonomy, code(taxonomy, repository.recommendations(reviewId)));
    }

    /** For {@link #partnership}: every reconciled date up to the date asked for. */
    public static final int ALL_DATES = Integer.MAX_VALUE;

    /**
     * The partnership's themes as at a date, with the open counts at the latest dates its reviews were
     * reconciled as at (at most latestDates of them, or {@link #ALL_DATES}).
     */
    public PartnershipThemes partnership(String partnership, LocalDate asAt, int latestDates) {
        return partnership(partnership, asAt, latestDates, Map.of(), null);
    }

    /**
     * The same, with what the caller has read already, which is not read again: the open recommendations at some of
     * the reviews' latest dates ({@link ThemeRepository#openByDate(String, LocalDate, int, Map)}), and the
     * partnership's recommendations (every one of them, each review's in plan order), or null to read them.
     */
    public PartnershipThemes partnership(String partnership, LocalDate asAt, int latestDates, Map<String, Map<LocalDate, Set<Long>>> known,
            List<RecommendationText> recommendations) {
        // only the partnership's own: the report step asks once per partnership, so coding the
        // country each time grew with the square of it
        Taxonomy taxonomy = taxonomy();
        List<RecommendationText> own = recommendations != null ? recommendations : repository.recommendationsOfPartnership(partnership);
        // the reviews in one order whoever read them (a stable sort: each review's stay in plan order)
        List<Coded> coded = code(taxonomy, own.stream().sorted(Comparator.comparing(RecommendationText::reviewId)).toList());
        Map<Long, Coded> byId = new HashMap<>();
        coded.forEach(c -> byId.put(c.recommendation().id(), c));
        Map<LocalDate, Map<String, Integer>> overTime = new LinkedHashMap<>();
        repository.openByDate(partnership, asAt, latestDates, known).forEach((date, ids) -> {
            Map<String, Integer> counts = new HashMap<>();
            ids.stream().map(byId::get).filter(Objects::nonNull)
                    .forEach(c -> c.themes().forEach(t -> counts.merge(t, 1, Integer::sum)));
            overTime.put(date, counts);
        });
        return new PartnershipThemes(matrix(taxonomy, coded), overTime, coded);
    }

    private static Matrix matrix(Taxonomy taxonomy, List<Coded> coded) {
        List<String> reviews = coded.stream().map(c -> c.recommendation().reviewId()).distinct().toList();
        Map<String, Map<String, Integer>> counts = new LinkedHashMap<>();
        for (Coded c : coded) {
            for (String theme : c.themes()) {
                counts.computeIfAbsent(theme, t -> new LinkedHashMap<>()).merge(c.recommendation().reviewId(), 1, Integer::sum);
            }
        }
        return new Matrix(taxonomy, reviews, counts, coded.stream().filter(c -> c.themes().isEmpty()).toList());
    }

    /**
     * Adds and removes themes on one recommendation of a review, named by its number. Returns the
     * reasons it is refused (nothing recorded), or an empty list when recorded.
     */
    public List<String> correct(String reviewId, String number, List<String> add, List<String> remove) {
        Taxonomy taxonomy = taxonomy();
        List<String> refusals = new ArrayList<>();
        for (String code : concat(add, remove)) {
            if (taxonomy.theme(code).isEmpty()) {
                refusals.add("no theme " + code + " in the taxonomy");
            }
        }
        add.stream().filter(remove::contains).forEach(c -> refusals.add(c + " is both added and removed"));
        Optional<RecommendationText> found = repository.numbered(reviewId, number, refusals);
        if (!refusals.isEmpty()) {
            return refusals;
        }
        RecommendationText r = found.orElseThrow();
        List<Override> overrides = new ArrayList<>();
        add.forEach(c -> overrides.add(new Override(reviewId, r.source(), r.owningBody(), r.number(), c, true)));
        remove.forEach(c -> overrides.add(new Override(reviewId, r.source(), r.owningBody(), r.number(), c, false)));
        repository.save(overrides);
        return List.of();
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
