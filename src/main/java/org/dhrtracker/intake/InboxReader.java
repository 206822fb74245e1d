package org.dhrtracker.intake;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Stream;

import org.springframework.batch.infrastructure.item.ItemReader;

/**
 * The files waiting in the inbox when the step starts: returns, then sign-off files, each in name
 * order. Hidden, temporary and partial files are skipped, and so is any file the gate does not
 * admit (serve admits only files that have settled).
 */
public class InboxReader implements ItemReader<Path> {

    private final Iterator<Path> files;

    public InboxReader(Path inbox, Predicate<Path> admit) {
        try (Stream<Path> list = Files.list(inbox)) {
            // Sign-off files after the returns: a decision is checked against the claims the returns make.
            // Each file's header is read once, not at every comparison of the sort.
            List<Path> waiting = list.filter(Files::isRegularFile)
                    .filter(InboxReader::isWaiting)
                    .filter(admit)
                    .map(p -> Map.entry(p, SignOffFile.isSignOff(p)))
                    .sorted(Map.Entry.<Path, Boolean>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                    .map(Map.Entry::getKey)
                    .toList();
            this.files = waiting.iterator();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list the inbox " + inbox, e);
        }
    }

    /**
     * Whether a file of the inbox is one to ingest: not hidden (.*), not an Office lock file (~$*),
     * not a copy in progress under a temporary name (*.part, *.tmp, *.crdownload), not an error report.
     */
    public static boolean isWaiting(Path file) {
        String name = file.getFileName().toString();
        String lower = name.toLowerCase(java.util.Locale.ROOT);
        return !name.startsWith(".") && !name.startsWith("~$") && !lower.endsWith(".part") && !lower.endsWith(".tmp")
                && !lower.endsWith(".crdownload") && !lower.endsWith(".errors.txt");
    }

    @Override
    public Path read() {
        return files.hasNext() ? files.next() : null;
    }
}
