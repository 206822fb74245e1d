package org.dhrtracker.intake;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;

import org.springframework.batch.infrastructure.item.ItemReader;

/**
 * The files waiting in the inbox when the step starts: returns, then sign-off files, each in name
 * order. Hidden files are skipped.
 */
public class InboxReader implements ItemReader<Path> {

    private final Iterator<Path> files;

    public InboxReader(Path inbox) {
        try (Stream<Path> list = Files.list(inbox)) {
            List<Path> waiting = list.filter(Files::isRegularFile)
                    .filter(p -> !p.getFileName().toString().startsWith("."))
                    .filter(p -> !p.getFileName().toString().endsWith(".errors.txt"))
                    // Sign-off files after the returns: a decision is checked against the claims the returns make.
                    .sorted(Comparator.comparing((Path p) -> SignOffFile.isSignOff(p)).thenComparing(Comparator.naturalOrder()))
                    .toList();
            this.files = waiting.iterator();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list the inbox " + inbox, e);
        }
    }

    @Override
    public Path read() {
        return files.hasNext() ? files.next() : null;
    }
}
