package org.dhrtracker.tabular;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Where each column of a format stands in a file's header row, and what is wrong with that header. */
public final class Header {

    private final Map<Column, Integer> positions = new HashMap<>();
    private final List<Problem> problems = new ArrayList<>();
    private final List<String> ignored = new ArrayList<>();

    public Header(String file, int row, List<String> cells, List<Column> columns) {
        Map<String, Column> byKey = new HashMap<>();
        columns.forEach(c -> byKey.put(Column.key(c.header()), c));
        for (int i = 0; i < cells.size(); i++) {
            String cell = cells.get(i);
            Column column = byKey.get(Column.key(cell));
            if (column == null) {
                if (cell != null && !cell.isBlank()) {
                    ignored.add(cell.strip());
                }
            } else if (positions.containsKey(column)) {
                problems.add(new Problem(file, row, column.header(),
                        "column appears twice (positions " + (positions.get(column) + 1) + " and " + (i + 1) + ")"));
            } else {
                positions.put(column, i);
            }
        }
        for (Column c : columns) {
            if (c.required() && !positions.containsKey(c)) {
                problems.add(new Problem(file, row, c.header(), "required column is missing"));
            }
        }
    }

    public List<Problem> problems() {
        return problems;
    }

    /** Header cells that are not columns of the format; they are ignored. */
    public List<String> ignoredColumns() {
        return ignored;
    }

    /** The trimmed value of a column in a row, or "" when the column or cell is absent. */
    public String value(List<String> cells, Column column) {
        Integer i = positions.get(column);
        if (i == null || i >= cells.size() || cells.get(i) == null) {
            return "";
        }
        return cells.get(i).strip();
    }
}
