package org.dhrtracker.register.plan;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.dhrtracker.register.Source;
import org.dhrtracker.register.plan.AgencyDirectory.Agency;
import org.dhrtracker.tabular.Problem;

/**
 * Reads the rows of an action plan in document order and works out what each one is: a title, the
 * header, a section or owning-body heading, a recommendation with its first action, another
 * agency's action of the same recommendation, the continuation of a row split at a page break, a
 * separator. It keeps every row's text and says what it became; {@link PlanDrafts} turns the
 * drafts into the register.
 */
final class PlanInterpreter {

    /** "1. Safer ...", "Recommendation No 3", "Recommendation 3:", "12" alone. */
    private static final Pattern NUMBERED = Pattern.compile(
            "(?is)^\\s*(?:recommendation\\s*(?:no\\.?|number)?\\s*)?(\\d{1,3})(?:\\s*[.):]|\\s+|$)\\s*(.*)$");
    private static final Pattern OVERVIEW = Pattern.compile("(?i)^overview\\b.*\\brecommendations?\\b.*");
    private static final Pattern IMR = Pattern.compile("(?i)^(individual management (review|report)|imr)\\b.*");
    private static final Pattern AGENCY_HEADING = Pattern.compile("(?i)^agency\\s*[:\\-–]\\s*(.+)$");
    private static final Pattern SEPARATOR = Pattern.compile("^[\\s\\-_=–—.]+$");
    /** A tag that opens an action cell: "POLICE:", "Children's Services:". */
    private static final Pattern TAG = Pattern.compile("^([^:\\n]{2,60}):\\s*(.*)$", Pattern.DOTALL);
    /** A bare agency code opening a cell, as "HARMONI All patient contacts ...". */
    private static final Pattern BARE_TAG = Pattern.compile("^([A-Z][A-Z'\\-]{2,})\\s+(.*)$", Pattern.DOTALL);
    private static final Pattern SUB_ITEM_START = Pattern.compile("^\\(?([a-z]|[ivx]{1,4})[.)]\\s*\\S.*", Pattern.DOTALL);

    private final String fileName;
    private final AgencyDirectory agencies;
    private final Map<PlanColumn, List<String>> synonyms;

    private final List<Problem> problems = new ArrayList<>();
    private final List<PlanReportLine> report = new ArrayList<>();
    private final List<DraftRecommendation> recommendations = new ArrayList<>();
    private final Set<String> titleLines = new HashSet<>();
    private final List<String> titles = new ArrayList<>();

    private PlanHeader header;
    private Source section = Source.OVERVIEW;
    private String owningBody;
    private Agency owningAgency;
    /** Under an "ALL AGENCIES" heading: each action belongs to the agency its cell is tagged with. */
    private boolean allAgencies;
    private DraftRecommendation recommendation;
    private DraftAction action;

    PlanInterpreter(String fileName, AgencyDirectory agencies, Map<PlanColumn, List<String>> synonyms) {
        this.fileName = fileName;
        this.agencies = agencies;
        this.synonyms = synonyms;
    }

    /** A recommendation as the plan gives it, with the rows it came from. */
    static final class DraftRecommendation {
        final SourceRow row;
        final Source source;
        final String owningBody;
        final Agency owningAgency;
        final String number;
        final StringBuilder text = new StringBuilder();
        final StringBuilder scope = new StringBuilder();
        final List<DraftAction> actions = new ArrayList<>();

        DraftRecommendation(SourceRow row, Source source, String owningBody, Agency owningAgency, String number) {
            this.row = row;
            this.source = source;
            this.owningBody = owningBody;
            this.owningAgency = owningAgency;
            this.number = number;
        }
    }

    /** One agency's action as the plan gives it: the cells of its row and of the rows continuing it. */
    static final class DraftAction {
        final SourceRow row;
        final Agency taggedAgency;
        final Map<PlanColumn, StringBuilder> cells = new LinkedHashMap<>();
        final PlanReportLine line;

