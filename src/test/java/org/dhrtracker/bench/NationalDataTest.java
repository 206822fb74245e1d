package org.dhrtracker.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.dhrtracker.register.DueDate;
import org.dhrtracker.register.TargetDates;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The national data generator: deterministic, the counts its shape says, shaped like DHR1's plan and returns. */
class NationalDataTest {

    private static final LocalDate AS_AT = LocalDate.of(2025, 3, 31);

    @TempDir
    Path dir;

    @Test
    void theNationalShapeAtScaleOneHasTheCountryFigures() {
        NationalData.Shape shape = NationalData.Shape.national(1, 1, AS_AT, 1);
        assertThat(shape.reviews()).isEqualTo(2000);
        assertThat(shape.recommendations()).isEqualTo(60_000);
        assertThat(shape.actions()).isEqualTo(150_000);
        assertThat(NationalData.Shape.national(3, 1, AS_AT, 1).actions()).isEqualTo(450_000);
        assertThatThrownBy(() -> new NationalData.Shape(10, 7, 30, 20, 10, 1, AS_AT, 1)).hasMessageContaining("at least 30");
    }

    @Test
    void everyRecommendationHasActionsAndAllAgencyOnesFanOutToEveryAgencyOfThePartnership() {
        NationalData data = new NationalData(new NationalData.Shape(9, 7, 30, 75, 10, 1, AS_AT, 7));
        List<NationalData.GeneratedAction> review = data.review(8);
        assertThat(review).hasSize(75);
        assertThat(review.stream().map(NationalData.GeneratedAction::recommendation).distinct()).hasSize(30);
        assertThat(review.stream().map(NationalData.GeneratedAction::actionRef).distinct()).hasSize(75);
        assertThat(review.get(0).review()).isEqualTo("CSP002-DHR2");
        Map<String, List<NationalData.GeneratedAction>> allAgencies = review.stream().filter(a -> a.owningBody().equals("ALL AGENCIES"))
                .collect(Collectors.groupingBy(NationalData.GeneratedAction::recommendation));
        assertThat(allAgencies).isNotEmpty();
        allAgencies.values().forEach(actions -> {
            assertThat(actions).hasSize(10);
            assertThat(actions.stream().map(NationalData.GeneratedAction::agency).distinct()).hasSize(10);
            assertThat(actions).allMatch(a -> a.actionRef().equals(a.recommendation() + "-" + a.agency().substring(0, a.agency().indexOf('-'))));
        });
        // Parts of one body's recommendation: 2a, 2b...
        assertThat(review).anyMatch(a -> a.actionRef().matches("\\d+[a-z]"));
        // The same review again is the same.
        assertThat(data.review(8)).isEqualTo(review);
    }

    @Test
    void theSameSeedWritesTheSameFilesAndAnotherSeedOthers() throws IOException {
        NationalData.Shape shape = new NationalData.Shape(10, 7, 30, 75, 10, 2, AS_AT, 42);
        List<Path> first = write(new NationalData(shape), dir.resolve("a"));
        List<Path> second = write(new NationalData(shape), dir.resolve("b"));
        assertThat(first).hasSameSizeAs(second);
        for (int i = 0; i < first.size(); i++) {
            assertThat(Files.readAllBytes(first.get(i))).as(first.get(i).toString()).isEqualTo(Files.readAllBytes(second.get(i)));
        }
        List<Path> other = write(new NationalData(new NationalData.Shape(10, 7, 30, 75, 10, 2, AS_AT, 43)), dir.resolve("c"));
        assertThat(Files.readAllBytes(other.get(0))).isNotEqualTo(Files.readAllBytes(first.get(0)));
    }

