package org.dhrtracker.register.plan;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.dhrtracker.register.TargetDates;

/**
 * Reads an action's status out of the progress narrative its plan keeps ("Status as written" in
 * ../shared/domain.md). Only reads: the caller keeps the narrative whole, and no flag quotes it.
 *
 * <p>Rules, as a coordinator reads such a cell:
 * <ul>
 * <li>Progress is appended over time ("August 2013. ... Update Feb 2014: ... COMPLETED"), so the
 *     <b>latest statement wins</b>: of the status phrases below, the last one in the text decides.
 * <li>Completed: "COMPLETED", "ACTIONS COMPLETED", "COMPLETE AS OF APRIL 2014", "has been
 *     completed". Not "to be completed by", "not yet completed", "once completed", "being
 *     completed" ("incomplete" is no status phrase at all): those say the work is still in progress.
 * <li>Completion date: a date written right after the word ("COMPLETE AS OF APRIL 2014",
 *     "Completed 31st March 2015", "COMPLETED – April 2015"), read as target dates are (a month is
 *     its last day); else the date of the dated update the statement belongs to ("Update Feb 2014:
 *     ... COMPLETED"), when nothing else is dated in that update; else none.
 * <li>"Completed /Ongoing" (or "completed and ongoing"): completed, with the flag "completed and
 *     ongoing": the action is done and has become routine work, so it no longer holds the review open.
 * <li>Needs check: "TBC", "No response received", reminders sent, "awaiting ...": somebody must
 *     chase. The flag says which, in its own words.
 * <li>In progress: "ongoing", "in progress", "further work", "outstanding", "Item remains on ...
 *     Agenda", "being rolled out"; also any text with no status phrase.
 * <li>Not started: only when the text says so ("not yet started", "no action taken").
 * <li>Blank: needs check, "no progress given": an empty cell says nothing was reported, not that
 *     nothing was done.
 * <li>A completed statement followed by a later, different one ("Completed in 2013. Update 2014:
 *     further work required"): the later one decides, and the flag adds that it was marked
 *     completed earlier, so the coordinator sees the reopening.
 * <li>Sub-items written "a) ... b) ...": when the whole reads completed but a part does not
 *     ("e) Item remains on ... Agenda"), needs check, naming the labels of those parts.
 * </ul>
 */
public final class ProgressNarrative {

    public enum Kind { COMPLETED, IN_PROGRESS, NOT_STARTED, NEEDS_CHECK }

    /**
     * @param kind the status the narrative gives
     * @param completedOn when completed, if the narrative says when; otherwise null
     * @param flag for the coordinator, never quoting the narrative; null when there is nothing to say
     */
    public record Reading(Kind kind, LocalDate completedOn, String flag) {
    }

    static final String COMPLETED_EARLIER = "was marked completed earlier";

