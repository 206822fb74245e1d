package org.dhrtracker.intake;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.function.Consumer;

import org.dhrtracker.FaultPoints;
import org.dhrtracker.tabular.SafeText;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** Moves processed files out of the inbox without ever overwriting an earlier one. */
final class FileMoves {

    private FileMoves() {
    }

    /** Moves once the current transaction has committed, so a rolled-back file stays in the inbox. */
    static void moveAfterCommit(Path file, Path dir) {
        moveAfterCommit(file, dir, target -> {
        });
    }

    /**
     * Moves once the current transaction has committed, under a free name in dir; first hands that
     * name to {@code before} (to write the .errors.txt beside a rejected file), so no file is ever out
     * of the inbox without what goes with it. A process killed in between leaves the file in the
     * inbox: the step's record of its last file tells the restart to finish the move
     * ({@link InboxFileWriter}), under the same free name.
     */
    static void moveAfterCommit(Path file, Path dir, Consumer<Path> before) {
        Runnable move = () -> {
            FaultPoints.reach(FaultPoints.COMMITTED);
            Path target = freeName(dir, file.getFileName().toString());
            before.accept(target);
            try {
                Files.move(file, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot move " + SafeText.name(file.getFileName().toString()) + " to " + dir, e);
            }
            FaultPoints.reach(FaultPoints.MOVED);
        };
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            move.run();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                move.run();
            }
        });
    }

    /**
     * Writes the file whole or not at all: into a hidden temporary file beside it, then renamed over
     * it, so a kill leaves either the old content or the new, never half.
     */
    static void writeAtomically(Path file, String content) {
        // One fixed, short temporary name (the file's own may be near the 255-byte limit; one writer at a
        // time): what a kill leaves of it is overwritten by the next write, never left behind.
        Path temp = file.resolveSibling(".writing.tmp");
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(temp, content);
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }

    static Path freeName(Path dir, String name) {
        try {
            // Looked at first: creating a folder that exists costs a failed system call and an exception, for every file moved.
            if (!Files.isDirectory(dir)) {
                Files.createDirectories(dir);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create " + dir, e);
        }
        Path target = dir.resolve(name);
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        String ext = dot > 0 ? name.substring(dot) : "";
        for (int n = 2; Files.exists(target); n++) {
            target = dir.resolve(fitted(stem, "-" + n + ext));
        }
        return target;
    }

    /** stem + suffix, the stem cut by whole code points so the name stays within 255 bytes. */
    private static String fitted(String stem, String suffix) {
        while ((stem + suffix).getBytes(java.nio.charset.StandardCharsets.UTF_8).length > 255 && !stem.isEmpty()) {
            stem = stem.substring(0, stem.offsetByCodePoints(stem.length(), -1));
        }
        return stem + suffix;
    }
}
