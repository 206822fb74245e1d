package org.dhrtracker.intake;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.dhrtracker.register.RegisterRepository.ActionKey;
import org.dhrtracker.tabular.CellDates;
import org.dhrtracker.tabular.Column;
import org.dhrtracker.tabular.Header;
import org.dhrtracker.tabular.Problem;
import org.dhrtracker.tabular.RowHandler;
import org.dhrtracker.tabular.TabularReader;
import org.dhrtracker.tabular.UnreadableFileException;

/** An agency return read and checked whole against the register: its rows, or its problems. */
public final class ReturnFile {

    static final Column REVIEW = Column.required("Review");
    static final Column ACTION_REF = Column.required("Action ref");
    static final Column AGENCY = Column.required("Agency");
    static final Column AS_AT = Column.required("As at");
    static final Column STATUS = Column.required("Status");
    static final Column PROGRESS = Column.optional("Progress");
    static final Column EVIDENCE = Column.optional("Evidence");
    static final Column REVISED_TARGET = Column.optional("Revised target date");
    static final Column COMPLETION_DATE = Column.optional("Completion date");
    static final Column REPORTED_BY = Column.optional("Reported by");
    static final List<Column> COLUMNS = List.of(REVIEW, ACTION_REF, AGENCY, AS_AT, STATUS, PROGRESS, EVIDENCE,
            REVISED_TARGET, COMPLETION_DATE, REPORTED_BY);

    private final Path path;
    private final String sha256;
    private final List<ReturnRow> rows = new ArrayList<>();
    private final List<Problem> problems = new ArrayList<>();

    private ReturnFile(Path path, String sha256) {
        this.path = path;
        this.sha256 = sha256;
    }

    /**
     * Reads and checks a return.
     *
     * @param actions the register: review → action ref → action
     * @param today as-at dates after this are refused
     */
    public static ReturnFile read(Path path, Map<String, Map<String, ActionKey>> actions, LocalDate today) throws IOException {
        ReturnFile file = new ReturnFile(path, sha256(path));
        try {
            TabularReader.read(path, file.new RowChecker(actions, today));
        } catch (UnreadableFileException e) {
            file.problems.add(Problem.ofFile(file.name(), e.getMessage()));
        }
        if (file.problems.isEmpty() && file.rows.isEmpty()) {
            file.problems.add(Problem.ofFile(file.name(), "the file has no update rows"));
        }
        return file;
    }

    public Path path() {
        return path;
    }

    public String name() {
        return path.getFileName().toString();
    }

    public String sha256() {
        return sha256;
    }

    public List<ReturnRow> rows() {
        return rows;
    }

    public List<Problem> problems() {
        return problems;
    }

    public boolean isAccepted() {
        return problems.isEmpty();
    }

    private static String sha256(Path path) throws IOException {
        try (InputStream in = Files.newInputStream(path)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[65536];
            for (int n; (n = in.read(buffer)) > 0;) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private final class RowChecker implements RowHandler {
        private final Map<String, Map<String, ActionKey>> actions;
        private final LocalDate today;
        private Header header;

        RowChecker(Map<String, Map<String, ActionKey>> actions, LocalDate today) {
            this.actions = actions;
            this.today = today;
        }

        @Override
        public void row(int row, List<String> cells) {
            if (header == null) {
                header = new Header(name(), row, cells, COLUMNS);
                problems.addAll(header.problems());
                return;
            }
            if (!header.problems().isEmpty()) {
                return;
            }
            int before = problems.size();
            for (Column c : COLUMNS) {
                if (c.required() && header.value(cells, c).isEmpty()) {
                    problem(row, c, "a value is required");
                }
            }
            if (problems.size() > before) {
                return;
            }
            String review = header.value(cells, REVIEW);
            String ref = header.value(cells, ACTION_REF);
            String agency = header.value(cells, AGENCY);
            Map<String, ActionKey> reviewActions = actions.get(review);
            ActionKey action = null;
            if (reviewActions == null) {
                problem(row, REVIEW, "unknown review '" + review + "'");
            } else if ((action = reviewActions.get(ref)) == null) {
                problem(row, ACTION_REF, "unknown action ref '" + ref + "' in review " + review);
            } else if (!action.agency().equals(agency)) {
                problem(row, AGENCY, "action " + ref + " belongs to " + action.agency()
                        + ": an agency may only update its own actions");
            }
            LocalDate asAt = parse(row, AS_AT, () -> CellDates.parse(header.value(cells, AS_AT)).orElseThrow());
            if (asAt != null && asAt.isAfter(today)) {
                problem(row, AS_AT, "as-at date " + asAt + " is in the future");
            }
            ReturnStatus status = parse(row, STATUS, () -> ReturnStatus.fromText(header.value(cells, STATUS)));
            LocalDate revised = parse(row, REVISED_TARGET, () -> CellDates.parse(header.value(cells, REVISED_TARGET)).orElse(null));
            LocalDate completed = parse(row, COMPLETION_DATE, () -> CellDates.parse(header.value(cells, COMPLETION_DATE)).orElse(null));
            if (completed != null && status != null && status != ReturnStatus.COMPLETED) {
                problem(row, COMPLETION_DATE, "a completion date is given but the status is " + status.label());
            }
            if (completed != null && asAt != null && completed.isAfter(asAt)) {
                problem(row, COMPLETION_DATE, "completion date " + completed + " is after the as-at date " + asAt);
            }
            if (problems.size() == before) {
                if (status == ReturnStatus.COMPLETED && completed == null) {
                    completed = asAt;
                }
                rows.add(new ReturnRow(row, action.actionId(), agency, asAt, status, blankToNull(header.value(cells, PROGRESS)),
                        blankToNull(header.value(cells, EVIDENCE)), revised, completed,
                        blankToNull(header.value(cells, REPORTED_BY))));
            }
        }

        private <T> T parse(int row, Column column, Supplier<T> parser) {
            try {
                return parser.get();
            } catch (IllegalArgumentException e) {
                problem(row, column, e.getMessage());
                return null;
            }
        }

        private void problem(int row, Column column, String reason) {
            problems.add(new Problem(name(), row, column.header(), reason));
        }
    }

    private static String blankToNull(String s) {
        return s.isEmpty() ? null : s;
    }
}
