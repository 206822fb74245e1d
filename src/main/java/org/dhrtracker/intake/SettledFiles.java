package org.dhrtracker.intake;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Decides which inbox files are completely written: a file is settled once its size and
 * modification time have stayed the same for at least the settle time, seen by polls at least
 * that far apart. No file system event says "the copy is finished", so unchanged-for-a-while is
 * the test; a file that changes again starts over.
 */
public class SettledFiles {

    /** What a poll saw of a file. */
    public record State(long size, Instant modified) {
    }

    private record Seen(State state, Instant since) {
    }

    private final Duration settle;
    private final Map<Path, Seen> seen = new ConcurrentHashMap<>();

    public SettledFiles(Duration settle) {
        this.settle = settle;
    }

    public Duration settle() {
        return settle;
    }

    /** Records what a poll at {@code now} saw and returns the files that have settled, in name order. */
    public Set<Path> observe(Map<Path, State> poll, Instant now) {
        seen.keySet().retainAll(poll.keySet());
        Set<Path> settled = new TreeSet<>();
        poll.forEach((file, state) -> {
            Seen before = seen.get(file);
            if (before == null || !before.state().equals(state)) {
                seen.put(file, new Seen(state, now));
            } else if (!before.since().plus(settle).isAfter(now)) {
                settled.add(file);
            }
        });
        return settled;
    }

    /** Whether the file is settled and still exactly as it was seen then (a copy started again is not). */
    public boolean isSettled(Path file, Instant now) {
        Seen s = seen.get(file);
        if (s == null || s.since().plus(settle).isAfter(now)) {
            return false;
        }
        State current = stateOf(file);
        return s.state().equals(current);
    }

    /** The waiting files of the inbox (see {@link InboxReader#isWaiting}) and their size and modification time. */
    public static Map<Path, State> scan(Path inbox) {
        Map<Path, State> states = new HashMap<>();
        try (Stream<Path> list = Files.list(inbox)) {
            for (Path file : list.filter(InboxReader::isWaiting).toList()) {
                State state = stateOf(file);
                if (state != null) {
                    states.put(file, state);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list the inbox " + inbox, e);
        }
        return states;
    }

    /** Null when the file is gone or is not a regular file. */
    private static State stateOf(Path file) {
        try {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
            return a.isRegularFile() ? new State(a.size(), a.lastModifiedTime().toInstant()) : null;
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