    @Test
    void registersHoldEveryActionAndEachMonthsReturnsAnUpdateOfEveryActionFromItsOwnAgency() throws IOException {
        NationalData data = new NationalData(new NationalData.Shape(10, 7, 30, 75, 10, 2, AS_AT, 3));
        List<CSVRecord> register = records(data.writeRegisters(Files.createDirectories(dir.resolve("register"))));
        assertThat(register).hasSize(750);
        Map<String, String> owner = register.stream().collect(Collectors.toMap(r -> r.get("Review") + " " + r.get("Action ref"),
                r -> r.get("Agency")));
        assertThat(owner).hasSize(750);
        for (LocalDate month : data.shape().returnDates()) {
            List<Path> files = data.writeReturns(Files.createDirectories(dir.resolve(month.toString())), month);
            assertThat(files).hasSize(2 * 10);
            List<CSVRecord> updates = records(files);
            assertThat(updates).hasSize(750);
            assertThat(updates).allSatisfy(u -> {
                assertThat(u.get("Agency")).isEqualTo(owner.get(u.get("Review") + " " + u.get("Action ref")));
                assertThat(u.get("As at")).isEqualTo(month.toString());
                assertThat(u.get("Status")).isIn("Not started", "In progress", "Completed");
            });
            Set<String> statuses = new HashSet<>();
            updates.forEach(u -> statuses.add(u.get("Status")));
            assertThat(statuses).contains("In progress", "Completed");
        }
        assertThat(data.shape().returnDates()).containsExactly(LocalDate.of(2025, 2, 28), AS_AT);
    }

    @Test
    void textsHaveTheLengthsOfTheRealPlanAndTargetDatesAreWrittenAsPlansWriteThem() throws IOException {
        NationalData data = new NationalData(new NationalData.Shape(40, 7, 30, 75, 10, 1, AS_AT, 11));
        List<CSVRecord> register = records(data.writeRegisters(Files.createDirectories(dir.resolve("register"))));
        // DHR1 (data/register): recommendation text 545 characters on average, action 169, evidence of achievement 99.
        assertThat(mean(register, "Recommendation text")).isBetween(400.0, 700.0);
        assertThat(mean(register, "Action")).isBetween(120.0, 230.0);
        assertThat(mean(register, "Evidence of achievement")).isBetween(60.0, 140.0);
        assertThat(register).anyMatch(r -> r.get("Recommendation text").contains("\na. "));
        List<String> targets = register.stream().map(r -> r.get("Target date")).toList();
        assertThat(targets).contains("Ongoing", "TBC", "Within 3 months", "Significant holiday dates");
        assertThat(targets).anyMatch(t -> t.matches("\\d{1,2} st [A-Z][a-z]+ \\d{4}"));
        assertThat(targets).anyMatch(t -> t.startsWith("a) Completed b)Completed c)"));
        // Most give a due date, some are flagged to check, none is guessed.
        Function<String, DueDate> due = TargetDates::derive;
        long dated = targets.stream().filter(t -> due.apply(t).date() != null).count();
        assertThat(dated).isGreaterThan(targets.size() / 2).isLessThan(targets.size());
        List<CSVRecord> updates = records(data.writeReturns(Files.createDirectories(dir.resolve("returns")), AS_AT));
        // DHR1's returns: progress 124 characters on average.
        assertThat(mean(updates, "Progress")).isBetween(90.0, 160.0);
    }

    private static List<Path> write(NationalData data, Path dir) throws IOException {
        List<Path> files = new ArrayList<>(data.writeRegisters(Files.createDirectories(dir)));
        for (LocalDate month : data.shape().returnDates()) {
            files.addAll(data.writeReturns(dir, month));
        }
        return files;
    }

    private static List<CSVRecord> records(List<Path> files) throws IOException {
        List<CSVRecord> records = new ArrayList<>();
        for (Path f : files) {
            try (Reader in = Files.newBufferedReader(f)) {
                records.addAll(CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(in).getRecords());
            }
        }
        return records;
    }

    private static double mean(List<CSVRecord> records, String column) {
        return records.stream().mapToInt(r -> r.get(column).length()).average().orElse(0);
    }
}
