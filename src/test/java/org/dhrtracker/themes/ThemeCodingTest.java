package org.dhrtracker.themes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.dhrtracker.JobTestSupport;
import org.dhrtracker.themes.ThemeCoding.Coded;
import org.dhrtracker.themes.ThemeCoding.Matrix;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.ExitStatus;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * DHR1's 37 recommendations (seed 000) coded by the product's taxonomy, against a reading of each
 * recommendation by hand (src/test/resources/themes/dhr1-hand-reading.csv, written from the text
 * and not from the tagger), and the coordinator's corrections on a real register.
 */
class ThemeCodingTest extends JobTestSupport {

    private static final Path DEMO_REGISTER = Path.of("data/register/DHR1-register.csv");
    private static final Path HAND_READING = Path.of("src/test/resources/themes/dhr1-hand-reading.csv");

    @Autowired
    private ThemeCoding coding;

    @Autowired
    private ThemeRepository repository;

    @BeforeEach
    void demoRegister() throws Exception {
        resetHome();
        Files.deleteIfExists(home.root().resolve("themes/taxonomy.csv"));
        assertThat(importRegister(DEMO_REGISTER).getExitStatus()).isEqualTo(ExitStatus.COMPLETED);
    }

    @Test
    void theRulesGiveEveryRecommendationOfDhr1TheThemesReadByHand() throws IOException {
        Map<String, List<String>> byHand = handReading();
        assertThat(byHand).hasSize(37);

        Map<String, List<String>> byRules = new LinkedHashMap<>();
        coding.code("DHR1").forEach(c -> byRules.put(c.recommendation().number(), c.themes()));

        assertThat(byRules).isEqualTo(byHand);
    }

    @Test
    void aSampleOfTagsPinned() {
        Map<String, List<String>> tags = new LinkedHashMap<>();
        coding.code("DHR1").forEach(c -> tags.put(c.recommendation().number(), c.themes()));
        // Police bail is not the police's response: 2 is about DASH, MARAC and serial abusers.
        assertThat(tags.get("2")).containsExactly("PP-MARAC", "PP-PREVIOUS", "TL-TOOLS", "TL-DASH");
        assertThat(tags.get("5")).containsExactly("PP-POLICE");
        assertThat(tags.get("16")).containsExactly("PP-POLICE", "TL-DASH");
        assertThat(tags.get("19")).containsExactly("CI-FAMILIES");
        // "general practice-based" and "primary care", never the letters GP.
        assertThat(tags.get("30")).containsExactly("HI-GP");
        assertThat(tags.get("32")).containsExactly("HI-GP", "SY-PARTNERSHIP", "SY-STAFFING");
        // "health inequalities" is not equality: 35 is untagged.
        assertThat(tags.get("35")).isEmpty();
    }

    @Test
    void theMatrixCountsRecommendationsAndListsTheUntagged() {
        Matrix m = coding.matrix(null);
        assertThat(m.reviews()).containsExactly("DHR1");
        assertThat(m.count("PP-MARAC", "DHR1")).isEqualTo(7);
        assertThat(m.count("HI-GP", "DHR1")).isEqualTo(6);
        assertThat(m.count("HI-NEW-MOTHERS", "DHR1")).isZero();
        assertThat(m.untagged()).extracting(c -> c.recommendation().number())
                .containsExactly("6", "20", "22", "25", "28", "33", "35");
    }

    @Test
    void aCorrectionOutlivesReimportingTheRegister() throws Exception {
        assertThat(coding.correct("DHR1", "6", List.of("PP-POLICE"), List.of())).isEmpty();
        assertThat(coding.correct("DHR1", "24", List.of(), List.of("SY-STAFFING"))).isEmpty();
        assertThat(importRegister(DEMO_REGISTER).getExitStatus()).isEqualTo(ExitStatus.COMPLETED);

        Map<String, Coded> coded = new LinkedHashMap<>();
        coding.code("DHR1").forEach(c -> coded.put(c.recommendation().number(), c));
        assertThat(coded.get("6").themes()).containsExactly("PP-POLICE");
        assertThat(coded.get("6").byRules()).isEmpty();
        assertThat(coded.get("24").themes()).isEmpty();
        assertThat(coding.matrix("DHR1").untagged()).extracting(c -> c.recommendation().number()).contains("24").doesNotContain("6");
        // and so for the partnership's report and the country's coding, which read the corrections their own way
        String partnership = coded.get("6").recommendation().partnership();
        List<Coded> ofPartnership = coding.partnership(partnership, java.time.LocalDate.of(2030, 1, 1), ThemeCoding.ALL_DATES).coded();
        List<Coded> ofCountry = coding.code(null);
        for (List<Coded> list : List.of(ofPartnership, ofCountry)) {
            Map<String, Coded> dhr1 = new LinkedHashMap<>();
            list.stream().filter(c -> c.recommendation().reviewId().equals("DHR1")).forEach(c -> dhr1.put(c.recommendation().number(), c));
            assertThat(dhr1.get("6").themes()).containsExactly("PP-POLICE");
            assertThat(dhr1.get("24").themes()).isEmpty();
        }
    }

