package org.dhrtracker.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.dhrtracker.reconcile.Finding;
import org.springframework.stereotype.Component;

/**
 * findings.csv: the protective marking, then one finding a row, code first, most severe first, so
 * a coordinator can sort and filter it and other tools can read it.
 */
@Component
public class FindingsCsv {

    /** The findings of a whole run, in its output folder. */
    public static final String RUN_FILE = "findings.csv";

    public void write(ReportData data, Path file) throws IOException {
        try (OutputCsv csv = OutputCsv.create(file, data.marking())) {
            csv.record("Code", "Severity", "Review", "Action ref", "Agency", "Finding", "As at");
            for (Finding f : data.assessment().findings()) {
                csv.record(f.code().name(), ReportFormats.severity(f.severity()), f.reviewId(), f.actionRef(), f.agency(),
                        f.message(), data.asAt());
            }
        }
    }

    /** One file of several reviews' findings files: their marking and header once, then all rows. */
    public void combine(List<Path> files, Path target) throws IOException {
        List<String> lines = new ArrayList<>();
        for (Path f : files) {
            List<String> all = Files.readAllLines(f);
            if (lines.isEmpty()) {
                lines.addAll(all.subList(0, Math.min(2, all.size())));
            }
            lines.addAll(all.subList(Math.min(2, all.size()), all.size()));
        }
        Files.write(target, lines);
    }
}
