package org.dhrtracker.intake;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

import org.dhrtracker.register.RegisterRepository.ActionKey;
import org.dhrtracker.tabular.Column;
import org.dhrtracker.tabular.FileDigest;
import org.dhrtracker.tabular.RowChecker;

/** A file of the inbox read and checked whole: an agency return or a sign-off file. */
public abstract sealed class InboxFile extends RowChecker permits ReturnFile, SignOffFile {

    static final Column REVIEW = Column.required("Review");
    static final Column ACTION_REF = Column.required("Action ref");

    private final Path path;
    private final String sha256;

    protected InboxFile(Path path, List<Column> columns) throws IOException {
        super(path.getFileName().toString(), columns);
        this.path = path;
        this.sha256 = FileDigest.sha256(path);
    }

    public Path path() {
        return path;
    }

    /** The content's hash: the same content is applied once. */
    public String sha256() {
        return sha256;
    }

    /**
     * The action a row names, or null after telling the problem.
     *
     * @param actions the register: review → action ref → action
     */
    static ActionKey findAction(Map<String, Map<String, ActionKey>> actions, String review, String ref,
            BiConsumer<Column, String> problems) {
        Map<String, ActionKey> reviewActions = actions.get(review);
        if (reviewActions == null) {
            problems.accept(REVIEW, "unknown review '" + review + "'");
            return null;
        }
        ActionKey action = reviewActions.get(ref);
        if (action == null) {
            problems.accept(ACTION_REF, "unknown action ref '" + ref + "' in review " + review);
        }
        return action;
    }
}
