package org.dhrtracker.tabular;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Where each column of a format stands in a file's header row, and what is wrong with that header. */
public final class Header {

    private final Map<Column, Integer> positions = new HashMap<>();
    private final List<Problem> problems = new ArrayList<>();
    private final List<String> cells;
    private final List<String> unrecognised = new ArrayList<>();
    private final int row;

    public Header(String file, int row, List<String> cells, List<Column> columns) {
        this.row = row;
        this.cells = cells;
        Map<String, Column> byKey = new HashMap<>();
        columns.forEach(c -> byKey.put(Column.key(c.header()), c));
        for (int i = 0; i < cells.size(); i++) {
            String cell = cells.get(i);
            Column column = byKey.get(Column.key(cell));
            if (column == null) {
                if (cell != null && !cell.isBlank()) {
                    unrecognised.add(cell.strip());
                }
            } else if (positions.containsKey(column)) {
                problems.add(new Problem(file, row, column.header(),
                        "column appears twice (positions " + (positions.get(column) + 1) + " and " + (i + 1) + ")"));
            } else {
                positions.put(column, i);
            }
        }
        List<String> nonBlank = cells.stream().filter(c -> c != null && !c.isBlank()).toList();
        if (positions.isEmpty() && nonBlank.size() == 1 && nonBlank.get(0).matches("(?s).*[;\t|].*")) {
            // Every header in one cell: the file was saved with another separator (a European Excel writes ';').
            char separator = nonBlank.get(0).chars().filter(ch -> ch == ';' || ch == '\t' || ch == '|').mapToObj(ch -> (char) ch)
                    .findFirst().orElseThrow();
            problems.add(new Problem(file, row, null, "the whole header is in one cell, separated by "
                    + SafeText.quote(String.valueOf(separator)) + " instead of commas: save the file as CSV UTF-8 (comma delimited)"));
            return;
        }
        for (Column c : columns) {
            if (c.required() && !positions.containsKey(c)) {
                List<String> similar = unrecognised.stream().filter(h -> isSimilar(Column.key(c.header()), Column.key(h)))
                        .limit(3).map(SafeText::quote).toList();
                problems.add(new Problem(file, row, c.header(), "required column is missing"
                        + (similar.isEmpty() ? "" : " (found " + String.join(", ", similar) + ")")));
            }
        }
    }

    public List<Problem> problems() {
        return problems;
    }

    /** Header cells that are not columns of the format, as a log may show them; they are ignored. */
    public List<String> ignoredColumns() {
        return unrecognised.stream().map(SafeText::name).collect(Collectors.toList());
    }

    /** The spreadsheet row of the header. */
    public int row() {
        return row;
    }

    /** The trimmed value of a column in a row, or "" when the column or cell is absent. */
    public String value(List<String> cells, Column column) {
        return raw(cells, column).strip();
    }

    /** The value of a column in a row as it is in the file, or "". */
    public String raw(List<String> cells, Column column) {
        Integer i = positions.get(column);
        if (i == null || i >= cells.size() || cells.get(i) == null) {
            return "";
        }
        return cells.get(i);
    }

    /** A column (0 = first) as messages name it: the format's name for it, else its header, else its letter. */
    public String columnName(int index) {
        for (Map.Entry<Column, Integer> e : positions.entrySet()) {
            if (e.getValue() == index) {
                return e.getKey().header();
            }
        }
        String cell = index < cells.size() ? cells.get(index) : null;
        return cell == null || cell.isBlank() ? TabularReader.columnLetter(index) : SafeText.name(cell.strip());
    }

    /** A header cell that is probably the column under another name: "Action Reference" for "Action ref". */
    private static boolean isSimilar(String column, String cell) {
        return !cell.isEmpty() && (cell.contains(column) || cell.length() >= 3 && column.contains(cell) || distance(column, cell) <= 2);
    }

    /** Levenshtein distance: "Statsu" is one swap from "Status". */
    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitute = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitute, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] t = previous;
            previous = current;
            current = t;
        }
        return previous[b.length()];
    }
}
