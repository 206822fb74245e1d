package org.dhrtracker.register.plan;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.dhrtracker.register.RegisterFile;
import org.dhrtracker.register.Review;
import org.dhrtracker.tabular.Problem;
import org.dhrtracker.tabular.TabularReader;
import org.dhrtracker.tabular.UnreadableFileException;

/**
 * An action plan document read whole and understood: the register entries it gives, the progress
 * it reports, what became of each source row, and every problem. Nothing is written here; a plan
 * with problems is rejected whole.
 */
public final class PlanImport {

    /** What the caller knows of the review: the plan document itself rarely names its partnership. */
    public record ReviewInfo(String reviewId, String partnership, String partnershipName, String title) {
    }

    private final String fileName;
    private final List<Problem> problems = new ArrayList<>();
    private List<RegisterFile.Entry> entries = List.of();
    private List<PlanUpdate> updates = List.of();
    private List<PlanReportLine> report = List.of();
    private LocalDate asAt;

    private PlanImport(String fileName) {
        this.fileName = fileName;
    }

    /**
     * @param review the review; a null partnership or title is taken from the document when it can be
     * @param asAt the as-at date of the plan's progress column, or null to use the date the plan states
     */
    public static PlanImport read(Path file, ReviewInfo review, LocalDate asAt, AgencyDirectory agencies,
            Map<PlanColumn, List<String>> synonyms) throws IOException {
        PlanImport result = new PlanImport(file.getFileName().toString());
        List<SourceRow> rows;
        try {
            rows = PlanDocuments.read(file);
        } catch (UnreadableFileException e) {
            result.problems.add(e.problem(result.fileName, TabularReader::columnLetter));
            return result;
        }
        PlanInterpreter interpreter = new PlanInterpreter(result.fileName, agencies, synonyms);
        interpreter.read(rows);
        result.problems.addAll(interpreter.problems());
        result.report = interpreter.report();
        if (!result.problems.isEmpty()) {
            return result;
        }
        result.asAt = asAt != null ? asAt : interpreter.header().asAt();
        String title = review.title() != null ? review.title()
                : interpreter.titles().isEmpty() ? review.reviewId() : interpreter.titles().get(0);
        if (review.partnership() == null) {
            result.problems.add(Problem.ofFile(result.fileName,
                    "review " + review.reviewId() + " is new: say which partnership it belongs to with --partnership"));
            return result;
        }
        Review r = new Review(review.reviewId(), review.partnership(), review.partnershipName(), title);
        PlanDrafts drafts = new PlanDrafts(result.fileName, r, result.asAt, agencies, result.problems);
        interpreter.recommendations().forEach(drafts::add);
        result.entries = drafts.entries();
        result.updates = drafts.updates();
        return result;
    }

    public String fileName() {
        return fileName;
    }

    public boolean isAccepted() {
        return problems.isEmpty();
    }

    public List<Problem> problems() {
        return problems;
    }

    public List<RegisterFile.Entry> entries() {
        return entries;
    }

    public List<PlanUpdate> updates() {
        return updates;
    }

    public List<PlanReportLine> report() {
        return report;
    }

    /** The as-at date of the progress the plan reports. */
    public LocalDate asAt() {
        return asAt;
    }
}
