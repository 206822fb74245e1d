package org.dhrtracker.register.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/** Columns are found by their headers, whatever their order, with configured extra synonyms. */
class PlanHeaderTest {

    private final PlanSynonyms builtIn = new PlanSynonyms(new MockEnvironment());

    @Test
    void layoutAWithItsAsAtDate() {
        List<String> cells = List.of("Recommendation", "Scope of rec i.e. local or regional", "Action to take", "Evidence of Achievement",
                "Target date", "Progress report - Master As at 31 st May 2016");

        PlanHeader header = PlanHeader.of(cells, builtIn.all()).orElseThrow();

        List<String> row = List.of("1. Do it", "Local", "Act", "Proof", "Dec 2014", "COMPLETED");
        assertThat(header.cell(row, PlanColumn.SCOPE)).isEqualTo("Local");
        assertThat(header.cell(row, PlanColumn.EVIDENCE)).isEqualTo("Proof");
        assertThat(header.cell(row, PlanColumn.PROGRESS)).isEqualTo("COMPLETED");
        assertThat(header.asAt()).isEqualTo(LocalDate.of(2016, 5, 31));
    }

    @Test
    void layoutBInAnotherOrder() {
        List<String> cells = List.of("Target date for Completion", "Summary of Action Taken & Date", "Recommendation",
                "Implementation Lead", "Action Required by Agency");

        PlanHeader header = PlanHeader.of(cells, builtIn.all()).orElseThrow();

        List<String> row = List.of("March 2014", "Done", "Recommendation No 1", "DCI", "Train");
        assertThat(header.cell(row, PlanColumn.ACTION)).isEqualTo("Train");
        assertThat(header.cell(row, PlanColumn.LEAD)).isEqualTo("DCI");
        assertThat(header.cell(row, PlanColumn.TARGET_DATE)).isEqualTo("March 2014");
        assertThat(header.has(PlanColumn.AGENCY)).isFalse();
        assertThat(header.asAt()).isNull();
    }

    @Test
    void configuredSynonyms() {
        List<String> cells = List.of("Rec", "What we will do", "When", "Position at 30 June 2015");
        assertThat(PlanHeader.of(cells, builtIn.all())).isEmpty();

        PlanSynonyms configured = new PlanSynonyms(new MockEnvironment()
                .withProperty("dhr.plan.synonyms.action", "What we will do")
                .withProperty("dhr.plan.synonyms.target-date", "When")
                .withProperty("dhr.plan.synonyms.progress", "Position at"));
        PlanHeader header = PlanHeader.of(cells, configured.all()).orElseThrow();

        assertThat(header.cell(List.of("1", "Act", "Soon", "Underway"), PlanColumn.ACTION)).isEqualTo("Act");
        assertThat(header.cell(List.of("1", "Act", "Soon", "Underway"), PlanColumn.PROGRESS)).isEqualTo("Underway");
        assertThat(header.asAt()).isEqualTo(LocalDate.of(2015, 6, 30));
    }

    @Test
    void aRowOfTextIsNotAHeader() {
        assertThat(PlanHeader.of(List.of("1. Recommendation to review the action plan", "Action to take now", "x"), builtIn.all()))
                .isEmpty();
    }
}