        DraftAction(SourceRow row, Agency taggedAgency, PlanReportLine line) {
            this.row = row;
            this.taggedAgency = taggedAgency;
            this.line = line;
        }

        String get(PlanColumn column) {
            StringBuilder b = cells.get(column);
            return b == null ? "" : b.toString().strip();
        }

        void append(PlanColumn column, String text) {
            if (!text.isBlank()) {
                StringBuilder b = cells.computeIfAbsent(column, c -> new StringBuilder());
                if (!b.isEmpty()) {
                    b.append('\n');
                }
                b.append(text.strip());
            }
        }
    }

    List<DraftRecommendation> recommendations() {
        return recommendations;
    }

    List<Problem> problems() {
        return problems;
    }

    List<PlanReportLine> report() {
        return report;
    }

    PlanHeader header() {
        return header;
    }

    /** The document's own title: its first lines before the table. */
    List<String> titles() {
        return titles;
    }

    void read(List<SourceRow> rows) {
        for (SourceRow row : rows) {
            if (row.isBlank()) {
                continue;
            }
            PlanReportLine line = new PlanReportLine(row);
            report.add(line);
            interpret(row, line);
        }
        if (header == null) {
            problems.add(new Problem(fileName, 1, PlanColumn.RECOMMENDATION.label(),
                    "no header row naming at least the Recommendation and Action columns was found"
                            + " (e.g. Recommendation | Action to take | Target date | Progress)"));
        } else if (recommendations.isEmpty()) {
            problems.add(Problem.ofFile(fileName, "the plan has no numbered recommendations"));
        }
    }

    private void interpret(SourceRow row, PlanReportLine line) {
        List<String> cells = row.cells();
        var asHeader = PlanHeader.of(cells, synonyms);
        if (asHeader.isPresent()) {
            if (header == null) {
                header = asHeader.get();
                line.became("header");
            } else {
                line.became(row.table() > 0 && row.row() == 1 ? "header of table " + row.table() : "header repeated (page break)");
            }
            return;
        }
        List<Integer> filled = filled(cells);
        if (filled.stream().allMatch(i -> SEPARATOR.matcher(cells.get(i)).matches())) {
            line.became("separator");
            return;
        }
        if (filled.size() == 1 && (header == null || filled.get(0) == 0 || row.paragraph())) {
            String text = unbold(cells.get(filled.get(0)));
            if (heading(text, line)) {
                return;
            }
            if (header == null) {
                titleLines.add(PlanHeader.normal(text));
                titles.add(text);
                line.became("title");
                return;
            }
            if (titleLines.contains(PlanHeader.normal(text))) {
                line.became("title repeated (page break)");
                return;
            }
            if (!numbered(header.cell(cells, PlanColumn.RECOMMENDATION)) && isOwningBody(text)) {
                owningBody(text, line);
                return;
            }
        }
        if (header == null) {
            titles.add(String.join(" ", cells).strip());
            line.became("title");
            return;
        }
        dataRow(row, line);
    }

    /** A section or agency heading of layout B. */
    private boolean heading(String text, PlanReportLine line) {
        Matcher agency = AGENCY_HEADING.matcher(text);
        if (agency.matches()) {
            owningBody(agency.group(1).strip(), line);
            return true;
        }
        if (IMR.matcher(text).matches()) {
            section = Source.IMR;
            owningBody = null;
            owningAgency = null;
            allAgencies = false;
            line.became("section: IMR recommendations");
            return true;
        }
        if (OVERVIEW.matcher(text).matches()) {
            section = Source.OVERVIEW;
            owningBody = null;
            owningAgency = null;
            allAgencies = false;
            line.became("section: Overview Report recommendations");
            return true;
        }
        return false;
    }

