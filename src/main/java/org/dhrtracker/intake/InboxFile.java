package org.dhrtracker.intake;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.BiConsumer;

import org.dhrtracker.register.RegisterRepository.ActionKey;
import org.dhrtracker.tabular.Column;
import org.dhrtracker.tabular.FileDigest;
import org.dhrtracker.tabular.Format;
import org.dhrtracker.tabular.Problem;
import org.dhrtracker.tabular.RowChecker;
import org.dhrtracker.tabular.SafeText;

/** A file of the inbox read and checked whole: an agency return or a sign-off file. */
public abstract sealed class InboxFile extends RowChecker permits ReturnFile, SignOffFile {

    // At most what the database's columns hold.
    static final Column REVIEW = Column.required("Review").atMost(40);
    static final Column ACTION_REF = Column.required("Action ref").atMost(40);

    private final Path path;
    private final String sha256;

    /**
     * @param read whether the file is to be read (its content hashed); a file refused unread is not
     */
    protected InboxFile(Path path, Format format, boolean read) throws IOException {
        super(SafeText.name(path.getFileName().toString()), format);
        this.path = path;
        this.sha256 = read ? FileDigest.sha256(path) : null;
    }

    /**
     * A file of the inbox refused without being opened, such as a symbolic link (which might point
     * anywhere, /etc/passwd included): rejected like an unreadable file.
     */
    static InboxFile refusedUnread(Path path, String reason) throws IOException {
        InboxFile file = ReturnFile.unread(path);
        file.problems().add(Problem.ofFile(file.fileName(), reason));
        return file;
    }

    /**
     * Where the error report of a rejected file goes: beside it, named after it with .errors.txt,
     * its name cut short if need be to stay within the 255 bytes a file name may have.
     */
    public static Path errorsReport(Path rejected) {
        String name = rejected.getFileName().toString();
        String suffix = ".errors.txt";
        while ((name + suffix).getBytes(java.nio.charset.StandardCharsets.UTF_8).length > 255) {
            name = name.substring(0, name.offsetByCodePoints(name.length(), -1));
            suffix = "….errors.txt";
        }
        return rejected.resolveSibling(name + suffix);
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
            problems.accept(REVIEW, "unknown review " + SafeText.quote(review));
            return null;
        }
        ActionKey action = reviewActions.get(ref);
        if (action == null) {
            problems.accept(ACTION_REF, "unknown action ref " + SafeText.quote(ref) + " in review " + review);
        }
        return action;
    }
}