    @Test
    void aWrongCorrectionIsRefusedWhole() {
        List<String> refusals = coding.correct("DHR1", "99", List.of("PP-POLICE", "NO-SUCH"), List.of("PP-POLICE"));
        assertThat(refusals).containsExactly("no theme NO-SUCH in the taxonomy", "PP-POLICE is both added and removed",
                "review DHR1 has no recommendation 99");
        assertThat(coding.correct("DHR1", "1", List.of("NO-SUCH"), List.of())).hasSize(1);
        assertThat(count("SELECT COUNT(*) FROM theme_override")).isZero();
    }

    @Test
    void aTaxonomyInHomeReplacesTheProductsOwn() throws IOException {
        Files.createDirectories(home.root().resolve("themes"));
        Files.writeString(home.root().resolve("themes/taxonomy.csv"), """
                Area,Code,Theme,Terms
                Health,HEALTH,Health,hospital*; NHS
                """);
        try {
            assertThat(coding.code("DHR1")).filteredOn(c -> !c.themes().isEmpty()).extracting(c -> c.recommendation().number())
                    .containsExactly("20", "21", "22", "23", "24", "32", "33");
        } finally {
            Files.delete(home.root().resolve("themes/taxonomy.csv"));
        }
    }

    @Test
    void theRulesTagsAreStoredUnderTheTaxonomysFingerprintAndUsedWhileItHolds() {
        String fingerprint = coding.taxonomy().fingerprint();
        assertThat(fingerprint).matches("[0-9a-f]{64}");
        assertThat(count("SELECT COUNT(*) FROM recommendation WHERE rules_taxonomy IS NOT NULL")).as("stored by the import").isZero();
        Map<String, List<String>> byRules = new LinkedHashMap<>();
        coding.code("DHR1").forEach(c -> byRules.put(c.recommendation().number(), c.byRules()));
        assertThat(count("SELECT COUNT(*) FROM recommendation WHERE rules_taxonomy IS NOT NULL")).as("stored by a report's coding").isZero();

        // a batch of 10 at a time, as the code-themes step does: 37, then none left
        int coded = 0;
        for (int batch; (batch = coding.codeAndStore(10)) > 0;) {
            assertThat(batch).isLessThanOrEqualTo(10);
            coded += batch;
        }
        assertThat(coded).isEqualTo(37);

        assertThat(stored("DHR1")).isEqualTo(byRules.entrySet().stream()
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, e -> String.join(",", e.getValue()) + " " + fingerprint)));
        // what is stored is what is used: a tag planted under the same fingerprint comes back, in every coding
        db.update("UPDATE recommendation SET rules_themes = 'HI-GP' WHERE review_id = 'DHR1' AND number = '5'");
        Map<String, List<String>> again = new LinkedHashMap<>();
        coding.code("DHR1").forEach(c -> again.put(c.recommendation().number(), c.byRules()));
        assertThat(again.get("5")).containsExactly("HI-GP");
        assertThat(again).hasSize(37);
        String partnership = coding.code("DHR1").get(0).recommendation().partnership();
        assertThat(coding.partnership(partnership, java.time.LocalDate.of(2030, 1, 1), ThemeCoding.ALL_DATES).coded())
                .filteredOn(c -> c.recommendation().number().equals("5")).singleElement()
                .satisfies(c -> assertThat(c.themes()).containsExactly("HI-GP"));
        assertThat(coding.codeAndStore(10)).as("none left to code").isZero();
        // under another fingerprint it is not: coded as needed, and stored again by the step
        db.update("UPDATE recommendation SET rules_taxonomy = ? WHERE review_id = 'DHR1' AND number = '5'", "0".repeat(64));
        assertThat(coding.code("DHR1")).filteredOn(c -> c.recommendation().number().equals("5")).singleElement()
                .satisfies(c -> assertThat(c.byRules()).containsExactly("PP-POLICE"));
        assertThat(coding.codeAndStore(10)).isOne();
        assertThat(stored("DHR1").get("5")).isEqualTo("PP-POLICE " + fingerprint);
    }

    @Test
    void anotherTaxonomyOrANewTextIsCodedAgain() throws Exception {
        coding.codeAndStore(1000);
        String own = coding.taxonomy().fingerprint();
        Files.createDirectories(home.root().resolve("themes"));
        Files.writeString(home.root().resolve("themes/taxonomy.csv"), """
                Area,Code,Theme,Terms
                Health,HEALTH,Health,hospital*; NHS
                """);
        try {
            String health = coding.taxonomy().fingerprint();
            assertThat(health).isNotEqualTo(own);
            assertThat(coding.codeAndStore(1000)).isEqualTo(37);
            Map<String, String> stored = stored("DHR1");
            assertThat(stored.values()).allMatch(v -> v.endsWith(" " + health));
            assertThat(stored.get("20")).isEqualTo("HEALTH " + health);
            assertThat(stored.get("5")).isEqualTo(" " + health);
        } finally {
            Files.delete(home.root().resolve("themes/taxonomy.csv"));
        }
        assertThat(coding.codeAndStore(1000)).isEqualTo(37);
        assertThat(stored("DHR1").get("5")).isEqualTo("PP-POLICE " + own);

        // the register again with recommendation 35's text changed: its stored tags are cleared, the others' kept
        Path changed = home.root().resolve("DHR1-register.csv");
        String register = Files.readString(DEMO_REGISTER);
        assertThat(register).contains("addressing health inequalities.");
        Files.writeString(changed, register.replace("addressing health inequalities.", "addressing health inequalities and the police response."));
        assertThat(importRegister(changed).getExitStatus()).isEqualTo(ExitStatus.COMPLETED);
        assertThat(count("SELECT COUNT(*) FROM recommendation WHERE rules_taxonomy IS NULL")).isOne();
        assertThat(count("SELECT COUNT(*) FROM recommendation WHERE rules_taxonomy IS NULL AND number = '35'")).isOne();
        assertThat(coding.code("DHR1")).filteredOn(c -> c.recommendation().number().equals("35")).singleElement()
                .satisfies(c -> assertThat(c.byRules()).containsExactly("PP-POLICE"));
        assertThat(coding.codeAndStore(1000)).isOne();
        assertThat(stored("DHR1").get("35")).isEqualTo("PP-POLICE " + own);
    }

    @Test
    void tagsCodedFromATextSinceReplacedAreNotStored() {
        coding.codeAndStore(1000);
        ThemeRepository.RecommendationText five = coding.code("DHR1").stream().map(Coded::recommendation)
                .filter(r -> r.number().equals("5")).findFirst().orElseThrow();
        String coded = "PP-POLICE " + coding.taxonomy().fingerprint();
        assertThat(stored("DHR1").get("5")).isEqualTo(coded);

        repository.storeThemes(List.of(new ThemeRepository.ToCode(five.id(), "An earlier text")), List.of(List.of("HI-GP")), "1".repeat(64));
        assertThat(stored("DHR1").get("5")).isEqualTo(coded);

        repository.storeThemes(List.of(new ThemeRepository.ToCode(five.id(), five.text())), List.of(List.of("TL-DASH")), "1".repeat(64));
        assertThat(stored("DHR1").get("5")).isEqualTo("TL-DASH " + "1".repeat(64));
    }

    @Test
    void theReportJobCodesFirstInAStepOfItsOwn() throws Exception {
        org.springframework.batch.core.job.JobExecution run = run(org.dhrtracker.report.ReportJobConfiguration.JOB,
                params(java.time.LocalDate.of(2014, 6, 30)).addString(org.dhrtracker.BatchConfiguration.REVIEW, "DHR1")
                        .addString(org.dhrtracker.report.ReportJobConfiguration.REPORTS, "partnership-report"));

        assertThat(run.getExitStatus().getExitCode()).isEqualTo(ExitStatus.COMPLETED.getExitCode());
        assertThat(run.getStepExecutions()).extracting(org.springframework.batch.core.step.StepExecution::getStepName)
                .startsWith(CodeThemesStepConfiguration.STEP, "report");
        assertThat(stepContextWrites(run)).isEqualTo(37);
        assertThat(count("SELECT COUNT(*) FROM recommendation WHERE rules_taxonomy = ?", coding.taxonomy().fingerprint())).isEqualTo(37);
    }

    private static long stepContextWrites(org.springframework.batch.core.job.JobExecution run) {
        return run.getStepExecutions().stream().filter(s -> s.getStepName().equals(CodeThemesStepConfiguration.STEP)).findFirst()
                .orElseThrow().getWriteCount();
    }

    /** Each recommendation of the review by number: its stored tags, a space, and the fingerprint they were coded under. */
    private Map<String, String> stored(String review) {
        Map<String, String> stored = new java.util.TreeMap<>();
        db.query("SELECT number, rules_themes, rules_taxonomy FROM recommendation WHERE review_id = ?",
                rs -> {
                    stored.put(rs.getString(1), rs.getString(2) + " " + rs.getString(3));
                }, review);
        return stored;
    }

    private static Map<String, List<String>> handReading() throws IOException {
        Map<String, List<String>> byHand = new LinkedHashMap<>();
        try (Reader in = Files.newBufferedReader(HAND_READING)) {
            for (CSVRecord r : CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
                String themes = r.get("Themes").strip();
                byHand.put(r.get("Recommendation"), themes.isEmpty() ? List.of() : Arrays.asList(themes.split(" ")));
            }
        }
        return byHand;
    }
}
