package org.dhrtracker.intake;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.dhrtracker.register.RegisterRepository.ActionKey;
import org.dhrtracker.tabular.CellDates;
import org.dhrtracker.tabular.Column;
import org.dhrtracker.tabular.Format;

/** An agency return read and checked whole against the register: its rows, or its problems. */
public final class ReturnFile extends InboxFile {

    static final Column AGENCY = Column.required("Agency").atMost(40);
    static final Column AS_AT = Column.required("As at");
    static final Column STATUS = Column.required("Status");
    static final Column PROGRESS = Column.optional("Progress");
    static final Column EVIDENCE = Column.optional("Evidence");
    static final Column REVISED_TARGET = Column.optional("Revised target date");
    static final Column COMPLETION_DATE = Column.optional("Completion date");
    static final Column REPORTED_BY = Column.optional("Reported by").atMost(300);
    static final Format FORMAT = new Format("updates", List.of(REVIEW, ACTION_REF, AGENCY, AS_AT, STATUS, PROGRESS, EVIDENCE,
            REVISED_TARGET, COMPLETION_DATE, REPORTED_BY));

    private static final String NO_ROWS = "the file has no update rows";

    /** The register, once the rows are checked against it ({@link #checkAgainst}). */
    private Map<String, Map<String, ActionKey>> actions;
    private final LocalDate today;
    private final List<ReturnRow> rows = new ArrayList<>();
    private final List<RefusedUpdate> refused = new ArrayList<>();
    private int unanswered;

    private ReturnFile(Path path, LocalDate today, boolean read) throws IOException {
        super(path, FORMAT, read);
        this.today = today;
    }

    /** A file not to be read at all; see {@link InboxFile#refusedUnread}. */
    static ReturnFile unread(Path path) throws IOException {
        ReturnFile file = new ReturnFile(path, LocalDate.MIN, false);
        file.actions = Map.of();
        return file;
    }

    /**
     * Reads and checks a return.
     *
     * @param actions the register: review → action ref → action
     * @param today as-at dates after this are refused
     */
    public static ReturnFile read(Path path, Map<String, Map<String, ActionKey>> actions, LocalDate today) throws IOException {
        return readAhead(path, today).checkAgainst(actions);
    }

    /**
     * Reads a return, hashing it and checking its header and cells, without the register: what can be
     * done on another thread than the one reading the database. {@link #checkAgainst} completes it.
     *
     * @param today as-at dates after this are refused
     */
    static ReturnFile readAhead(Path path, LocalDate today) throws IOException {
        ReturnFile file = new ReturnFile(path, today, true);
        file.readHoldingChecks(path);
        return file;
    }

    /**
     * Checks the rows of a return read by {@link #readAhead} against the register, once.
     *
     * @param actions the register: review → action ref → action
     */
    ReturnFile checkAgainst(Map<String, Map<String, ActionKey>> actions) {
        if (this.actions == null) {
            this.actions = actions;
            finish(NO_ROWS);
        }
        return this;
    }

    public List<ReturnRow> rows() {
        return rows;
    }

    /**
     * A row naming an action the register does not have, or another agency's action. The file is
     * rejected; these rows are kept for the coordinator's findings.
     *
     * @param asAt the row's as-at date, or null when it could not be read
     * @param code the finding: UNKNOWN_ACTION or NOT_OWN_ACTION
     */
    public record RefusedUpdate(int row, String review, String actionRef, String agency, LocalDate asAt, String code) {
    }

    public List<RefusedUpdate> refused() {
        return refused;
    }

    /**
     * A row that says nothing of the action: no Status, Progress, Evidence, Revised target date or
     * Completion date. A return pack sent out pre-filled comes back with such rows for the actions the
     * agency had nothing to report on; they are skipped, not refused. Who reported is not an answer.
     */
    @Override
    protected boolean isUnanswered(List<String> cells) {
        boolean blank = java.util.stream.Stream.of(STATUS, PROGRESS, EVIDENCE, REVISED_TARGET, COMPLETION_DATE)
                .allMatch(c -> value(cells, c).isEmpty());
        if (blank) {
            unanswered++;
        }
        return blank;
    }

    /** How many rows were skipped as unanswered. */
    public int unansweredRows() {
        return unanswered;
    }

    @Override
    protected boolean hasRows() {
        return !rows.isEmpty();
    }

    @Override
    protected void check(int row, List<String> cells) {
        int before = problemCount();
        String review = value(cells, REVIEW);
        String ref = value(cells, ACTION_REF);
        String agency = value(cells, AGENCY);
        ActionKey action = findAction(actions, review, ref, (column, reason) -> problem(row, column, reason));
        LocalDate asAt = parse(row, AS_AT, () -> CellDates.parse(value(cells, AS_AT)).orElseThrow());
        if (action == null && actions.containsKey(review)) {
            refused.add(new RefusedUpdate(row, review, ref, agency, asAt, "UNKNOWN_ACTION"));
        }
        if (action != null && !action.agency().equals(agency)) {
            problem(row, AGENCY, "action " + ref + " belongs to " + action.agency()
                    + ": an agency may only update its own actions");
            refused.add(new RefusedUpdate(row, review, ref, agency, asAt, "NOT_OWN_ACTION"));
        }
        if (asAt != null && asAt.isAfter(today)) {
            problem(row, AS_AT, "as-at date " + asAt + " is in the future");
        }
        ReturnStatus status = parse(row, STATUS, () -> ReturnStatus.fromText(value(cells, STATUS)));
        LocalDate revised = parse(row, REVISED_TARGET, () -> CellDates.parse(value(cells, REVISED_TARGET)).orElse(null));
        LocalDate completed = parse(row, COMPLETION_DATE, () -> CellDates.parse(value(cells, COMPLETION_DATE)).orElse(null));
        if (completed != null && status != null && status != ReturnStatus.COMPLETED) {
            problem(row, COMPLETION_DATE, "a completion date is given but the status is " + status.label());
        }
        if (completed != null && asAt != null && completed.isAfter(asAt)) {
            problem(row, COMPLETION_DATE, "completion date " + completed + " is after the as-at date " + asAt);
        }
        if (problemCount() == before) {
            if (status == ReturnStatus.COMPLETED && completed == null) {
                completed = asAt;
            }
            rows.add(new ReturnRow(row, review, action.actionId(), agency, asAt, status, optional(cells, PROGRESS),
                    optional(cells, EVIDENCE), revised, completed,
                    optional(cells, REPORTED_BY)));
        }
    }
}
