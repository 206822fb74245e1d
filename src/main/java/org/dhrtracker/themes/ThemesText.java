package org.dhrtracker.themes;

import java.util.List;

import org.dhrtracker.themes.Taxonomy.Theme;
import org.dhrtracker.themes.ThemeCoding.Matrix;

/** The themes x reviews matrix as text for the terminal: codes and counts, never recommendation text. */
public final class ThemesText {

    private ThemesText() {
    }

    public static String matrix(Matrix m) {
        StringBuilder s = new StringBuilder("Recommendations per theme and review (a recommendation may have several themes):\n");
        int width = m.taxonomy().themes().stream().mapToInt(t -> t.code().length()).max().orElse(4) + 2;
        s.append(" ".repeat(width + 2));
        m.reviews().forEach(r -> s.append(String.format("%8s", r)));
        s.append('\n');
        m.taxonomy().byArea().forEach((area, themes) -> {
            s.append(area).append('\n');
            for (Theme t : themes) {
                s.append("  ").append(String.format("%-" + width + "s", t.code()));
                for (String review : m.reviews()) {
                    int n = m.count(t.code(), review);
                    s.append(String.format("%8s", n == 0 ? "-" : Integer.toString(n)));
                }
                s.append("  ").append(t.name()).append('\n');
            }
        });
        List<String> untagged = m.untagged().stream()
                .map(c -> c.recommendation().reviewId() + " " + c.recommendation().number()).toList();
        s.append("Recommendations no theme tags (").append(untagged.size()).append("): ")
                .append(untagged.isEmpty() ? "none" : String.join(", ", untagged));
        return s.toString();
    }
}