    /** A lone short line that does not read as the rest of a sentence. */
    private boolean isOwningBody(String text) {
        if (agencies.find(text).isPresent() || text.toLowerCase(Locale.ROOT).startsWith("all agencies")) {
            return true;
        }
        return text.length() <= 120 && !text.contains("\n") && !text.endsWith(".") && Character.isUpperCase(text.charAt(0))
                && !SUB_ITEM_START.matcher(text).matches();
    }

    private void owningBody(String text, PlanReportLine line) {
        owningBody = text;
        owningAgency = agencies.find(text).orElse(null);
        allAgencies = text.toLowerCase(Locale.ROOT).startsWith("all agencies");
        line.became("owning body: " + text);
        if (owningAgency == null && !allAgencies) {
            line.flag("owning body not in the agency list: its actions are given to the agency they name");
        }
        recommendation = null;
        action = null;
    }

    private void dataRow(SourceRow row, PlanReportLine line) {
        List<List<String>> parts = splitAtRules(row.cells());
        if (parts.size() > 1) {
            line.flag("one row holds " + parts.size() + " rows divided by rules: read as " + parts.size() + " rows");
        }
        for (List<String> cells : parts) {
            dataRow(row, cells, line);
        }
    }

    private void dataRow(SourceRow row, List<String> cells, PlanReportLine line) {
        String recText = header.cell(cells, PlanColumn.RECOMMENDATION);
        Matcher numbered = NUMBERED.matcher(recText);
        if (!recText.isEmpty() && numbered.matches()) {
            recommendation = new DraftRecommendation(row, section, owningBody == null ? defaultOwningBody() : owningBody,
                    owningAgency, numbered.group(1));
            recommendation.text.append(numbered.group(2).strip());
            recommendation.scope.append(header.cell(cells, PlanColumn.SCOPE));
            recommendations.add(recommendation);
            line.became((section == Source.IMR ? "IMR " : "") + "recommendation " + numbered.group(1));
            newAction(row, cells, line, tagOf(header.cell(cells, PlanColumn.ACTION)), PlanColumn.ACTION);
            return;
        }
        if (recommendation == null) {
            line.became("not understood");
            problems.add(new Problem(fileName, row.row(), PlanColumn.RECOMMENDATION.label(),
                    "expected a numbered recommendation (\"1. ...\" or \"Recommendation No 1\") before this row"
                            + (row.table() > 0 ? " (table " + row.table() + ")" : "")));
            return;
        }
        if (recText.isEmpty()) {
            // Another agency's action: its tag opens the action cell, or, when a page break split
            // its row, the first cell it has (seed 001, row 79: "NBBC: Management Team minutes").
            for (PlanColumn c : List.of(PlanColumn.ACTION, PlanColumn.EVIDENCE, PlanColumn.LEAD)) {
                String cell = header.cell(cells, c);
                if (cell.isEmpty()) {
                    continue;
                }
                Tag tag = tagOf(cell);
                if (tag != null) {
                    newAction(row, cells, line, tag, c);
                    return;
                }
                break;
            }
        }
        // A row split at a page break: its cells continue the cells of the row above.
        if (!recText.isEmpty()) {
            recommendation.text.append('\n').append(recText);
            line.flag("no recommendation number: taken as the rest of the recommendation above");
        }
        if (action != null) {
            appendCells(action, cells, null, null);
            line.became("continues " + action.row.location());
            if (allAgencies && !header.cell(cells, PlanColumn.ACTION).isEmpty()) {
                line.flag("action text without an agency tag under an all-agencies recommendation:"
                        + " taken as the rest of the action above; check it is not another agency's action");
            }
        } else {
            line.became("continues " + recommendation.row.location());
        }
    }

