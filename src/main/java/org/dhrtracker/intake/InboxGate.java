package org.dhrtracker.intake;

import java.nio.file.Path;
import java.util.function.Predicate;

import org.springframework.stereotype.Component;

/**
 * Which inbox files an ingest may read. The command line admits every waiting file (the user
 * says when); serve admits only files that have stopped changing, so a copy in progress is never
 * read half-way.
 */
@Component
public class InboxGate {

    private volatile Predicate<Path> admit = p -> true;

    public boolean admits(Path file) {
        return admit.test(file);
    }

    public void admitOnly(Predicate<Path> predicate) {
        this.admit = predicate;
    }

    public void admitAll() {
        this.admit = p -> true;
    }
}
