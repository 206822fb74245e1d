package org.dhrtracker;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * The demo data of data/ (packaged in the jar under demo/): the DHR1 register and the agency
 * returns built from the real action plan. Used when monthly finds an empty register.
 */
@Component
public class DemoData {

    private final Home home;

    public DemoData(Home home) {
        this.home = home;
    }

    /** Copies the demo register files out of the jar into HOME/demo/ and returns their paths. */
    public List<Path> registerFiles() throws IOException {
        return copy("classpath*:demo/register/*.csv", home.root().resolve("demo"));
    }

    /** Copies the demo returns into the inbox, where ingest will find them. */
    public List<Path> dropReturnsInInbox() throws IOException {
        return copy("classpath*:demo/returns/*.csv", home.inbox());
    }

    private static List<Path> copy(String pattern, Path dir) throws IOException {
        Files.createDirectories(dir);
        Resource[] resources = new PathMatchingResourcePatternResolver().getResources(pattern);
        Arrays.sort(resources, Comparator.comparing(Resource::getFilename));
        List<Path> copied = new ArrayList<>();
        for (Resource r : resources) {
            Path target = dir.resolve(r.getFilename());
            try (InputStream in = r.getInputStream()) {
                Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
            }
            copied.add(target);
        }
        return copied;
    }
}
