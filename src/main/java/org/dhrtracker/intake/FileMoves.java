package org.dhrtracker.intake;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.function.Consumer;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** Moves processed files out of the inbox without ever overwriting an earlier one. */
final class FileMoves {

    private FileMoves() {
    }

    /** Moves now; returns where the file went. */
    static Path moveInto(Path file, Path dir) {
        try {
            Files.createDirectories(dir);
            Path target = freeName(dir, file.getFileName().toString());
            return Files.move(file, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot move " + file.getFileName() + " to " + dir, e);
        }
    }

    /** Moves once the current transaction has committed, so a rolled-back file stays in the inbox. */
    static void moveAfterCommit(Path file, Path dir) {
        moveAfterCommit(file, dir, moved -> {
        });
    }

    /**
     * Moves once the current transaction has committed, then hands the new path on (to write the
     * .errors.txt beside a rejected file): what the database says and where the file is agree
     * however the process ends.
     */
    static void moveAfterCommit(Path file, Path dir, Consumer<Path> then) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            then.accept(moveInto(file, dir));
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                then.accept(moveInto(file, dir));
            }
        });
    }

    static Path freeName(Path dir, String name) {
        Path target = dir.resolve(name);
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        String ext = dot > 0 ? name.substring(dot) : "";
        for (int n = 2; Files.exists(target); n++) {
            target = dir.resolve(stem + "-" + n + ext);
        }
        return target;
    }
}
