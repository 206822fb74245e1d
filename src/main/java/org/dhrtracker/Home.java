package org.dhrtracker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** The working folder of an installation: database, inbox/, archive/, rejected/ and out/. */
@Component
public class Home {

    private final Path root;

    public Home(@Value("${dhr.home}") Path root) {
        this.root = root.toAbsolutePath().normalize();
        for (Path dir : new Path[] {inbox(), archive(), rejected(), out()}) {
            try {
                Files.createDirectories(dir);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot create " + dir, e);
            }
        }
    }

    public Path root() {
        return root;
    }

    /** Where agency returns are dropped. */
    public Path inbox() {
        return root.resolve("inbox");
    }

    /** Accepted returns, moved here once applied. */
    public Path archive() {
        return root.resolve("archive");
    }

    /** Rejected returns, each with a sibling .errors.txt. */
    public Path rejected() {
        return root.resolve("rejected");
    }

    /** Reports. */
    public Path out() {
        return root.resolve("out");
    }
}
