package org.dhrtracker.register.plan;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.dhrtracker.intake.ReturnStatus;
import org.dhrtracker.register.Action;
import org.dhrtracker.register.DueDate;
import org.dhrtracker.register.Recommendation;
import org.dhrtracker.register.RegisterFile;
import org.dhrtracker.register.Review;
import org.dhrtracker.register.Scope;
import org.dhrtracker.register.Source;
import org.dhrtracker.register.TargetDates;
import org.dhrtracker.register.plan.AgencyDirectory.Agency;
import org.dhrtracker.register.plan.PlanInterpreter.DraftAction;
import org.dhrtracker.register.plan.PlanInterpreter.DraftRecommendation;
import org.dhrtracker.tabular.Problem;

/**
 * Turns the drafts of a plan into register entries and the progress the plan reports. Action refs:
 * an Overview recommendation's single action is its number ("3"); labelled parts of an action
 * ("a) ... b) ...") are "2a", "2b"; one action per agency is "28-POLICE" (its parts "26-CWPT-a");
 * IMR actions are "&lt;agency&gt;-&lt;number&gt;" ("WMP-2"), because IMR numbering restarts for each agency.
 */
final class PlanDrafts {

    private final String fileName;
    private final Review review;
    private final LocalDate asAt;
    private final List<Problem> problems;
    private final List<RegisterFile.Entry> entries = new ArrayList<>();
    private final List<PlanUpdate> updates = new ArrayList<>();
    private final Map<String, Integer> refRows = new HashMap<>();
    private final Map<String, Integer> recommendationRows = new HashMap<>();
    private final AgencyDirectory agencies;
    private boolean asAtMissing;

    PlanDrafts(String fileName, Review review, LocalDate asAt, AgencyDirectory agencies, List<Problem> problems) {
        this.fileName = fileName;
        this.agencies = agencies;
        this.review = review;
        this.asAt = asAt;
        this.problems = problems;
    }

    List<RegisterFile.Entry> entries() {
        return entries;
    }

    List<PlanUpdate> updates() {
        return updates;
    }

    void add(DraftRecommendation draft) {
        Integer first = recommendationRows.putIfAbsent(draft.source + "|" + draft.owningBody + "|" + draft.number, draft.row.row());
        if (first != null) {
            problems.add(new Problem(fileName, draft.row.row(), PlanColumn.RECOMMENDATION.label(),
                    "recommendation " + draft.number + " of " + draft.owningBody + " is already given at row " + first + where(draft.row)));
            return;
        }
        String scopeText = draft.scope.toString().strip();
        Scope scope = null;
        try {
            scope = Scope.fromText(scopeText).orElse(null);
        } catch (IllegalArgumentException e) {
            draft.actions.stream().findFirst().ifPresent(a -> a.line.flag("scope not Local, Regional or National: kept as written"));
        }
        String text = draft.text.toString().strip();
        Recommendation rec = new Recommendation(draft.source, draft.owningBody, draft.number, scope,
                scopeText.isEmpty() ? null : scopeText, text, org.dhrtracker.register.SubItems.of(text));
        if (draft.actions.isEmpty()) {
            problems.add(new Problem(fileName, draft.row.row(), PlanColumn.ACTION.label(),
                    "recommendation " + draft.number + " has no action"));
            return;
        }
        boolean perAgency = draft.actions.size() > 1 || draft.actions.get(0).taggedAgency != null;
        for (DraftAction a : draft.actions) {
            Agency agency = agencyOf(draft, a);
            if (agency == null) {
                continue;
            }
            String base = draft.source == Source.IMR ? agency.code() + "-" + draft.number
                    : perAgency ? draft.number + "-" + agency.code() : draft.number;
            addActions(rec, a, agency, base);
        }
    }

    /**
     * The agency of an action: its tag, else the owning body, else the agency its action text or
     * implementation lead starts with, else the partnership itself (flagged: an Overview
     * recommendation addressed to the partnership, as layout B's often are).
     */
    private Agency agencyOf(DraftRecommendation draft, DraftAction a) {
        if (a.taggedAgency != null) {
            return a.taggedAgency;
        }
        if (draft.owningAgency != null) {
            return draft.owningAgency;
        }
        var named = agencies.findAtStart(a.get(PlanColumn.ACTION));
        if (named.isPresent()) {
            a.line.flag("agency read from the start of the action text: " + named.get().code());
            return named.get();
        }
        named = agencies.findAtStart(a.get(PlanColumn.LEAD)).or(() -> agencies.findAtStart(a.get(PlanColumn.AGENCY)));
        if (named.isPresent()) {
            a.line.flag("agency read from the implementation lead: " + named.get().code());
            return named.get();
        }
        a.line.flag("no agency named: the action is given to the partnership (" + review.partnership() + ")");
        return new Agency(review.partnership(), review.partnershipName() != null ? review.partnershipName() : review.partnership());
    }

