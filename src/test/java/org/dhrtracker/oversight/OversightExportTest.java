package org.dhrtracker.oversight;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.dhrtracker.JobTestSupport;
import org.dhrtracker.intake.IngestReturnsJobConfiguration;
import org.dhrtracker.reconcile.NationalLetters;
import org.dhrtracker.reconcile.ReconcileJobConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.ExitStatus;
import org.springframework.beans.factory.annotation.Autowired;

import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

/**
 * The oversight dataset of the demo DHR1 (register, every demo return, seed 001's national
 * letters) as at 31 May 2016, written by the real jobs and read back: the JSON validates against
 * its published schema, and CSV and JSON say the same.
 */
class OversightExportTest extends JobTestSupport {

    private static final LocalDate AS_AT = LocalDate.of(2016, 5, 31);

    @Autowired
    private OversightExport export;

    @Autowired
    private NationalLetters letters;

    @BeforeEach
    void demoData() throws Exception {
        resetHome();
        assertThat(importRegister(Path.of("data/register/DHR1-register.csv")).getExitStatus()).isEqualTo(ExitStatus.COMPLETED);
        dropDemoReturns("2014-", "2015-", "2016-");
        assertThat(run(IngestReturnsJobConfiguration.JOB, params()).getStatus()).isEqualTo(BatchStatus.COMPLETED);
        assertThat(run(ReconcileJobConfiguration.JOB, params(AS_AT)).getStatus()).isEqualTo(BatchStatus.COMPLETED);
        // 5 to the Home Office, answered; 6 to the CPS, no answer.
        assertThat(letters.record("DHR1", "5", "Home Office", LocalDate.of(2014, 3, 1), LocalDate.of(2014, 9, 1))).isEmpty();
        assertThat(letters.record("DHR1", "6", "Crown Prosecution Service", LocalDate.of(2014, 3, 1), null)).isEmpty();
    }

    @Test
    void theJsonValidatesAgainstItsSchemaAndSaysWhatTheRegisterSays() throws IOException {
        List<Path> files = export.write(null, AS_AT);
        Path json = home.out().resolve("oversight/oversight-2016-05-31.json");
        assertThat(files).containsExactly(home.out().resolve("oversight/oversight-2016-05-31.csv"), json);

        assertThat(schema().validate(Files.readString(json), InputFormat.JSON)).isEmpty();

        String text = Files.readString(json);
        assertThat(text).contains("\"marking\" : \"OFFICIAL-SENSITIVE\"", "\"as_at\" : \"2016-05-31\"");
        Map<String, CSVRecord> csv = csvByNumber(home.out().resolve("oversight/oversight-2016-05-31.csv"));
        assertThat(csv).hasSize(37);
        CSVRecord five = csv.get("5");
        assertThat(List.of(five.get("Recipient"), five.get("Scope"), five.get("Themes"), five.get("Sent on"), five.get("Answered on")))
                .containsExactly("Home Office", "National", "PP-POLICE", "2014-03-01", "2014-09-01");
        assertThat(csv.get("6").get("Recipient")).isEqualTo("Crown Prosecution Service");
        assertThat(csv.get("6").get("Answered on")).isEmpty();
        // A local recommendation is for its owning body; its themes as tagged.
        assertThat(csv.get("16").get("Recipient")).isEqualTo("Warwickshire Police");
        assertThat(csv.get("16").get("Themes")).isEqualTo("PP-POLICE;TL-DASH");
        assertThat(csv.values()).extracting(r -> r.get("Outcome")).allMatch(o -> List.of("Fully implemented", "Partly implemented",
                "Already happening", "Not met", "No information").contains(o));
        // Every recommendation had returns by May 2016: none is without information.
        assertThat(csv.values()).extracting(r -> r.get("Outcome")).doesNotContain("No information");
        assertThat(csv.values()).extracting(r -> Integer.parseInt(r.get("Actions"))).allMatch(n -> n > 0);
        // The JSON has the same 37.
        assertThat(text.split("\"review\" : \"DHR1\"", -1)).hasSize(38);
    }

    @Test
    void theSchemaRejectsWhatItShould() {
        String valid = """
                {"marking": "OFFICIAL-SENSITIVE", "schema": "dhr-oversight/1", "as_at": "2016-05-31", "themes": [],
                 "recommendations": [{"review": "DHR1", "partnership": "NABSCOP", "recommendation": "6", "source": "OVERVIEW",
                   "owning_body": "SWPB", "recipient": null, "scope": "National", "themes": [], "outcome": "%s",
                   "actions": 1, "actions_completed": 0, "latest_due_date": null, "sent_on": "%s", "answered_on": null}]}""";
        assertThat(schema().validate(valid.formatted("Not met", "2014-03-01"), InputFormat.JSON)).isEmpty();
        assertThat(schema().validate(valid.formatted("Done", "2014-03-01"), InputFormat.JSON)).isNotEmpty();
        assertThat(schema().validate(valid.formatted("Not met", "1/3/2014"), InputFormat.JSON)).extracting(e -> e.getInstanceLocation().toString())
                .anyMatch(l -> l.contains("sent_on"));
    }

    private static Schema schema() {
        try (InputStream in = OversightExport.class.getResourceAsStream(OversightExport.SCHEMA)) {
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(in, InputFormat.JSON);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Map<String, CSVRecord> csvByNumber(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file);
        assertThat(lines.get(0)).isEqualTo("OFFICIAL-SENSITIVE");
        try (Reader in = new java.io.StringReader(String.join("\n", lines.subList(1, lines.size())))) {
            return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(in).getRecords().stream()
                    .collect(Collectors.toMap(r -> r.get("Recommendation"), Function.identity()));
        }
    }
}
