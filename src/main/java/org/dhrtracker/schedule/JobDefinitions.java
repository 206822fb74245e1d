package org.dhrtracker.schedule;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.Set;

import org.dhrtracker.report.Distribution;
import org.dhrtracker.report.ReportKind;
import org.dhrtracker.schedule.JobDefinition.AsAtRule;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.scheduling.support.CronExpression;
import org.springframework.stereotype.Component;

/**
 * Reads and checks the job definitions: the *.properties files of the jobs folder ({@code dhr.jobs},
 * default ./jobs), or those packaged in the jar when that folder does not exist.
 */
@Component
public class JobDefinitions {

    private static final Set<String> KEYS = Set.of("job", "cron", "as-at", "reviews", "partnership", "reports", "output", "distribution");
    private static final Set<String> JOBS = Set.of(MonthlyJobConfiguration.JOB);

    private final Path folder;

    public JobDefinitions(@Value("${dhr.jobs:jobs}") Path folder) {
        this.folder = folder;
    }

    /** Every definition; throws {@link IllegalArgumentException} naming file and key for any mistake. */
    public List<JobDefinition> load() throws IOException {
        List<JobDefinition> all = new ArrayList<>();
        if (Files.isDirectory(folder)) {
            try (var files = Files.list(folder)) {
                for (Path p : files.filter(f -> f.toString().endsWith(".properties")).sorted().toList()) {
                    try (InputStream in = Files.newInputStream(p)) {
                        all.add(parse("jobs/" + p.getFileName(), in));
                    }
                }
            }
        } else {
            for (Resource r : new PathMatchingResourcePatternResolver().getResources("classpath*:jobs/*.properties")) {
                try (InputStream in = r.getInputStream()) {
                    all.add(parse("jobs/" + r.getFilename(), in));
                }
            }
        }
        return all;
    }

    public JobDefinition get(String name) throws IOException {
        return load().stream().filter(d -> d.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no job definition jobs/" + name + ".properties"));
    }

    static JobDefinition parse(String file, InputStream in) throws IOException {
        Properties p = new Properties();
        try (Reader r = new java.io.InputStreamReader(in, StandardCharsets.UTF_8)) {
            p.load(r);
        }
        for (String key : p.stringPropertyNames()) {
            if (!KEYS.contains(key)) {
                throw new IllegalArgumentException(file + ": unknown key '" + key + "' (known: " + String.join(", ", KEYS.stream().sorted().toList()) + ")");
            }
        }
        String job = required(file, p, "job");
        if (!JOBS.contains(job)) {
            throw new IllegalArgumentException(file + ": job '" + job + "' does not exist (known: " + String.join(", ", JOBS) + ")");
        }
        String cron = required(file, p, "cron");
        try {
            CronExpression.parse(cron);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": cron '" + cron + "' is not a cron expression: " + e.getMessage());
        }
        String asAtText = required(file, p, "as-at");
        AsAtRule asAt = Arrays.stream(AsAtRule.values()).filter(a -> a.id().equals(asAtText)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(file + ": as-at '" + asAtText + "' must be end-of-previous-month or today"));
        String reviewsText = p.getProperty("reviews", "ALL").strip();
        List<String> reviews = reviewsText.equalsIgnoreCase("ALL") ? List.of()
                : Arrays.stream(reviewsText.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        String partnership = p.getProperty("partnership", "").strip();
        if (!partnership.isEmpty() && !reviews.isEmpty()) {
            throw new IllegalArgumentException(file + ": give reviews or partnership, not both");
        }
        List<ReportKind> reports = new ArrayList<>();
        for (String id : required(file, p, "reports").split(",")) {
            try {
                reports.add(ReportKind.fromId(id));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(file + ": reports: " + e.getMessage());
            }
        }
        String output = p.getProperty("output", "out/{partnership}").strip();
        if (output.contains("..") || Path.of(output).isAbsolute()) {
            throw new IllegalArgumentException(file + ": output must be a folder under HOME, not '" + output + "'");
        }
        List<String> distribution;
        try {
            distribution = Distribution.addresses(p.getProperty("distribution"));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": distribution: " + e.getMessage());
        }
        String name = file.substring(file.lastIndexOf('/') + 1).replaceFirst("\\.properties$", "");
        return new JobDefinition(name, job, cron, asAt, reviews, List.copyOf(reports), output, distribution,
                partnership.isEmpty() ? null : partnership);
    }

    private static String required(String file, Properties p, String key) {
        String v = p.getProperty(key);
        if (v == null || v.isBlank()) {
            throw new IllegalArgumentException(file + ": '" + key + "' is required");
        }
        return v.strip();
    }
}
