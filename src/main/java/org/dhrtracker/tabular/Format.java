package org.dhrtracker.tabular;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A canonical file format: its columns, and what its rows are in messages ("updates"). Its header
 * row is how a workbook's sheet holding such rows is told from the others.
 */
public record Format(String rows, List<Column> columns) {

    /** Whether a row is this format's header: it names every required column. */
    public boolean isHeader(List<String> cells) {
        Set<String> keys = cells.stream().map(Column::key).collect(Collectors.toSet());
        return columns.stream().filter(Column::required).allMatch(c -> keys.contains(Column.key(c.header())));
    }
}
