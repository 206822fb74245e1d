package org.dhrtracker.tabular;

/** The file cannot be read as a table at all: wrong type, corrupt, empty. */
public class UnreadableFileException extends Exception {
    public UnreadableFileException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
