package org.dhrtracker.tabular;

import java.util.List;

/** Receives the non-blank rows of a file in order, each with its spreadsheet row number. */
@FunctionalInterface
public interface RowHandler {
    void row(int number, List<String> cells);
}
