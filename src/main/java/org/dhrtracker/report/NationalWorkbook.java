package org.dhrtracker.report;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.dhrtracker.reconcile.ActionStatus;
import org.dhrtracker.reconcile.FindingCode.Severity;
import org.dhrtracker.report.ReportData.ActionLine;
import org.dhrtracker.report.Sheets.Column;
import org.dhrtracker.report.Sheets.Styles;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The national workbook: every review of a run as at a date, for oversight across partnerships.
 * Sheet Reviews has a row per review (actions by status, recommendations complete, readiness for
 * board sign-off and findings by severity, the figures of the partnership report); sheet Actions a
 * row per action of every review, with its status. Laid out like the master workbook (marking in row
 * 1, headers in row 2, frozen, filtered) and streamed (SXSSF): the reviews are taken one at a time
 * and the rows go to disk as they are written, so a national run's 150,000 actions never sit in
 * memory together.
 */
@Component
public class NationalWorkbook {

    static final String REVIEWS = "Reviews";
    static final String ACTIONS = "Actions";

    /** Rows kept in memory per sheet before SXSSF flushes them to its temporary file. */
    private static final int WINDOW = 100;

    /** One action with the review it belongs to. */
    record Line(ReportData review, ActionLine action) {
    }

    /** One review's figures. */
    record ReviewLine(String partnership, String partnershipName, String review, String title, ReportSummary.Counts counts,
            int recommendations, int complete, boolean ready, java.util.Map<Severity, Integer> findings) {

        static ReviewLine of(ReportData d) {
            return new ReviewLine(d.partnership(), d.partnershipName(), d.reviewId(), d.reviewTitle(), ReportSummary.of(d).total(),
                    d.assessment().recommendations().size(), d.assessment().completeRecommendations(), d.assessment().readyForSignOff(),
                    d.assessment().findingsBySeverity());
        }
    }

    static final List<Column<Line>> ACTION_COLUMNS = List.of(
            Column.of("Partnership", 12, l -> l.review().partnership()),
            Column.of("Review", 16, l -> l.review().reviewId()),
            Column.of("Recommendation no.", 16, l -> l.action().recommendationNo()),
            Column.of("Owning body", 28, l -> l.action().owningBody()),
            Column.of("Scope", 12, l -> l.action().scope()),
            Column.of("Action ref", 14, l -> l.action().actionRef()),
            Column.of("Agency", 16, l -> l.action().agency()),
            Column.of("Agency name", 28, l -> l.action().agencyName()),
            Column.wrapped("Action", 60, l -> l.action().action()),
            Column.of("Target date (as written)", 22, l -> l.action().targetDateAsWritten()),
            Column.of("Due date", 12, l -> l.action().dueDate()),
            Column.of("Status", 18, l -> l.action().status().label()),
            Column.of("RAG", 8, l -> l.action().status().rag().word()),
            Column.of("Last return as at", 14, l -> l.action().lastReturnAsAt()),
            Column.of("Last reported status", 18, l -> l.action().lastReportedStatus()),
            Column.of("Completion date", 14, l -> l.action().completionDate()),
            Column.of("Sign-off", 30, l -> l.action().signOff()));

    static final List<Column<ReviewLine>> REVIEW_COLUMNS = reviewColumns();

    private static List<Column<ReviewLine>> reviewColumns() {
        List<Column<ReviewLine>> columns = new ArrayList<>(List.of(
                Column.of("Partnership", 12, ReviewLine::partnership),
                Column.of("Partnership name", 34, ReviewLine::partnershipName),
                Column.of("Review", 16, ReviewLine::review),
                Column.of("Review title", 40, ReviewLine::title),
                Column.of("Actions", 10, r -> r.counts().total())));
        for (ActionStatus s : ActionStatus.values()) {
            columns.add(Column.of(s.label() + " (" + s.rag().word() + ")", 14, r -> r.counts().count(s)));
        }
        columns.add(Column.of("Recommendations", 16, ReviewLine::recommendations));
        columns.add(Column.of("Recommendations complete", 16, ReviewLine::complete));
        columns.add(Column.of("Ready for board sign-off", 14, r -> r.ready() ? "Yes" : "No"));
        for (Severity s : Severity.values()) {
            columns.add(Column.of("Findings: " + ReportFormats.severity(s), 12, r -> r.findings().get(s)));
        }
        return List.copyOf(columns);
    }

    private final String marking;

    public NationalWorkbook(@Value("${dhr.marking}") String marking) {
        this.marking = marking;
    }

    /**
     * Writes the workbook of the reviews, taken one at a time as the iterable gives them.
     *
     * @return how many actions it lists
     */
    public long write(Iterable<ReportData> reviews, LocalDate asAt, Path file) throws IOException {
        List<ReviewLine> reviewLines = new ArrayList<>();
        long actions = 0;
        try (SXSSFWorkbook wb = new StreamedWorkbook(WINDOW); OutputStream out = Files.newOutputStream(file)) {
            Sheets.properties(wb.getXSSFWorkbook(), "Domestic Homicide Reviews: action plans as at " + ReportFormats.longDate(asAt),
                    marking);
            Styles styles = new Styles(wb);
            // Reviews first among the tabs, written last: its rows are gathered while the actions stream past.
            Sheet reviewSheet = wb.createSheet(REVIEWS);
            Sheet actionSheet = wb.createSheet(ACTIONS);
            Iterator<Line> lines = lines(reviews.iterator(), reviewLines);
            // A sheet holds 1,048,576 rows: ten times the country's actions go on to sheets Actions 2, 3...
            for (int n = 1; n == 1 || lines.hasNext(); n++) {
                Sheet sheet = n == 1 ? actionSheet : wb.createSheet(ACTIONS + " " + n);
                int[] written = {0};
                Sheets.writeSheet(sheet, marking, ACTION_COLUMNS, () -> limited(lines, rowsPerSheet, written), styles);
                Sheets.ragTint(sheet, 1, 1 + written[0], column("RAG"), column("Status"), column("RAG"));
                actions += written[0];
            }
            Sheets.writeSheet(reviewSheet, marking, REVIEW_COLUMNS, reviewLines, styles);
            wb.write(out);
        }
        return actions;
    }

    /**
     * The actions of the reviews, each with its review, taken one review at a time; each review's
     * figures are gathered into {@code reviewLines} as it is taken (reviews without actions too).
     */
    static Iterator<Line> lines(Iterator<ReportData> reviews, List<ReviewLine> reviewLines) {
        return new Iterator<>() {
            private ReportData review;
            private Iterator<ActionLine> actions = Collections.emptyIterator();

            @Override
            public boolean hasNext() {
                while (!actions.hasNext() && reviews.hasNext()) {
                    review = reviews.next();
                    reviewLines.add(ReviewLine.of(review));
                    actions = review.actions().iterator();
                }
                return actions.hasNext();
            }

            @Override
            public Line next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return new Line(review, actions.next());
            }
        };
    }

    /** Data rows of a sheet: all but the marking and the header. Not final: a test lowers it. */
    static int rowsPerSheet = org.apache.poi.ss.SpreadsheetVersion.EXCEL2007.getMaxRows() - 2;

    /** The next items of the iterator, at most {@code max}, counted in {@code taken[0]}. */
    static <T> Iterator<T> limited(Iterator<T> items, int max, int[] taken) {
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return taken[0] < max && items.hasNext();
            }

            @Override
            public T next() {
                taken[0]++;
                return items.next();
            }
        };
    }

    private static int column(String header) {
        return ACTION_COLUMNS.stream().map(Column::header).toList().indexOf(header);
    }
}
