package org.dhrtracker.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.dhrtracker.reconcile.Finding;
import org.dhrtracker.report.ReportData.ActionLine;
import org.springframework.stereotype.Component;

/**
 * The chase list of each agency: its open actions, what is missing for each (the findings on it),
 * and its rejected completion claims with the reason. One file per agency, so each agency is sent
 * only its own actions: &lt;review&gt;-&lt;agency&gt;-chase-&lt;as-at&gt;.csv in a chase/ folder.
 */
@Component
public class ChaseLists {

    /** Writes the lists into the folder and returns their paths, one per agency with open actions. */
    public List<Path> write(ReportData data, Path dir) throws IOException {
        Files.createDirectories(dir);
        Function<ActionLine, String> needed = whatIsNeeded(data);
        List<Path> written = new ArrayList<>();
        for (Map.Entry<String, List<ActionLine>> agency : data.openActionsByAgency().entrySet()) {
            Path file = dir.resolve(data.reviewId() + "-" + ReportService.safe(agency.getKey()) + "-chase-"
                    + data.asAt() + ".csv");
            try (OutputCsv csv = OutputCsv.create(file, data.marking())) {
                csv.record("Review", "Action ref", "Recommendation", "Action", "Target date (as written)", "Due date", "Status",
                        "Last return as at", "What is needed");
                for (ActionLine a : agency.getValue()) {
                    csv.record(data.reviewId(), a.actionRef(), a.recommendationNo(), a.action(), a.targetDateAsWritten(), a.dueDate(),
                            a.status().label(), a.lastReturnAsAt(), needed.apply(a));
                }
            }
            written.add(file);
        }
        return written;
    }

    /**
     * What is needed from the agency on an open action: the findings on it (no return, overdue,
     * evidence missing, a rejected claim and why), else a return as at the report's date.
     */
    static Function<ActionLine, String> whatIsNeeded(ReportData data) {
        Map<String, List<Finding>> findingsByAction = data.assessment().findings().stream().filter(f -> f.actionRef() != null)
                .collect(Collectors.groupingBy(Finding::actionRef, LinkedHashMap::new, Collectors.toList()));
        return a -> {
            String needed = findingsByAction.getOrDefault(a.actionRef(), List.of()).stream().map(Finding::message)
                    .collect(Collectors.joining("\n"));
            return needed.isEmpty() ? "A return as at " + ReportFormats.longDate(data.asAt()) : needed;
        };
    }
}
