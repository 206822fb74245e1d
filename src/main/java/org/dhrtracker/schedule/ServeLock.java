package org.dhrtracker.schedule;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * HOME/serve.lock, locked by the serve that runs on HOME. The operating system releases the lock
 * when the process ends, however it ends, so a stale file never blocks a restart.
 */
public final class ServeLock implements AutoCloseable {

    public static final String FILE = "serve.lock";

    /** Another serve holds the lock. */
    public static class HeldException extends Exception {
        HeldException(String message) {
            super(message);
        }
    }

    private final FileChannel channel;
    private final FileLock lock;

    private ServeLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    public static ServeLock acquire(Path home) throws IOException, HeldException {
        Files.createDirectories(home);
        Path file = home.resolve(FILE);
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null; // held by this JVM
        }
        if (lock == null) {
            channel.close();
            throw new HeldException("serve is already running on " + home.toAbsolutePath().normalize() + " (" + file.toAbsolutePath().normalize()
                    + " is locked); one serve per HOME");
        }
        return new ServeLock(channel, lock);
    }

    @Override
    public void close() throws IOException {
        lock.release();
        channel.close();
    }
}
