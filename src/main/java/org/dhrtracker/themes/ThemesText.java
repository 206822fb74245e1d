package org.dhrtracker.themes;

import java.util.List;

import org.dhrtracker.themes.Taxonomy.Theme;
import org.dhrtracker.themes.ThemeCoding.Matrix;

/** The themes x reviews matrix as text for the terminal: codes and counts, never recommendation text. */
public final class ThemesText {

    private ThemesText() {
    }

    private static final java.time.format.DateTimeFormatter DAY = java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy",
            java.util.Locale.UK);

    /** The dates the partnership report shows open counts at: the latest ones. */
    public static final int REPORT_DATES = 3;

    /**
     * The partnership report's themes section: for each theme some recommendation has, its count
     * in each review and how many were open at the latest reconciled dates; then the themes none
     * has and the recommendations no theme tags. Null when the partnership has no recommendations.
     */
    public static String partnership(ThemeCoding.PartnershipThemes p) {
        Matrix m = p.matrix();
        if (m.reviews().isEmpty()) {
            return null;
        }
        List<java.time.LocalDate> dates = List.copyOf(p.openOverTime().keySet());
        dates = dates.subList(Math.max(0, dates.size() - REPORT_DATES), dates.size());
        StringBuilder s = new StringBuilder("Recommendations per theme in each review, and how many of them were still open"
                + " (an action not complete) at the latest dates the reviews were reconciled.");
        List<String> none = new java.util.ArrayList<>();
        for (Theme t : m.taxonomy().themes()) {
            List<String> counts = m.reviews().stream().filter(r -> m.count(t.code(), r) > 0).map(r -> r + " " + m.count(t.code(), r)).toList();
            if (counts.isEmpty()) {
                none.add(t.name());
                continue;
            }
            s.append("\n").append(t.area()).append(" - ").append(t.name()).append(": ").append(String.join(", ", counts));
            if (!dates.isEmpty()) {
                s.append(". Open: ").append(String.join(", ", dates.stream()
                        .map(d -> p.openOverTime().get(d).getOrDefault(t.code(), 0) + " at " + DAY.format(d)).toList()));
            }
        }
        s.append("\nNo recommendation on: ").append(none.isEmpty() ? "none" : String.join("; ", none)).append('.');
        return s.append('\n').append(untagged(m)).append('.').toString();
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
        return s.append(untagged(m)).toString();
    }

    private static String untagged(Matrix m) {
        List<String> untagged = m.untagged().stream()
                .map(c -> c.recommendation().reviewId() + " " + c.recommendation().number()).toList();
        return "Recommendations no theme tags (" + untagged.size() + "): " + (untagged.isEmpty() ? "none" : String.join(", ", untagged));
    }
}