    /** One action, or one per labelled part ("a) ... b) ...") when the action cell has them. */
    private void addActions(Recommendation rec, DraftAction a, Agency agency, String base) {
        String target = a.get(PlanColumn.TARGET_DATE);
        // Progress written in the target date column of a row whose progress cell is empty
        // (seed 001, 27-POLICE: "Update: Semi-automated referrals ..."): read as its progress.
        if (a.get(PlanColumn.PROGRESS).isEmpty() && target.length() > 60 && TargetDates.derive(target).date() == null) {
            a.append(PlanColumn.PROGRESS, target);
            a.cells.remove(PlanColumn.TARGET_DATE);
            a.line.flag("progress found in the target date column, read as the progress: no target date");
            target = "";
        }
        Map<String, String> parts = new LinkedHashMap<>(TargetDates.subItemTexts(a.get(PlanColumn.ACTION), true));
        String preamble = parts.remove("");
        if (parts.isEmpty()) {
            DueDate due = TargetDates.derive(target);
            if (!TargetDates.subItemTexts(target).isEmpty()) {
                a.line.flag("target dates for several parts of one action: the latest is its due date");
            }
            flagTarget(a, target, due);
            addAction(rec, a, agency, base, a.get(PlanColumn.ACTION), target, due, a.get(PlanColumn.PROGRESS));
            return;
        }
        Map<String, DueDate> dates = TargetDates.perSubItem(target);
        Map<String, String> targets = TargetDates.subItemTexts(target);
        Map<String, String> progress = TargetDates.subItemTexts(a.get(PlanColumn.PROGRESS));
        for (Map.Entry<String, String> part : parts.entrySet()) {
            String label = part.getKey();
            // The words before "a)" introduce every part; they go with the first so nothing is lost.
            String text = label.equals("a") && preamble != null ? preamble + "\n" + part.getValue() : part.getValue();
            String partTarget = targets.isEmpty() ? target : targets.getOrDefault(label, "");
            DueDate due = dates.isEmpty() ? TargetDates.derive(target) : dates.getOrDefault(label, TargetDates.derive(""));
            flagTarget(a, partTarget, due);
            String partProgress = progress.getOrDefault(label, a.get(PlanColumn.PROGRESS));
            if (!progress.isEmpty() && !progress.containsKey(label)) {
                a.line.flag("progress has no part " + label + "): the whole progress cell is used for it");
            }
            String ref = base.chars().allMatch(Character::isDigit) ? base + label : base + "-" + label;
            addAction(rec, a, agency, ref, text, partTarget, due, partProgress);
        }
    }

    private void flagTarget(DraftAction a, String target, DueDate due) {
        if (due.needsCheck()) {
            a.line.flag(target.length() > 60 ? "target date cell holds text, not a date (wrong column?): kept as written"
                    : "no date could be read from the target date: kept as written, no due date");
        }
    }

    private void addAction(Recommendation rec, DraftAction a, Agency agency, String ref, String text, String target,
            DueDate due, String progress) {
        Integer first = refRows.putIfAbsent(ref, a.row.row());
        if (first != null) {
            problems.add(new Problem(fileName, a.row.row(), PlanColumn.RECOMMENDATION.label(),
                    "action " + ref + " is already given at row " + first + where(a.row)
                            + " (the same recommendation number twice in one section?)"));
            return;
        }
        Action action = new Action(ref, agency.code(), agency.name(), text.isBlank() ? "(no action given)" : text,
                blankToNull(a.get(PlanColumn.EVIDENCE)), blankToNull(a.get(PlanColumn.LEAD)), blankToNull(target), due);
        if (text.isBlank()) {
            a.line.flag("action " + ref + ": no action text");
        }
        entries.add(new RegisterFile.Entry(a.row.row(), review, rec, action));
        a.line.became("action " + ref + " (" + agency.code() + ")");
        if (!progress.isBlank()) {
            addUpdate(a, ref, agency, progress);
        }
    }

    private void addUpdate(DraftAction a, String ref, Agency agency, String progress) {
        if (asAt == null) {
            if (!asAtMissing) {
                asAtMissing = true;
                problems.add(new Problem(fileName, a.row.row(), PlanColumn.PROGRESS.label(),
                        "the plan reports progress but states no as-at date (\"Progress - as at 31 May 2016\" in its header):"
                                + " give --as-at" + where(a.row)));
            }
            return;
        }
        ProgressNarrative.Reading reading = ProgressNarrative.read(progress);
        ReturnStatus status = switch (reading.kind()) {
            case COMPLETED -> ReturnStatus.COMPLETED;
            case NOT_STARTED -> ReturnStatus.NOT_STARTED;
            default -> ReturnStatus.IN_PROGRESS;
        };
        // A status column, where the plan has one, says it outright; the narrative is the fallback.
        String written = a.get(PlanColumn.STATUS);
        if (!written.isEmpty()) {
            try {
                ReturnStatus given = ReturnStatus.fromText(written);
                if (given != status) {
                    a.line.flag("action " + ref + ": status column says " + given.label() + ", the progress reads otherwise");
                }
                status = given;
            } catch (IllegalArgumentException e) {
                a.line.flag("action " + ref + ": status column not Not started, In progress or Completed: status read from the progress");
            }
        }
        LocalDate completed = null;
        if (status == ReturnStatus.COMPLETED) {
            completed = reading.completedOn() != null && !reading.completedOn().isAfter(asAt) ? reading.completedOn() : asAt;
        }
        if (reading.flag() != null) {
            a.line.flag("action " + ref + ": " + reading.flag());
        }
        updates.add(new PlanUpdate(a.row.row(), ref, agency.code(), status, progress, completed));
    }

    private static String where(SourceRow row) {
        return row.table() > 0 ? " (table " + row.table() + ")" : "";
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
