package org.dhrtracker.register;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.dhrtracker.register.Recommendation.SubItem;

/**
 * Finds the sub-items of a recommendation's text: lines starting "a." / "a)" and, under them,
 * "i." / "i)". A lone "i" after "h" is the letter, not the numeral.
 */
public final class SubItems {

    private static final Pattern LINE = Pattern.compile("^\\s*\\(?([a-z]|[ivx]{1,5})[.)]\\s+(.*)$");
    private static final Pattern ROMAN = Pattern.compile("[ivx]{1,5}");

    private SubItems() {
    }

    public static List<SubItem> of(String text) {
        List<SubItem> items = new ArrayList<>();
        String letter = null;
        for (String line : text.split("\\R")) {
            Matcher m = LINE.matcher(line);
            if (!m.matches()) {
                continue;
            }
            String label = m.group(1);
            boolean roman = ROMAN.matcher(label).matches() && !(label.length() == 1 && isNextLetter(letter, label));
            if (roman && letter != null) {
                items.add(new SubItem(letter + "." + label, m.group(2).strip()));
            } else if (roman) {
                items.add(new SubItem(label, m.group(2).strip()));
            } else {
                letter = label;
                items.add(new SubItem(label, m.group(2).strip()));
            }
        }
        return items;
    }

    private static boolean isNextLetter(String previous, String label) {
        return previous == null ? !label.equals("i") : label.charAt(0) == previous.charAt(0) + 1;
    }
}
