package org.dhrtracker.register.plan;

import java.util.ArrayList;
import java.util.List;

/** One row of the import report: a source row, what it became, and what the coordinator should check. */
public final class PlanReportLine {

    private final SourceRow row;
    private final List<String> became = new ArrayList<>();
    private final List<String> flags = new ArrayList<>();

    PlanReportLine(SourceRow row) {
        this.row = row;
    }

    void became(String what) {
        if (!became.contains(what)) {
            became.add(what);
        }
    }

    void flag(String what) {
        flags.add(what);
    }

    public String location() {
        return row.location();
    }

    public String became() {
        return String.join("; ", became);
    }

    public List<String> flags() {
        return flags;
    }
}
