package org.dhrtracker;


import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;


/**
 * dhr-tracker in a JVM of its own, for the crash tests: started with a command line, its output
 * (stdout and stderr) kept line by line and copied to a log file, and killed hard (SIGKILL: no
 * shutdown hook, no database SHUTDOWN). Also what those tests share to read a HOME back.
 */
final class ChildJvm implements AutoCloseable {

    /** Options that make a short-lived JVM start faster (C1 only, serial GC). */
    static final List<String> QUICK_START = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto");

    private final Process process;
    private final List<String> lines = new ArrayList<>();
    private final Thread pump;

    private ChildJvm(Process process, Path log) {
        this.process = process;
        this.pump = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
                    PrintWriter out = new PrintWriter(Files.newBufferedWriter(log, StandardCharsets.UTF_8))) {
                for (String line; (line = in.readLine()) != null;) {
                    synchronized (lines) {
                        lines.add(line);
                    }
                    out.println(line);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, "child-output");
        pump.setDaemon(true);
        pump.start();
    }

    /** Starts {@code dhr-tracker args} with the test's classpath and these JVM options; its output goes to log too. */
    static ChildJvm start(Path log, List<String> jvmOptions, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), DhrTrackerApplication.class.getName()));
        command.addAll(List.of(args));
        Files.createDirectories(log.getParent());
        return new ChildJvm(new ProcessBuilder(command).redirectErrorStream(true).start(), log);
    }

    /** The output so far. */
    List<String> lines() {
        synchronized (lines) {
            return List.copyOf(lines);
        }
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** Waits until the condition holds (true) or the process ends first (false); fails after the timeout. */
    boolean waitUntil(BooleanSupplier condition, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (!process.isAlive()) {
                return condition.getAsBoolean();
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("waited " + timeout + " for the child; its output: " + String.join("\n", lines()));
            }
            Thread.sleep(1);
        }
        return true;
    }

    /** SIGKILL, then waits for the process to be gone. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    /** Waits for the process to end by itself; its exit status. */
    int exitStatus(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            kill();
            throw new AssertionError("the child did not end within " + timeout + "; its output: " + String.join("\n", lines()));
        }
        return process.exitValue();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
        pump.join(10_000);
    }


    /** The regular files of a folder, hidden ones too; 0 when it does not exist. */
    static int fileCount(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return (int) files.filter(Files::isRegularFile).count();
        } catch (IOException e) {
            return 0;
        }
    }

    /** The HSQLDB file database of a HOME no process has open. */
    static Connection open(Path home) throws SQLException {
        return DriverManager.getConnection("jdbc:hsqldb:file:" + home.resolve("db").resolve("dhr") + ";ifexists=true", "SA", "");
    }

    static void shutdown(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("SHUTDOWN");
        }
    }

    /** Every row of a query, each as its columns' text. */
    static List<List<String>> rows(Connection c, String sql) throws SQLException {
        List<List<String>> rows = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            ResultSetMetaData meta = rs.getMetaData();
            while (rs.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    row.add(rs.getString(i));
                }
                rows.add(row);
            }
        }
        return rows;
    }
}
