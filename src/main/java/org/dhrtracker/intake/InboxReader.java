package org.dhrtracker.intake;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.springframework.batch.infrastructure.item.ItemReader;

/**
 * The files waiting in the inbox when the step starts: returns, then sign-off files, each in name
 * order. Hidden, temporary and partial files are skipped, and so is any file the gate does not
 * admit (serve admits only files that have settled).
 */
public class InboxReader implements ItemReader<Path> {

    private final List<Path> listed;
    private final Iterator<Path> files;
    private final Map<Path, Boolean> signOff = new HashMap<>();

    public InboxReader(Path inbox, Predicate<Path> admit) {
        try (Stream<Path> list = Files.list(inbox)) {
            List<Path> named = list.filter(InboxReader::isWaiting).filter(admit).toList();
            // Told on both cores: a file's kind takes a look at its header, and a national month brings thousands.
            // A symbolic link is taken (to be refused unread), never followed.
            Map<Path, Boolean> told = named.parallelStream()
                    .filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS) || Files.isSymbolicLink(p))
                    .collect(Collectors.toMap(p -> p, SignOffFile::isSignOff));
            List<Path> waiting = named.stream().filter(told::containsKey).toList();
            signOff.putAll(told);
            // Sign-off files after the returns: a decision is checked against the claims the returns make.
            this.listed = waiting.stream().sorted(Comparator.comparing((Path p) -> signOff.get(p)).thenComparing(Comparator.naturalOrder()))
                    .toList();
            this.files = listed.iterator();
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

    /** Whether the file is a sign-off file, as told when the step listed it (its header is not read again). */
    public boolean isSignOff(Path file) {
        return signOff.computeIfAbsent(file, SignOffFile::isSignOff);
    }

    /** The returns listed (not the sign-off files), in the order {@link #read} gives them. */
    public List<Path> returns() {
        return listed.stream().filter(p -> !signOff.get(p)).toList();
    }

    @Override
    public Path read() {
        return files.hasNext() ? files.next() : null;
    }
}
