package org.dhrtracker.report;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.Workbook;
import org.dhrtracker.report.Sheets.Column;
import org.dhrtracker.report.Sheets.Styles;
import org.dhrtracker.themes.Taxonomy.Theme;
import org.dhrtracker.themes.ThemeCoding.Coded;
import org.dhrtracker.themes.ThemeCoding.PartnershipThemes;

/**
 * The workbook's theme sheets (docs/FORMATS.md#theme-taxonomy): Themes, seed 004's table for the
 * partnership's reviews with a count for each tick; Themes over time, the partnership's open
 * recommendations with each theme at each date its reviews were reconciled; Recommendation themes,
 * the review's recommendations and their themes. Codes and counts only, no recommendation text.
 */
final class ThemeSheets {

    static final String THEMES = "Themes";
    static final String OVER_TIME = "Themes over time";
    static final String RECOMMENDATIONS = "Recommendation themes";
    /** The dates shown over time: the latest, a year of monthly runs. */
    static final int DATES = 12;

    private ThemeSheets() {
    }

    static void write(Workbook wb, PartnershipThemes themes, String reviewId, String marking, Styles styles) {
        var m = themes.matrix();
        List<Column<Theme>> matrix = new ArrayList<>(List.of(Column.of("Area", 18, Theme::area), Column.of("Code", 24, Theme::code),
                Column.wrapped("Theme", 50, Theme::name)));
        for (String review : m.reviews()) {
            matrix.add(Column.of(review, 10, t -> m.count(t.code(), review)));
        }
        matrix.add(Column.of("All reviews", 12, t -> m.reviews().stream().mapToInt(r -> m.count(t.code(), r)).sum()));
        Sheets.writeSheet(wb.createSheet(THEMES), marking, matrix, m.taxonomy().themes(), styles);

        List<LocalDate> dates = new ArrayList<>(themes.openOverTime().keySet());
        dates = dates.subList(Math.max(0, dates.size() - DATES), dates.size());
        List<Column<Theme>> overTime = new ArrayList<>(List.of(Column.of("Code", 24, Theme::code),
                Column.wrapped("Theme", 50, Theme::name)));
        for (LocalDate date : dates) {
            overTime.add(Column.of("Open " + date, 14, t -> themes.openOverTime().get(date).getOrDefault(t.code(), 0)));
        }
        Sheets.writeSheet(wb.createSheet(OVER_TIME), marking, overTime, m.taxonomy().themes(), styles);

        List<Coded> review = themes.coded().stream().filter(c -> c.recommendation().reviewId().equals(reviewId)).toList();
        Sheets.writeSheet(wb.createSheet(RECOMMENDATIONS), marking, List.of(
                Column.of("Owning body", 40, (Coded c) -> c.recommendation().owningBody()),
                Column.of("Recommendation no.", 16, c -> c.recommendation().number()),
                Column.of("Themes", 50, c -> c.themes().isEmpty() ? "(none)" : String.join(", ", c.themes())),
                Column.of("Corrected", 12, c -> c.themes().equals(c.byRules()) ? "No" : "Yes")), review, styles);
    }
}
