package org.dhrtracker.report;

/** Lets a test of another package make the national workbook's sheets short, and set them back. */
public final class NationalWorkbookSheets {

    private static final int USUAL = NationalWorkbook.rowsPerSheet;

    private NationalWorkbookSheets() {
    }

    public static void lower(int rows) {
        NationalWorkbook.rowsPerSheet = rows;
    }

    public static void restore() {
        NationalWorkbook.rowsPerSheet = USUAL;
    }
}
