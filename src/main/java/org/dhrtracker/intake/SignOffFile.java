package org.dhrtracker.intake;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

import org.dhrtracker.reconcile.ClosureRepository;
import org.dhrtracker.reconcile.ClosureRepository.Claim;
import org.dhrtracker.reconcile.ClosureRepository.Decision;
import org.dhrtracker.reconcile.ClosureRepository.NewDecision;
import org.dhrtracker.register.RegisterRepository.ActionKey;
import org.dhrtracker.tabular.CellDates;
import org.dhrtracker.tabular.Column;
import org.dhrtracker.tabular.Header;
import org.dhrtracker.tabular.TabularReader;

/**
 * The coordinator's decisions on completion claims, read and checked whole: one row per decision.
 * The checks of one decision ({@link #check}) are also those of the sign-off command.
 */
public final class SignOffFile extends InboxFile {

    static final Column DECISION = Column.required("Decision");
    static final Column REASON = Column.optional("Reason");
    static final Column DECIDED_BY = Column.optional("Decided by");
    static final Column DECIDED_ON = Column.optional("Decided on");
    static final List<Column> COLUMNS = List.of(REVIEW, ACTION_REF, DECISION, REASON, DECIDED_BY, DECIDED_ON);

    /** One decision as written, before it is checked. Blank optional values are null. */
    public record Written(String review, String actionRef, String decision, String reason, String decidedBy, String decidedOn) {
    }

    /** What a decision is checked against: the register, the claims in the database, and today. */
    public record Context(Map<String, Map<String, ActionKey>> actions, ClosureRepository closure, LocalDate today) {
    }

    private final Context context;
    private final List<NewDecision> decisions = new ArrayList<>();
    private final Map<Long, Integer> rowOfAction = new HashMap<>();

    private SignOffFile(Path path, Context context) throws IOException {
        super(path, COLUMNS);
        this.context = context;
    }

    /** Whether the file is a sign-off file: its header (first row) has a Decision column. */
    public static boolean isSignOff(Path path) {
        // A file that cannot be read is read as a return, which reports why.
        return TabularReader.firstRow(path)
                .map(header -> new Header(path.getFileName().toString(), 1, header, List.of(DECISION)).problems().isEmpty())
                .orElse(false);
    }

    public static SignOffFile read(Path path, Context context) throws IOException {
        SignOffFile file = new SignOffFile(path, context);
        file.readAll(path, "the file has no decision rows");
        return file;
    }

    public List<NewDecision> decisions() {
        return decisions;
    }

    @Override
    protected boolean hasRows() {
        return !decisions.isEmpty();
    }

    @Override
    protected void check(int row, List<String> cells) {
        int before = problemCount();
        Written written = new Written(value(cells, REVIEW), value(cells, ACTION_REF), value(cells, DECISION),
                optional(cells, REASON), optional(cells, DECIDED_BY), optional(cells, DECIDED_ON));
        NewDecision decision = check(written, context, fileName() + ", row " + row, (column, reason) -> problem(row, column, reason));
        if (decision != null) {
            Integer earlier = rowOfAction.putIfAbsent(decision.actionId(), row);
            if (earlier != null) {
                problem(row, ACTION_REF, "action " + written.actionRef() + " is decided twice in this file (rows " + earlier
                        + " and " + row + ")");
            }
        }
        if (problemCount() == before) {
            decisions.add(decision);
        }
    }

    /**
     * Checks one decision: the action exists, the decision is Accept or Reject, a rejection has a
     * reason, the decided-on date (default today) is not in the future, and the action has a
     * completion claim as at that date.
     *
     * @param source where the decision comes from, recorded with it
     * @param problems receives each problem by the column it is about
     * @return the decision to record, or null when there was a problem
     */
    public static NewDecision check(Written w, Context context, String source, BiConsumer<Column, String> problems) {
        ActionKey action = findAction(context.actions(), w.review(), w.actionRef(), problems);
        boolean ok = action != null;
        Decision decision = null;
        try {
            decision = Decision.fromText(w.decision());
        } catch (IllegalArgumentException e) {
            problems.accept(DECISION, e.getMessage() + " (got '" + w.decision() + "')");
            ok = false;
        }
        if (decision == Decision.REJECTED && w.reason() == null) {
            problems.accept(REASON, "a rejection needs a reason, for the agency");
            ok = false;
        }
        LocalDate decidedOn = context.today();
        if (w.decidedOn() != null) {
            try {
                decidedOn = CellDates.parse(w.decidedOn()).orElseThrow();
            } catch (IllegalArgumentException e) {
                problems.accept(DECIDED_ON, e.getMessage());
                return null;
            }
        }
        if (decidedOn.isAfter(context.today())) {
            problems.accept(DECIDED_ON, "decided-on date " + decidedOn + " is in the future");
            return null;
        }
        if (action != null) {
            Claim claim = context.closure().claimsAsAt(w.review(), decidedOn).get(action.actionId());
            if (claim == null) {
                problems.accept(ACTION_REF, "action " + w.actionRef() + " has no completion claim to decide as at " + decidedOn
                        + " (its latest return up to then does not say Completed)");
                ok = false;
            }
        }
        return ok ? new NewDecision(action.actionId(), decision, w.reason(), w.decidedBy(), decidedOn, source) : null;
    }
}