    /** Status phrases; where two could start at one place the earlier alternative wins. */
    private static final Pattern PHRASE = Pattern.compile(String.join("|",
            "(?<notStarted>\\bnot\\s+(?:yet\\s+)?(?:been\\s+)?(?:started|commenced|begun)\\b"
                    + "|\\bno\\s+action\\s+(?:yet\\s+)?(?:taken|started)\\b|\\byet\\s+to\\s+(?:start|begin|commence)\\b)",
            // a future or negated completion is a statement that the work goes on
            "(?<pending>\\b(?:not|never|yet|to|be|once|when|until|unless|if|being|before|partly|partially)"
                    + "\\s+(?:yet\\s+|been\\s+|be\\s+|fully\\s+)?complete(?:d)?\\b)",
            // bare "complete" before "the", "by"... is the verb ("complete the audit by May")
            "(?<done>\\b(?:actions?\\s+)?complete(?:d\\b|\\b(?!\\s+(?:the|a|an|all|this|these|their|its|by)\\b))"
                    + "(?:\\s*(?:/|and|&)\\s*(?<ongoing>on\\s*-?\\s*going\\b))?)",
            "(?<tbc>\\btbc\\b|\\bto\\s+be\\s+confirmed\\b)",
            "(?<noResponse>\\bno\\s+(?:response|reply|answer)\\b|\\bnot\\s+(?:yet\\s+)?(?:responded|replied)\\b"
                    + "|\\breminders?\\s+(?:have\\s+|has\\s+)?(?:been\\s+)?sent\\b)",
            "(?<awaiting>\\bawait(?:ing)?\\b|\\bwaiting\\s+(?:for|on)\\b)",
            "(?<progress>\\bon\\s*-?\\s*going\\b|\\bin\\s+progress\\b|\\bunder\\s*way\\b|\\bfurther\\s+work\\b"
                    + "|\\boutstanding\\b|\\bremains?\\s+on\\b|\\bre-?opened\\b"
                    + "|\\bbeing\\s+(?:rolled\\s+out|developed|drafted|implemented|introduced|reviewed|revised|finali[sz]ed)\\b)"),
            Pattern.CASE_INSENSITIVE);
    /** What may stand between "completed" and its date: "– ", "AS OF ", "on ". */
    private static final Pattern DATE_LEAD = Pattern.compile("^[\\s\\-–—:,]*(?:(?:as\\s+(?:of|at)|on|in|since)\\s+)?",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern DATED_UPDATE = Pattern.compile("\\bupdate\\s+([^:\\n]{3,20}):", Pattern.CASE_INSENSITIVE);

    private ProgressNarrative() {
    }

    public static Reading read(String narrative) {
        if (narrative == null || narrative.isBlank()) {
            return new Reading(Kind.NEEDS_CHECK, null, "no progress given");
        }
        String text = narrative.replace('\u00a0', ' ');
        Reading whole = readWhole(text);
        if (whole.kind() != Kind.COMPLETED) {
            return whole;
        }
        // the last part's "COMPLETED" may close only that part
        List<String> open = new ArrayList<>();
        TargetDates.subItemTexts(text).forEach((label, part) -> {
            if (readWhole(part).kind() != Kind.COMPLETED) {
                open.add(label);
            }
        });
        return open.isEmpty() ? whole
                : new Reading(Kind.NEEDS_CHECK, whole.completedOn(), "reads completed, but not sub-items " + String.join(", ", open));
    }

    private record Phrase(String kind, int start, int end, boolean ongoing) {
    }

    private static Reading readWhole(String text) {
        List<Phrase> phrases = new ArrayList<>();
        Matcher m = PHRASE.matcher(text);
        while (m.find()) {
            phrases.add(new Phrase(kind(m), m.start(), m.end(), m.group("ongoing") != null));
        }
        if (phrases.isEmpty()) {
            return new Reading(Kind.IN_PROGRESS, null, null);
        }
        Phrase last = phrases.get(phrases.size() - 1);
        if (last.kind().equals("done")) {
            return new Reading(Kind.COMPLETED, completedOn(text, phrases), last.ongoing() ? "completed and ongoing" : null);
        }
        boolean completedBefore = phrases.stream().anyMatch(p -> p.kind().equals("done"));
        String earlier = completedBefore ? COMPLETED_EARLIER : null;
        return switch (last.kind()) {
            case "notStarted" -> new Reading(Kind.NOT_STARTED, null, earlier);
            case "tbc" -> needsCheck("progress says TBC", earlier);
            case "noResponse" -> needsCheck("progress says no response received", earlier);
            case "awaiting" -> needsCheck("progress says awaiting", earlier);
            default -> new Reading(Kind.IN_PROGRESS, null, earlier);
        };
    }

    private static String kind(Matcher m) {
        for (String name : List.of("notStarted", "pending", "done", "tbc", "noResponse", "awaiting", "progress")) {
            if (m.group(name) != null) {
                return name;
            }
        }
        throw new IllegalStateException("a phrase matched no group");
    }

    private static Reading needsCheck(String flag, String earlier) {
        return new Reading(Kind.NEEDS_CHECK, null, earlier == null ? flag : flag + "; " + earlier);
    }

    /**
     * The date written right after one of the completed phrases that end the text ("COMPLETE AS OF
     * APRIL 2014 ... COMPLETED"), the latest such; else that of the dated update they close.
     */
    private static LocalDate completedOn(String text, List<Phrase> phrases) {
        int first = phrases.size() - 1;
        while (first > 0 && phrases.get(first - 1).kind().equals("done")) {
            first--;
        }
        for (int i = phrases.size() - 1; i >= first; i--) {
            LocalDate written = dateRightAfter(text.substring(phrases.get(i).end()));
            if (written != null) {
                return written;
            }
        }
        int start = phrases.get(first).start();
        Matcher u = DATED_UPDATE.matcher(text.substring(0, start));
        LocalDate updated = null;
        int updateEnd = -1;
        while (u.find()) {
            updated = TargetDates.derive(u.group(1)).date();
            updateEnd = u.end();
        }
        // "Update Jan 2015: ... added on 20.07.2015 COMPLETED": which date is meant is a guess
        boolean otherDate = updated != null && TargetDates.derive(text.substring(updateEnd, start)).date() != null;
        return otherDate ? null : updated;
    }

    /** A date in the first few words, within the sentence: a date further on belongs to the next statement. */
    private static LocalDate dateRightAfter(String rest) {
        String sentence = DATE_LEAD.matcher(rest).replaceFirst("").split("\\R|\\.\\s|;", 2)[0];
        String[] words = sentence.strip().split("\\s+", 5);
        return TargetDates.derive(String.join(" ", List.of(words).subList(0, Math.min(4, words.length)))).date();
    }
}
