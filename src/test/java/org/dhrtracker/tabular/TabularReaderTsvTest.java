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
