package org.dhrtracker.register;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.dhrtracker.tabular.CellDates;
import org.dhrtracker.tabular.Column;
import org.dhrtracker.tabular.Format;
import org.dhrtracker.tabular.RowChecker;
import org.dhrtracker.tabular.SafeText;

/**
 * A register file read and checked whole: the reviews, recommendations and actions it holds, or
 * every problem found in it. Nothing is written here; a file with problems is rejected as a whole.
 */
public final class RegisterFile extends RowChecker {

    // At most what the database's columns hold.
    static final Column REVIEW = Column.required("Review").atMost(40);
    static final Column PARTNERSHIP = Column.required("Partnership").atMost(40);
    static final Column PARTNERSHIP_NAME = Column.optional("Partnership name").atMost(300);
    static final Column REVIEW_TITLE = Column.required("Review title").atMost(300);
    static final Column RECOMMENDATION = Column.required("Recommendation").atMost(20);
    static final Column SOURCE = Column.required("Source");
    static final Column OWNING_BODY = Column.required("Owning body").atMost(300);
    static final Column SCOPE = Column.optional("Scope").atMost(1000);
    static final Column RECOMMENDATION_TEXT = Column.required("Recommendation text");
    static final Column ACTION_REF = Column.required("Action ref").atMost(40);
    static final Column AGENCY = Column.required("Agency").atMost(40);
    static final Column AGENCY_NAME = Column.required("Agency name").atMost(300);
    static final Column ACTION = Column.required("Action");
    static final Column EVIDENCE = Column.optional("Evidence of achievement");
    static final Column LEAD = Column.optional("Implementation lead").atMost(300);
    static final Column TARGET_DATE = Column.optional("Target date").atMost(2000);
    static final Column DUE_DATE = Column.optional("Due date");
    static final Format FORMAT = new Format("actions", List.of(REVIEW, PARTNERSHIP, PARTNERSHIP_NAME, REVIEW_TITLE, RECOMMENDATION,
            SOURCE, OWNING_BODY, SCOPE, RECOMMENDATION_TEXT, ACTION_REF, AGENCY, AGENCY_NAME, ACTION, EVIDENCE, LEAD,
            TARGET_DATE, DUE_DATE));

    /** One action row with the review and recommendation it belongs to. */
    public record Entry(int row, Review review, Recommendation recommendation, Action action) {
    }

    private final String onlyReview;
    private final List<Entry> entries = new ArrayList<>();
    private final Map<String, Review> reviews = new LinkedHashMap<>();
    private final Map<String, Recommendation> recommendations = new LinkedHashMap<>();
    private final Map<String, String> agencyNames = new LinkedHashMap<>();
    private final Map<String, Integer> actionRows = new LinkedHashMap<>();

    private RegisterFile(String fileName, String onlyReview) {
        super(fileName, FORMAT);
        this.onlyReview = onlyReview;
    }

    /**
     * Reads and checks a register file.
     *
     * @param onlyReview when not null, every row must belong to this review
     */
    public static RegisterFile read(Path file, String onlyReview) throws IOException {
        RegisterFile register = new RegisterFile(SafeText.name(file.getFileName().toString()), onlyReview);
        register.readAll(file, "the file has no action rows");
        return register;
    }

    public List<Entry> entries() {
        return entries;
    }

    @Override
    protected boolean hasRows() {
        return !entries.isEmpty();
    }

    /** Checks a row, and that values repeated across rows (a review, a recommendation) agree. */
    @Override
    protected void check(int row, List<String> cells) {
        int before = problemCount();
        String reviewId = value(cells, REVIEW);
        if (onlyReview != null && !onlyReview.equals(reviewId)) {
            problem(row, REVIEW, "review " + SafeText.quote(reviewId) + " is not the review being imported (" + onlyReview + ")");
            return;
        }
        Review review = new Review(reviewId, value(cells, PARTNERSHIP),
                optional(cells, PARTNERSHIP_NAME), value(cells, REVIEW_TITLE));
        agree(row, REVIEW_TITLE, reviews, reviewId, review, "review " + reviewId);

        Source source = parse(row, SOURCE, () -> Source.fromText(value(cells, SOURCE)));
        String scopeText = value(cells, SCOPE);
        Scope scope = parse(row, SCOPE, () -> Scope.fromText(scopeText).orElse(null));
        LocalDate due = parse(row, DUE_DATE, () -> CellDates.parse(value(cells, DUE_DATE)).orElse(null));
        if (problemCount() > before) {
            return;
        }
        String text = value(cells, RECOMMENDATION_TEXT);
        Recommendation rec = new Recommendation(source, value(cells, OWNING_BODY),
                value(cells, RECOMMENDATION), scope, optional(cells, SCOPE), text, SubItems.of(text));
        agree(row, RECOMMENDATION_TEXT, recommendations, reviewId + "|" + rec.key(), rec,
                "recommendation " + rec.number());

        String agency = value(cells, AGENCY);
        agree(row, AGENCY_NAME, agencyNames, agency, value(cells, AGENCY_NAME), "agency " + agency);

        String ref = value(cells, ACTION_REF);
        Integer first = actionRows.putIfAbsent(reviewId + "|" + ref, row);
        if (first != null) {
            problem(row, ACTION_REF, "action ref " + SafeText.quote(ref) + " is already used at row " + first);
            return;
        }
        String target = value(cells, TARGET_DATE);
        DueDate dueDate = due != null ? DueDate.given(due) : TargetDates.derive(target);
        Action action = new Action(ref, agency, value(cells, AGENCY_NAME), value(cells, ACTION),
                optional(cells, EVIDENCE), optional(cells, LEAD),
                optional(cells, TARGET_DATE), dueDate);
        if (problemCount() == before) {
            entries.add(new Entry(row, reviews.get(reviewId),
                    recommendations.get(reviewId + "|" + rec.key()), action));
        }
    }

    /** Values that describe one thing (a review, a recommendation) must be the same on every row. */
    private <T> void agree(int row, Column column, Map<String, T> seen, String key, T value, String what) {
        T earlier = seen.putIfAbsent(key, value);
        if (earlier != null && !Objects.equals(earlier, value)) {
            problem(row, column, what + " is described differently from an earlier row");
        }
    }
}
