package org.dhrtracker.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.dhrtracker.reconcile.ActionStatus;
import org.dhrtracker.report.Sheets.Column;
import org.dhrtracker.report.ReportData.ActionLine;
import org.dhrtracker.report.ReportData.UpdateLine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MasterWorkbookTest {

    @TempDir
    Path dir;

    private final ReportData data = ReportFixtures.review();

    private XSSFWorkbook written() throws IOException {
        Path file = dir.resolve("master.xlsx");
        new MasterWorkbook().write(data, file);
        BoardReportPdfTest.keepCopy(file);
        return new XSSFWorkbook(new java.io.ByteArrayInputStream(java.nio.file.Files.readAllBytes(file)));
    }

    @Test
    void hasTheFourSheetsEachMarkedWithBoldHeadersFrozenAndFiltered() throws IOException {
        try (XSSFWorkbook wb = written()) {
            assertThat(List.of(wb.getSheetName(0), wb.getSheetName(1), wb.getSheetName(2), wb.getSheetName(3)))
                    .containsExactly("Summary", "Action plan", "Exceptions", "Returns history");
            for (Sheet sheet : wb) {
                assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo(ReportFixtures.MARKING);
                Cell firstHeader = sheet.getRow(1).getCell(0);
                assertThat(wb.getFontAt(firstHeader.getCellStyle().getFontIndex()).getBold()).isTrue();
                assertThat(sheet.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 2);
                assertThat(wb.getSheet(sheet.getSheetName()).getCTWorksheet().getAutoFilter().getRef()).startsWith("A2:");
            }
            assertThat(wb.getProperties().getCoreProperties().getTitle()).contains(ReportFixtures.TITLE, "31 May 2016");
        }
    }

    @Test
    void actionPlanRowsHoldEveryFieldWithRealDatesAndNeutralisedFormulas() throws IOException {
        try (XSSFWorkbook wb = written()) {
            Sheet sheet = wb.getSheet("Action plan");
            assertHeaders(sheet, MasterWorkbook.ACTION_COLUMNS);
            assertThat(sheet.getRow(1).getCell(4).getStringCellValue()).isEqualTo("Action ref");
            assertThat(sheet.getRow(1).getCell(11).getStringCellValue()).isEqualTo("Due date");
            for (int i = 0; i < data.actions().size(); i++) {
                ActionLine a = data.actions().get(i);
                Row row = sheet.getRow(2 + i);
                List<Object> expected = java.util.Arrays.asList(a.owningBody(), a.recommendationNo(), a.recommendationText(),
                        a.scope(), a.actionRef(), a.agency(), a.agencyName(), a.action(), a.evidenceOfAchievement(),
                        a.implementationLead(), a.targetDateAsWritten(), a.dueDate(), a.status().label(), a.status().rag().word(),
                        a.lastReturnAsAt(), a.lastReportedStatus(), a.lastProgress(), a.completionDate(), a.signOff());
                for (int c = 0; c < expected.size(); c++) {
                    assertCell(row.getCell(c), expected.get(c));
                }
            }
            Cell formula = sheet.getRow(4).getCell(8);
            assertThat(formula.getCellType()).isEqualTo(CellType.STRING);
            assertThat(formula.getStringCellValue()).isEqualTo(ReportFixtures.FORMULA);
            assertThat(formula.getCellStyle().getQuotePrefixed()).isTrue();
            assertThat(formula.getCellStyle().getWrapText()).as("the column's own style, quote-prefixed").isTrue();
            assertThat(sheet.getRow(3).getCell(9)).as("null lead stays blank").isNull();
            assertThat(sheet.getRow(4).getCell(16).getCellStyle().getWrapText()).isTrue();
        }
    }

    @Test
    void exceptionsSheetListsExactlyTheExceptions() throws IOException {
        try (XSSFWorkbook wb = written()) {
            Sheet sheet = wb.getSheet("Exceptions");
            assertHeaders(sheet, MasterWorkbook.ACTION_COLUMNS);
            assertThat(sheet.getLastRowNum() - 1).isEqualTo(data.exceptions().size());
            for (int i = 0; i < data.exceptions().size(); i++) {
                assertThat(sheet.getRow(2 + i).getCell(4).getStringCellValue()).isEqualTo(data.exceptions().get(i).actionRef());
            }
        }
    }

    @Test
    void returnsHistoryHoldsEveryUpdate() throws IOException {
        try (XSSFWorkbook wb = written()) {
            Sheet sheet = wb.getSheet("Returns history");
            assertHeaders(sheet, MasterWorkbook.UPDATE_COLUMNS);
            assertThat(sheet.getLastRowNum() - 1).isEqualTo(data.returnsHistory().size());
            for (int i = 0; i < data.returnsHistory().size(); i++) {
                UpdateLine u = data.returnsHistory().get(i);
                Row row = sheet.getRow(2 + i);
                List<Object> expected = java.util.Arrays.asList(u.asAt(), u.actionRef(), u.agency(), u.status(), u.progress(),
                        u.evidence(), u.revisedTargetDate(),
                        u.completionDate(), u.reportedBy(), u.sourceFile(), u.sourceRow(), u.receivedAt());
                for (int c = 0; c < expected.size(); c++) {
                    assertCell(row.getCell(c), expected.get(c));
                }
            }
            // Formula-like text: exact, in a quote-prefixed string cell.
            Cell draft = sheet.getRow(3).getCell(5);
            assertThat(draft.getCellType()).isEqualTo(CellType.STRING);
            assertThat(draft.getStringCellValue()).isEqualTo("-draft v2");
            assertThat(draft.getCellStyle().getQuotePrefixed()).isTrue();
            assertThat(sheet.getRow(3).getCell(4).getCellStyle().getQuotePrefixed()).isFalse();
        }
    }

    @Test
    void summaryHasTheSameCountsAsReportSummary() throws IOException {
        ReportSummary summary = ReportSummary.of(data);
        try (XSSFWorkbook wb = written()) {
            Sheet sheet = wb.getSheet("Summary");
            assertThat(sheet.getRow(1).getCell(2).getStringCellValue()).isEqualTo("Completed (Green)");
            for (int i = 0; i < summary.byAgency().size(); i++) {
                ReportSummary.AgencyCounts a = summary.byAgency().get(i);
                Row row = sheet.getRow(2 + i);
                assertThat(row.getCell(1).getStringCellValue()).isEqualTo(a.agencyName());
                ActionStatus[] statuses = ActionStatus.values();
                for (int s = 0; s < statuses.length; s++) {
                    assertThat(row.getCell(2 + s).getNumericCellValue()).isEqualTo(a.counts().count(statuses[s]));
                }
                assertThat(row.getCell(2 + statuses.length).getNumericCellValue()).isEqualTo(a.counts().total());
            }
            Row total = sheet.getRow(2 + summary.byAgency().size());
            assertThat(total.getCell(0).getStringCellValue()).isEqualTo("All agencies");
            assertThat(total.getCell(2 + ActionStatus.values().length).getNumericCellValue()).isEqualTo(data.actions().size());
            assertThat(total.getCell(2 + ActionStatus.OVERDUE.ordinal()).getNumericCellValue()).isEqualTo(1);
        }
    }

    @Test
    void statusAndRagCellsAreTintedByTheRagWordAndSheetsPrintFitToWidth() throws IOException {
        try (XSSFWorkbook wb = written()) {
            Sheet plan = wb.getSheet(MasterWorkbook.ACTION_PLAN);
            var formatting = plan.getSheetConditionalFormatting();
            assertThat(formatting.getNumConditionalFormattings()).isEqualTo(3);
            List<String> rules = new java.util.ArrayList<>();
            for (int i = 0; i < formatting.getNumConditionalFormattings(); i++) {
                var f = formatting.getConditionalFormattingAt(i);
                rules.add(f.getRule(0).getFormula1());
                assertThat(f.getFormattingRanges()[0].getLastRow()).isEqualTo(1 + data.actions().size());
            }
            assertThat(rules).allMatch(r -> r.matches("\\$[A-Z]+3=\"(Red|Amber|Green)\""));
            for (Sheet sheet : wb) {
                assertThat(sheet.getFitToPage()).as(sheet.getSheetName()).isTrue();
                assertThat(sheet.getPrintSetup().getFitWidth()).isEqualTo((short) 1);
            }
        }
    }

    private static <T> void assertHeaders(Sheet sheet, List<Column<T>> columns) {
        Row header = sheet.getRow(1);
        for (int c = 0; c < columns.size(); c++) {
            assertThat(header.getCell(c).getStringCellValue()).isEqualTo(columns.get(c).header());
        }
    }

    private static void assertCell(Cell cell, Object expected) {
        if (expected == null) {
            assertThat(cell).isNull();
        } else if (expected instanceof LocalDate d) {
            assertThat(DateUtil.isCellDateFormatted(cell)).as("date cell %s", cell.getAddress()).isTrue();
            assertThat(cell.getCellStyle().getDataFormatString()).isEqualTo("dd/mm/yyyy");
            assertThat(cell.getLocalDateTimeCellValue().toLocalDate()).isEqualTo(d);
        } else if (expected instanceof Instant t) {
            assertThat(DateUtil.isCellDateFormatted(cell)).isTrue();
            assertThat(cell.getLocalDateTimeCellValue()).isEqualTo(LocalDateTime.ofInstant(t, ReportFormats.ZONE));
        } else if (expected instanceof Number n) {
            assertThat(cell.getNumericCellValue()).isEqualTo(n.doubleValue());
        } else {
            assertThat(cell.getStringCellValue()).as("cell %s", cell.getAddress()).isEqualTo(expected.toString());
            assertThat(cell.getCellStyle().getQuotePrefixed()).as("quote prefix of %s", cell.getAddress())
                    .isEqualTo(SpreadsheetText.isFormulaLike(expected.toString()));
        }
    }
}
