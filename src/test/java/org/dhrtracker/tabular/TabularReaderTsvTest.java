package org.dhrtracker.tabular;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TabularReaderTsvTest {

    @TempDir
    Path dir;

    private Map<Integer, List<String>> read(String text) throws Exception {
        Path file = Files.writeString(dir.resolve("plan.tsv"), text);
        Map<Integer, List<String>> rows = new TreeMap<>();
        TabularReader.readTsv(file, rows::put);
        return rows;
    }

    /** Cells of every length, so the reader's 8,192-character blocks end inside cells, at delimiters and at line ends. */
    @Test
    void cellsAcrossTheReadersBlocksAreWhole() throws Exception {
        StringBuilder text = new StringBuilder();
        Map<Integer, List<String>> expected = new TreeMap<>();
        for (int row = 1; row <= 3000; row++) {
            List<String> cells = List.of("r" + row, "x".repeat(row % 101), "\"q" + row + "\"", "y".repeat(row * 7 % 13));
            expected.put(row, cells.stream().map(c -> c.replace("\"", "")).toList());
            text.append(String.join("\t", cells)).append(row % 2 == 0 ? "\r\n" : "\n");
        }
        assertThat(read(text.toString())).isEqualTo(expected);
    }

    @Test
    void spreadsheetQuotingIsHonoured() throws Exception {
        assertThat(read("Recommendation\tProgress\r\n\"Recommendation No 1\nline two\"\t\"He said \"\"yes\"\"\tthen\"\r\n"))
                .isEqualTo(Map.of(1, List.of("Recommendation", "Progress"),
                        2, List.of("Recommendation No 1\nline two", "He said \"yes\"\tthen")));
    }

    @Test
    void quotesInsideTextAreText() throws Exception {
        assertThat(read("\n<p>A half day \"Domestic Abuse Awareness\" course</p>\tLocal\n")).isEqualTo(Map.of(
                2, List.of("<p>A half day \"Domestic Abuse Awareness\" course</p>", "Local")));
    }

    /** A cell that merely starts with a quoted phrase is not quoting: the whole file is read line by line. */
    @Test
    void aFileThatDoesNotReadAsQuotedIsSplitLineByLine() throws Exception {
        assertThat(read("Action\tLead\n\"Ask me\" scheme launched\tWomen's Aid\n\n\"unclosed\tTBC\n")).isEqualTo(Map.of(
                1, List.of("Action", "Lead"),
                2, List.of("\"Ask me\" scheme launched", "Women's Aid"),
                4, List.of("\"unclosed", "TBC")));
    }
}