    /**
     * The rows a row holds. When its action cell is divided by rules, each division is a row of
     * its own; the other cells divide the same way (extra divisions of a cell, such as an update
     * appended later, stay with its last row). Rules elsewhere are only lines.
     */
    private List<List<String>> splitAtRules(List<String> cells) {
        List<List<String>> split = cells.stream().map(c -> List.of(c.split("\\n?" + HtmlCellText.RULE + "\\n?", -1))).toList();
        int actionAt = header.columnIndex(PlanColumn.ACTION);
        int rows = actionAt < split.size() ? split.get(actionAt).size() : 1;
        if (rows == 1) {
            return List.of(cells.stream().map(c -> c.replace(HtmlCellText.RULE, "").replaceAll("\\n{2,}", "\n").strip()).toList());
        }
        List<List<String>> result = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            List<String> row = new ArrayList<>();
            for (List<String> parts : split) {
                if (parts.size() == 1) {
                    row.add(i == 0 ? parts.get(0).strip() : "");
                } else if (i < rows - 1) {
                    row.add(i < parts.size() ? parts.get(i).strip() : "");
                } else {
                    row.add(i < parts.size() ? String.join("\n", parts.subList(i, parts.size())).strip() : "");
                }
            }
            result.add(row);
        }
        return result;
    }

    private void appendCells(DraftAction to, List<String> cells, PlanColumn tagged, Tag tag) {
        for (PlanColumn c : PlanColumn.values()) {
            if (c != PlanColumn.RECOMMENDATION) {
                to.append(c, c == tagged && tag != null ? tag.rest() : header.cell(cells, c));
            }
        }
    }

    /**
     * A new action of the recommendation; or, when the recommendation already has an action of the
     * tagged agency (its row was split at a page break), the rest of that action.
     */
    private void newAction(SourceRow row, List<String> cells, PlanReportLine line, Tag tag, PlanColumn taggedColumn) {
        if (tag != null) {
            for (DraftAction earlier : recommendation.actions) {
                if (earlier.taggedAgency == tag.agency()) {
                    appendCells(earlier, cells, taggedColumn, tag);
                    action = earlier;
                    line.became("recommendation " + recommendation.number + ": the rest of " + tag.agency().code()
                            + "'s action at " + earlier.row.location());
                    return;
                }
            }
            if (recommendation.row != row) {
                line.became("recommendation " + recommendation.number + ", another agency's action");
            }
            if (tag.bare()) {
                line.flag("agency tag without a colon read as " + tag.agency().code());
            }
        }
        action = new DraftAction(row, tag == null ? null : tag.agency(), line);
        appendCells(action, cells, taggedColumn, tag);
        recommendation.actions.add(action);
    }

    private String defaultOwningBody() {
        return section == Source.IMR ? "IMR" : "Overview Report";
    }

    private record Tag(Agency agency, String rest, boolean bare) {
    }

    /** The agency an action cell is tagged with ("POLICE: Review ..."), or null. */
    private Tag tagOf(String cell) {
        Matcher m = TAG.matcher(cell);
        if (m.matches()) {
            var agency = agencies.find(m.group(1).strip());
            if (agency.isPresent()) {
                return new Tag(agency.get(), m.group(2).strip(), false);
            }
        }
        // A bare code ("HARMONI All patient contacts ...") only where actions are per agency: under a
        // board's own recommendation "MARAC processes ..." is text, not a tag.
        Matcher bare = BARE_TAG.matcher(cell);
        if (allAgencies && bare.matches()) {
            var agency = agencies.find(bare.group(1));
            if (agency.isPresent()) {
                return new Tag(agency.get(), bare.group(2).strip(), true);
            }
        }
        return null;
    }

    private static boolean numbered(String recText) {
        return !recText.isEmpty() && NUMBERED.matcher(recText).matches();
    }

    private static List<Integer> filled(List<String> cells) {
        List<Integer> filled = new ArrayList<>();
        for (int i = 0; i < cells.size(); i++) {
            if (!cells.get(i).isBlank()) {
                filled.add(i);
            }
        }
        return filled;
    }

    /** Markdown bold as some exports leave it: "**Warwickshire Police**". */
    private static String unbold(String text) {
        return text.replaceAll("^\\*\\*|\\*\\*$", "").strip();
    }
}
