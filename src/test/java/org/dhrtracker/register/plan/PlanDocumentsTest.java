package org.dhrtracker.register.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.OutputStream;
import java.math.BigInteger;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.dhrtracker.tabular.TabularReader;
import org.dhrtracker.tabular.UnreadableFileException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STMerge;

class PlanDocumentsTest {

    @TempDir
    Path dir;

    static Path fixture(String name) {
        try {
            return Path.of(PlanDocumentsTest.class.getResource("/plans/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    // --- seed 001, layout A: tab-separated text with HTML in cells ---

    @Test
    void seedOneReadsOneRowPerNonBlankLineNumberedByLine() throws Exception {
        List<SourceRow> rows = PlanDocuments.read(fixture("dhr1-action-plan.tsv"));

        assertThat(rows).hasSize(119);
        assertThat(rows.get(0)).isEqualTo(SourceRow.ofSheet(3,
                List.of("Nuneaton Domestic Homicide Review (DHR1) Agency Action Plan")));
        assertThat(rows).filteredOn(r -> r.row() == 6).singleElement().extracting(SourceRow::cells)
                .isEqualTo(List.of("Recommendation", "Scope of rec i.e. local or regional", "Action to take",
                        "Evidence of Achievement", "Target date", "Progress report - Master As at 31 st May 2016"));
        assertThat(rows).filteredOn(r -> r.row() == 7).singleElement().extracting(SourceRow::cells)
                .isEqualTo(List.of("Safer Warwickshire Partnership Board", "", "", "", "", ""));
        SourceRow eight = rows.stream().filter(r -> r.row() == 8).findFirst().orElseThrow();
        assertThat(eight.cells()).hasSize(6);
        assertThat(eight.cells().get(0)).startsWith("1. Safer Warwickshire Partnership Board to develop")
                .contains("\na. Clear, written policies for all agencies in the county");
        assertThat(eight.cells().get(1)).isEqualTo("Local");
        assertThat(eight.cells().get(4)).isEqualTo("31 st December 2014");
        assertThat(rows).allSatisfy(r -> assertThat(r.cells()).noneMatch(c -> c.contains("<") && c.contains("</")));
    }

    /** Quotes inside seed 001's text are text: each line gives exactly the cells of a split on tabs. */
    @Test
    void seedOneCellsAreThePlainTabSplit() throws Exception {
        Path seed = fixture("dhr1-action-plan.tsv");
        Map<Integer, List<String>> expected = new TreeMap<>();
        List<String> lines = Files.readAllLines(seed, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            if (!lines.get(i).isBlank()) {
                expected.put(i + 1, List.of(lines.get(i).split("\t", -1)));
            }
        }
        Map<Integer, List<String>> read = new TreeMap<>();
        TabularReader.readTsv(seed, read::put);

        assertThat(lines.stream().filter(l -> l.contains("\"")).count()).isPositive();
        assertThat(read).isEqualTo(expected);
    }

    // --- layout B: the same plan as Word and Excel files, written by POI and re-saved by LibreOffice ---

    @ParameterizedTest
    @ValueSource(strings = {"layout-b.docx", "layout-b-libreoffice.docx", "layout-b.xlsx", "layout-b-libreoffice.xlsx"})
    void layoutBFilesAllYieldTheFixtureContentRowByRow(String file) throws Exception {
        assertThat(cellsOnly(PlanDocuments.read(fixture(file)))).isEqualTo(expectedLayoutB());
    }

    @Test
    void layoutBDocxRowsSayWhereTheyAre() throws Exception {
        List<SourceRow> rows = PlanDocuments.read(fixture("layout-b-libreoffice.docx"));

        assertThat(rows).filteredOn(SourceRow::paragraph).extracting(SourceRow::location)
                .containsExactly("paragraph 1", "paragraph 3", "paragraph 5", "paragraph 7", "paragraph 9",
                        "paragraph 11", "paragraph 13");
        assertThat(rows).filteredOn(r -> !r.paragraph()).extracting(SourceRow::table).containsOnly(1, 2, 3, 4);
        SourceRow continuation = rows.stream().filter(r -> r.table() == 1 && r.row() == 7).findFirst().orElseThrow();
        assertThat(continuation.cells()).containsExactly("", "frontline professionals in all partner agencies.", "", "",
                "delivered to 120 professionals by March 2014. COMPLETED");
    }

    /** Facts the README's expected-content table states, checked on the file saved by LibreOffice. */
    @Test
    void layoutBCellsMatchTheReadme() throws Exception {
        List<List<String>> rows = cellsOnly(PlanDocuments.read(fixture("layout-b-libreoffice.xlsx")));
        List<String> overview1 = rows.get(4);
        assertThat(overview1.get(0)).startsWith("Recommendation No 1\nNorth Worcestershire Community Safety Partnership");
        assertThat(overview1.get(3)).isEqualTo("Autumn 2013");
        assertThat(overview1.get(4)).startsWith("August 2013. Training delivered to 64 frontline staff")
                .contains("\nUpdate Feb 2014: ").endsWith("COMPLETED");
        List<String> overview3 = rows.get(6);
        assertThat(overview3.get(0)).contains("\na) victims attending GP surgeries", "\nb) referrals declined", "\nc) pathway");
        assertThat(overview3.get(3)).isEqualTo("a) October 2013 b) December 2013 c) March 2014");
        assertThat(rows.get(7)).isEqualTo(LayoutBFixtures.HEADER);
        assertThat(rows.get(11)).containsExactly("Agency: West Mercia Police");
        assertThat(rows.get(14).get(3)).isEqualTo("TBC");
        assertThat(rows.get(17).get(3)).isEqualTo("By the 30.6.15");
    }

    /** The fixture content as rows: headings one cell, table rows five. */
    private static List<List<String>> expectedLayoutB() {
        List<List<String>> rows = new ArrayList<>();
        for (LayoutBFixtures.Block block : LayoutBFixtures.CONTENT) {
            if (block instanceof LayoutBFixtures.Heading h) {
                rows.add(List.of(h.text()));
            } else if (block instanceof LayoutBFixtures.Table t) {
                rows.addAll(t.rows());
            }
        }
        return rows;
    }

    /** Cells without where they stand; empty cells after the last text are dropped (a spreadsheet may or may not store them). */
    private static List<List<String>> cellsOnly(List<SourceRow> rows) {
        return rows.stream().map(r -> {
            List<String> cells = new ArrayList<>(r.cells());
            while (!cells.isEmpty() && cells.get(cells.size() - 1).isEmpty()) {
                cells.remove(cells.size() - 1);
            }
            return List.copyOf(cells);
        }).toList();
    }

    // --- DOCX tables with merged cells and a nested table ---

    @Test
    void docxMergedCellsKeepColumnPositionsAndNestedTablesFlatten() throws Exception {
        Path file = dir.resolve("merged.docx");
        try (XWPFDocument doc = new XWPFDocument(); OutputStream out = Files.newOutputStream(file)) {
            doc.createParagraph();
            doc.createParagraph().createRun().setText("Agency: West Mercia Police");
            XWPFTable table = doc.createTable(3, 3);
            table.getRow(0).getCell(0).setText("Recommendation");
            table.getRow(0).getCell(1).setText("Lead");
            table.getRow(0).getCell(2).setText("Target");
            XWPFTableCell spanning = table.getRow(1).getCell(0);
            spanning.setText("Recommendation No 1 spanning two columns");
            spanning.getCTTc().addNewTcPr().addNewGridSpan().setVal(BigInteger.TWO);
            table.getRow(1).removeCell(1);
            XWPFTableCell top = table.getRow(1).getCell(1);
            top.setText("March 2014");
            top.getCTTc().addNewTcPr().addNewVMerge().setVal(STMerge.RESTART);
            XWPFTableCell outer = table.getRow(2).getCell(0);
            outer.setText("Recommendation No 2");
            XWPFTable nested = new XWPFTable(outer.getCTTc().addNewTbl(), outer, 1, 2);
            nested.getRow(0).getCell(0).setText("a) inner one");
            nested.getRow(0).getCell(1).setText("b) inner two");
            outer.getCTTc().addNewP(); // Word ends a cell with a paragraph
            XWPFTableCell below = table.getRow(2).getCell(2);
            below.setText("text Word keeps hidden");
            below.getCTTc().addNewTcPr().addNewVMerge();
            doc.write(out);
        }

        List<SourceRow> rows = PlanDocuments.read(file);

        assertThat(rows.get(0)).isEqualTo(new SourceRow(2, 0, true, List.of("Agency: West Mercia Police")));
        assertThat(rows.get(1).cells()).containsExactly("Recommendation", "Lead", "Target");
        assertThat(rows.get(2)).isEqualTo(new SourceRow(2, 1, false,
                List.of("Recommendation No 1 spanning two columns", "", "March 2014")));
        assertThat(rows.get(3).cells()).containsExactly("Recommendation No 2\na) inner one\nb) inner two", "", "");
    }

    // --- CSV, and files that cannot be read ---

    @Test
    void csvRowsAreNumberedByRecordAndLoseTheirMarkup() throws Exception {
        Path file = dir.resolve("plan.csv");
        Files.writeString(file, "\uFEFFRecommendation,Target date\n\"<p>1. Develop</p><p>a. policies</p>\",\"31 <sup>st</sup> March\"\n,\n"
                + "\"Recommendation No 2\nsecond line\",TBC\n", StandardCharsets.UTF_8);

        assertThat(PlanDocuments.read(file)).containsExactly(
                SourceRow.ofSheet(1, List.of("Recommendation", "Target date")),
                SourceRow.ofSheet(2, List.of("1. Develop\na. policies", "31 st March")),
                SourceRow.ofSheet(4, List.of("Recommendation No 2\nsecond line", "TBC")));
    }

    @Test
    void unreadableFilesSayWhy() throws Exception {
        Path notWord = Files.writeString(dir.resolve("plan.docx"), "not a zip");
        // 0x81 is undefined in Windows-1252: neither UTF-8 nor Windows-1252 text.
        Path neitherEncoding = Files.write(dir.resolve("plan.tsv"), new byte[] {'A', '\t', 'C', 'a', 'f', (byte) 0x81});
        Path pdf = Files.writeString(dir.resolve("plan.pdf"), "%PDF");

        assertThatThrownBy(() -> PlanDocuments.read(notWord)).isInstanceOf(UnreadableFileException.class)
                .hasMessageStartingWith("not a readable DOCX document");
        assertThatThrownBy(() -> PlanDocuments.read(neitherEncoding)).isInstanceOf(UnreadableFileException.class)
                .hasMessageContaining("not UTF-8 or Windows-1252 text");
        assertThatThrownBy(() -> PlanDocuments.read(pdf)).isInstanceOf(UnreadableFileException.class)
                .hasMessage("not a .docx, .xlsx, .csv, .tsv or .txt file");
        assertThatThrownBy(() -> PlanDocuments.read(dir.resolve("missing.xlsx"))).isInstanceOf(UnreadableFileException.class)
                .hasMessage("no such file");
        assertThatThrownBy(() -> PlanDocuments.read(dir.resolve("missing.docx"))).isInstanceOf(UnreadableFileException.class)
                .hasMessage("no such file");
    }
}
