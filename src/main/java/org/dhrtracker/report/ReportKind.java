package org.dhrtracker.report;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Locale;

/** The outputs a run can produce, as named in job definitions. */
public enum ReportKind {
    BOARD_PDF("board-pdf", "board-report", "pdf"),
    WORKBOOK("workbook", "master-workbook", "xlsx"),
    /** Every run writes the findings; listing them in a job definition changes nothing. */
    FINDINGS("findings", "findings", "csv"),
    /** One list per agency, in a chase/ folder: {@code fileName} is that folder's name. */
    CHASE_LISTS("chase-lists", "chase", ""),
    /** The action plan in the Home Office's columns: {@code fileName} is the name of both files without .pdf/.xlsx. */
    HOME_OFFICE("home-office", "home-office", ""),
    /** One workbook per agency of a partnership, in a return-packs/ folder (see ReturnPacks.fileName). */
    RETURN_PACKS("return-packs", "return-pack", ""),
    /** One per partnership per run, across all its reviews: {@code fileName} takes the partnership. */
    PARTNERSHIP("partnership-report", "partnership-report", "pdf"),
    /**
     * Once per run, every review of the register: one row per review and one per action
     * ({@link NationalWorkbook}). Not in a run that names no reports: asked for by name.
     */
    NATIONAL_WORKBOOK("national-workbook", "workbook", "xlsx");

    private final String id;
    private final String fileStem;
    private final String extension;

    ReportKind(String id, String fileStem, String extension) {
        this.id = id;
        this.fileStem = fileStem;
        this.extension = extension;
    }

    public String id() {
        return id;
    }

    /** e.g. DHR1-board-report-2016-05-31.pdf */
    public String fileName(String reviewId, LocalDate asAt) {
        return reviewId + "-" + fileStem + "-" + asAt + (extension.isEmpty() ? "" : "." + extension);
    }

    public static ReportKind fromId(String id) {
        String t = id.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(k -> k.id.equals(t)).findFirst().orElseThrow(() ->
                new IllegalArgumentException("'" + id + "' is not a report (known: "
                        + String.join(", ", Arrays.stream(values()).map(ReportKind::id).toList()) + ")"));
    }
}
