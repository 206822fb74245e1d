package org.dhrtracker.register.plan;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The parts of a cell written "a) ... b) ... c) ...": labels in sequence from a, each opening a
 * line or following a space ("a) Completed b)Completed c)31/05/14"). A letter out of sequence
 * ("e.g.", "i." under "a.") stays in the text. Text before "a)" goes with part a.
 */
public final class LabelledParts {

    private static final Pattern LABEL = Pattern.compile("(?:^|(?<=[\\s]))\\(?([a-z])[.)](?=\\s|\\S)", Pattern.MULTILINE);

    private LabelledParts() {
    }

    /** Label → text of each part, in order; empty when the cell has fewer than two labelled parts. */
    public static Map<String, String> split(String cell) {
        Map<String, String> parts = new LinkedHashMap<>();
        if (cell == null || cell.isBlank()) {
            return parts;
        }
        Matcher m = LABEL.matcher(cell);
        char expected = 'a';
        int start = -1;
        String label = null;
        String preamble = "";
        while (m.find()) {
            char letter = m.group(1).charAt(0);
            if (letter != expected || isWordBefore(cell, m.start(1))) {
                continue;
            }
            if (label == null) {
                preamble = cell.substring(0, m.start()).strip();
            } else {
                parts.put(label, cell.substring(start, m.start()).strip());
            }
            label = String.valueOf(letter);
            start = m.end();
            expected++;
        }
        if (label == null) {
            return parts;
        }
        parts.put(label, cell.substring(start).strip());
        if (parts.size() < 2) {
            return new LinkedHashMap<>();
        }
        if (!preamble.isEmpty()) {
            parts.put("a", preamble + "\n" + parts.get("a"));
        }
        return parts;
    }

    /** "(a)" is a label, but so would be the "a." ending "e.g. a." — only a letter standing alone counts. */
    private static boolean isWordBefore(String cell, int letterAt) {
        int before = letterAt - 1;
        if (before >= 0 && cell.charAt(before) == '(') {
            before--;
        }
        return before >= 0 && Character.isLetterOrDigit(cell.charAt(before));
    }
}
