package org.dhrtracker.intake;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.dhrtracker.reconcile.ClosureRepository;
import org.dhrtracker.reconcile.ClosureRepository.NewDecision;
import org.dhrtracker.register.RegisterRepository;
import org.dhrtracker.tabular.Column;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The sign-off command: one decision, checked as a sign-off file's row is, and recorded. */
@Service
public class SignOffService {

    /** The command's option for each column of the sign-off file, to name in its refusals. */
    private static final Map<Column, String> OPTIONS = Map.of(SignOffFile.REVIEW, "--review", SignOffFile.ACTION_REF, "--action",
            SignOffFile.DECISION, "--accept/--reject", SignOffFile.REASON, "--reason", SignOffFile.DECIDED_BY, "--by",
            SignOffFile.DECIDED_ON, "--as-at");

    private final RegisterRepository register;
    private final ClosureRepository closure;
    private final Clock clock;

    public SignOffService(RegisterRepository register, ClosureRepository closure, Clock clock) {
        this.register = register;
        this.closure = closure;
        this.clock = clock;
    }

    /**
     * Records the decision, or nothing.
     *
     * @param decision "Accept" or "Reject"
     * @param decidedOn null for today
     * @return why it was refused, one line per problem ("--reason: ..."); empty when it was recorded
     */
    @Transactional
    public List<String> signOff(String review, String actionRef, String decision, String reason, String decidedBy,
            LocalDate decidedOn) {
        List<String> refusals = new ArrayList<>();
        var written = new SignOffFile.Written(review, actionRef, decision, reason, decidedBy,
                decidedOn == null ? null : decidedOn.toString());
        var context = new SignOffFile.Context(register.actionKeys(), closure, LocalDate.now(clock));
        NewDecision checked = SignOffFile.check(written, context, "command",
                (column, why) -> refusals.add(OPTIONS.get(column) + ": " + why));
        if (checked != null) {
            closure.record(List.of(checked), clock.instant());
        }
        return refusals;
    }
}
