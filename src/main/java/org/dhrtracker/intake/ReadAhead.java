package org.dhrtracker.intake;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Reads the inbox's returns a few files ahead of the step, on a second thread: each return is hashed,
 * decoded and parsed and its cells checked there, while the step's thread checks the returns before it
 * against the register and writes them. The second thread never touches the database: the register's
 * keys are read by the step's thread, which holds the connection (an earlier read-ahead that read them
 * too met the inserts in HSQLDB's cache, and gained nothing). Files are taken in the order they were
 * listed; any other file is read by the step's thread, as before.
 */
final class ReadAhead implements AutoCloseable {

    /** What the second thread does with a file: anything but reading the database. */
    @FunctionalInterface
    interface Read {
        InboxFile apply(Path path) throws IOException;
    }

    private record Pending(Path path, Future<InboxFile> file) {
    }

    private final Iterator<Path> upcoming;
    private final int window;
    private final Read read;
    private final ArrayDeque<Pending> ahead = new ArrayDeque<>();
    private ExecutorService thread;

    /**
     * @param files the files to read, in the order the step takes them
     * @param window how many files may be read ahead: each is held in memory until the step takes it
     */
    ReadAhead(List<Path> files, int window, Read read) {
        this.upcoming = List.copyOf(files).iterator();
        this.window = window;
        this.read = read;
    }

    /**
     * The file as read ahead, waiting for it if need be; null when it was not read ahead (not listed,
     * or taken out of turn), for the caller to read itself.
     */
    InboxFile take(Path path) throws IOException {
        fill();
        // Files listed before this one and never taken are dropped: the step does not come back to them.
        while (!ahead.isEmpty() && !ahead.peek().path().equals(path)) {
            ahead.poll().file().cancel(true);
            fill();
        }
        Pending next = ahead.poll();
        if (next == null) {
            return null;
        }
        fill();
        try {
            return next.file().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while reading " + path.getFileName());
        } catch (ExecutionException e) {
            // As if the step's thread had read the file itself.
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            } else if (cause instanceof RuntimeException r) {
                throw r;
            } else if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(cause);
        }
    }

    private void fill() {
        while (ahead.size() < window && upcoming.hasNext()) {
            if (thread == null) {
                thread = Executors.newSingleThreadExecutor(r -> {
                    Thread t = new Thread(r, "inbox-read-ahead");
                    // Never keeps the process alive: a file read ahead and not taken is read again next run.
                    t.setDaemon(true);
                    return t;
                });
            }
            Path path = upcoming.next();
            ahead.add(new Pending(path, thread.submit(() -> read.apply(path))));
        }
    }

    /** Stops reading ahead: files read and not taken are dropped (they are still in the inbox). */
    @Override
    public void close() {
        ahead.forEach(p -> p.file().cancel(true));
        ahead.clear();
        if (thread != null) {
            thread.shutdownNow();
            try {
                // The step ends with its reading: a file read now is read to no purpose.
                thread.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
