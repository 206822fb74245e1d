package org.dhrtracker.intake;

import java.nio.file.Path;
import java.util.List;

import org.dhrtracker.tabular.Problem;

/** A file of the inbox read and checked whole: an agency return or a sign-off file. */
public sealed interface InboxFile permits ReturnFile, SignOffFile {

    Path path();

    String fileName();

    String sha256();

    List<Problem> problems();

    boolean isAccepted();
}
