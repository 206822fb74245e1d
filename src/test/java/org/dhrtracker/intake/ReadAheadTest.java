package org.dhrtracker.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.dhrtracker.register.RegisterRepository.ActionKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Returns read ahead on a second thread, then checked against the register on the step's. */
class ReadAheadTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 4);
    private static final Map<String, Map<String, ActionKey>> REGISTER = Map.of("DHR1",
            Map.of("1", new ActionKey(11, "POLICE"), "2", new ActionKey(12, "CCG")));
    private static final String HEADER = "Review,Action ref,Agency,As at,Status,Progress,Evidence,Revised target date,Completion date,Reported by\n";

    private final Set<String> readOn = ConcurrentHashMap.newKeySet();
    private final AtomicInteger reads = new AtomicInteger();

    private ReadAhead.Read reading() {
        return path -> {
            readOn.add(Thread.currentThread().getName());
            reads.incrementAndGet();
            return ReturnFile.readAhead(path, TODAY);
        };
    }

    private static List<Path> returns(Path inbox, int count) throws IOException {
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            files.add(Files.writeString(inbox.resolve("r" + (100 + i) + ".csv"),
                    HEADER + "DHR1,1,POLICE,30/11/2026,In progress,Step " + i + ",,,,\n"));
        }
        return files;
    }

    @Test
    void returnsAreReadOnAnotherThreadAndCheckedAgainstTheRegisterAfter(@TempDir Path inbox) throws Exception {
        List<Path> files = returns(inbox, 7);
        try (ReadAhead ahead = new ReadAhead(files, 3, reading())) {
            for (int i = 0; i < files.size(); i++) {
                ReturnFile file = (ReturnFile) ahead.take(files.get(i));
                assertThat(file.path()).isEqualTo(files.get(i));
                // Read and hashed, its rows held for the register.
                assertThat(file.sha256()).hasSize(64);
                assertThat(file.rows()).isEmpty();
                file.checkAgainst(REGISTER);
                assertThat(file.isAccepted()).isTrue();
                assertThat(file.rows()).singleElement().satisfies(r -> {
                    assertThat(r.actionId()).isEqualTo(11);
                    assertThat(r.progress()).isEqualTo("Step " + (files.indexOf(file.path())));
                });
                // Never more than the window read beyond the file taken.
                assertThat(reads.get()).isLessThanOrEqualTo(Math.min(files.size(), i + 1 + 3));
            }
        }
        assertThat(readOn).containsExactly("inbox-read-ahead");
        assertThat(reads.get()).isEqualTo(7);
    }

    @Test
    void theRegisterChecksComeAfterTheReadingAsIfReadInOnePass(@TempDir Path inbox) throws Exception {
        Path file = Files.writeString(inbox.resolve("mixed.csv"), HEADER
                + "DHR1,1,POLICE,30/11/2026,In progress,,,,,\n"
                + "DHR1,2,POLICE,30/11/2026,In progress,,,,,\n"
                + "DHR1,9,POLICE,31/11/2026,Almost,,,,,\n"
                + "DHR1,1,POLICE,30/11/2026,In progress,bad \u0007 text,,,,\n");
        ReturnFile whole = ReturnFile.read(file, REGISTER, TODAY);
        ReturnFile ahead;
        try (ReadAhead reader = new ReadAhead(List.of(file), 2, reading())) {
            ahead = ((ReturnFile) reader.take(file)).checkAgainst(REGISTER);
        }
        assertThat(whole.problems()).hasSize(5);
        assertThat(ahead.problems()).containsExactlyElementsOf(whole.problems());
        assertThat(ahead.refused()).containsExactlyElementsOf(whole.refused());
        assertThat(ahead.refused()).extracting(ReturnFile.RefusedUpdate::code).containsExactly("NOT_OWN_ACTION", "UNKNOWN_ACTION");
    }

    @Test
    void aFileTakenOutOfTurnIsNotReadAheadAndThoseBeforeItAreDropped(@TempDir Path inbox) throws Exception {
        List<Path> files = returns(inbox, 5);
        try (ReadAhead ahead = new ReadAhead(files, 2, reading())) {
            assertThat(ahead.take(files.get(2))).extracting(InboxFile::path).isEqualTo(files.get(2));
            assertThat(ahead.take(files.get(0))).isNull();
            assertThat(ahead.take(inbox.resolve("not-listed.csv"))).isNull();
        }
    }

    @Test
    void whatStopsTheReadingReachesTheStepAsItsOwn(@TempDir Path inbox) throws Exception {
        List<Path> files = returns(inbox, 2);
        ReadAhead.Read failing = path -> {
            throw new IOException("disk gone: " + path.getFileName());
        };
        try (ReadAhead ahead = new ReadAhead(files, 2, failing)) {
            assertThatThrownBy(() -> ahead.take(files.get(0))).isInstanceOf(IOException.class).hasMessage("disk gone: r100.csv");
        }
    }
}
