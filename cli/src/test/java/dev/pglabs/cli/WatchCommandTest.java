package dev.pglabs.cli;

import dev.pglabs.course.Course;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@code pglabs watch} as a student runs it, in a separate process on a temporary copy of the course: in a real
 * pseudo-terminal (util-linux {@code script}) it clears and redraws on each save and shows "✓ exercise 01 passed" when
 * the saved answer turns green; writing to a pipe it draws under dated dividers, without a single escape code. The
 * tests wait for output to appear (with a generous bound for a busy machine), never for a fixed time.
 */
class WatchCommandTest {

    /** Far above what a busy machine needs to start a JVM and PostgreSQL and grade lab 01 twice. */
    private static final Duration BOUND = Duration.ofMinutes(5);
    private static final String CLEAR = "\u001b[H\u001b[2J";
    private static final String FIRST_FRAME = "Watching labs/01-sql-basics";
    private static final Pattern DATA_FOLDER = Pattern.compile(
            "embedded\\s+PostgreSQL\\s+on\\s+port\\s+\\d+\\s+\\(data\\s+in\\s+([^\\s)]+)\\)");
    private static final Pattern DIVIDER = Pattern.compile("──────── \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2} ────────");

    @TempDir
    Path tmp;

    private Path home;
    private Process process;

    /** A copy of the course with lab 01's starters: the repository's labs/ and solutions/ are only read. */
    @BeforeEach
    void copyCourse() throws IOException {
        Course course = Course.locate();
        home = tmp.resolve("course");
        Files.createDirectories(home.resolve("labs"));
        Files.copy(course.home().resolve(Course.MANIFEST), home.resolve(Course.MANIFEST));
        GradeClassCommandTest.copy(course.home().resolve("datasets"), home.resolve("datasets"));
        GradeClassCommandTest.copy(course.labsDir().resolve("01-sql-basics"), home.resolve("labs/01-sql-basics"));
    }

    @AfterEach
    void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            // SIGTERM to the watch JVM (and script): its shutdown hooks stop the embedded server.
            process.descendants().forEach(ProcessHandle::destroy);
            process.destroy();
            process.waitFor(1, TimeUnit.MINUTES);
        }
    }

    @Test
    @DisplayName("in a terminal: the screen is cleared and redrawn on a save, '✓ exercise 01 passed', lines wrapped")
    void inATerminal() throws Exception {
        assumeTrue(File.separatorChar == '/' && onPath("script"), "util-linux script provides the pseudo-terminal");
        String command = "stty cols 60 rows 40 && exec " + String.join(" ", watchCommand().stream().map(a ->
                "'" + a.replace("'", "'\\''") + "'").toList());
        ProcessBuilder pb = new ProcessBuilder("script", "-qfec", command, "/dev/null").redirectErrorStream(true);
        pb.environment().put("TERM", "xterm-256color");
        pb.environment().remove("NO_COLOR");
        process = pb.start();
        Output output = Output.of(process.getInputStream());

        String first = output.await(o -> o.contains(FIRST_FRAME));
        assertThat(plain(first)).contains("0/10 exercises", "Exercise 01", "01-all-tags.sql has no answer");
        assertThat(first).contains(CLEAR);
        solve("01-all-tags.sql");
        String all = output.await(o -> o.contains("exercise 01 passed") && o.lastIndexOf(FIRST_FRAME)
                > o.indexOf("exercise 01 passed"));

        String last = all.substring(all.lastIndexOf(CLEAR));
        assertThat(plain(last)).contains("1/10 exercises", "✓ exercise 01 passed", "Exercise 02",
                "02-users-in-lisbon.sql has no answer").doesNotContain("Exercise 01");
        assertThat(last).contains("\u001b[32m✓ exercise 01 passed\u001b[0m");
        // Each line fits the 60 columns: the long feedback was wrapped between words, not by the terminal.
        assertThat(plain(all).split("\r?\n")).allSatisfy(line ->
                assertThat(line.codePointCount(0, line.length())).as(line).isLessThanOrEqualTo(60));
        assertThat(plain(last)).contains("      01-sql-basics/02-users-in-lisbon.sql has no answer\r\n"
                + "      yet:");

        // Ctrl-C, as the student ends it: watch ends, and so does the embedded server it started (pg_ctl starts it
        // outside watch's process tree; its data folder names its process). A server watch did not start (one from
        // 'pglabs db start', or DATABASE_URL) is not watch's to stop.
        Optional<ProcessHandle> server = DATA_FOLDER.matcher(plain(first)).results().findFirst()
                .map(m -> Path.of(m.group(1), "postmaster.pid")).filter(Files::isRegularFile)
                .flatMap(pid -> ProcessHandle.of(Long.parseLong(firstLine(pid))));
        process.getOutputStream().write(3);
        process.getOutputStream().flush();
        assertThat(process.waitFor(BOUND.toSeconds(), TimeUnit.SECONDS)).as("watch ended on Ctrl-C").isTrue();
        if (server.isPresent()) {
            assertThat(server.get().onExit().completeOnTimeout(null, BOUND.toSeconds(), TimeUnit.SECONDS).get())
                    .as("the embedded server stopped after Ctrl-C").isNotNull();
        }
    }

    @Test
    @DisplayName("writing to a pipe: a dated divider before each drawing and no escape code at all")
    void inAPipe() throws Exception {
        ProcessBuilder pb = new ProcessBuilder(watchCommand()).redirectErrorStream(true);
        pb.environment().put("TERM", "xterm-256color");
        pb.environment().remove("NO_COLOR");
        process = pb.start();
        process.getOutputStream().close();
        Output output = Output.of(process.getInputStream());

        output.await(o -> o.contains(FIRST_FRAME));
        solve("01-all-tags.sql");
        String all = output.await(o -> o.contains("exercise 01 passed") && o.lastIndexOf(FIRST_FRAME)
                > o.indexOf("exercise 01 passed"));

        assertThat(DIVIDER.matcher(all).results().count()).isGreaterThanOrEqualTo(2);
        assertThat(all).contains("✓ exercise 01 passed", "1/10 exercises").doesNotContain("\u001b");
    }

    @Test
    @DisplayName("a Java lab, ended by SIGTERM: the kept worker and compiled classes leave no folder behind")
    void javaLabLeavesNothing() throws Exception {
        GradeClassCommandTest.copy(Course.locate().labsDir().resolve(JAVA_LAB), home.resolve("labs").resolve(JAVA_LAB));
        Path scratch = Files.createDirectories(tmp.resolve("scratch"));
        Output output = watchJavaLab(scratch);
        output.await(o -> o.contains("Watching labs/" + JAVA_LAB));
        // Kept between saves: the worker started ahead for the next grading, and the compiled classes.
        assertThat(pglabsEntries(scratch)).as("what watch keeps between saves, in %s", scratch)
                .anyMatch(name -> name.startsWith("pglabs-worker-")).anyMatch(name -> name.startsWith("pglabs-classes-"));

        process.destroy();  // SIGTERM, as a terminal closing or Ctrl-C (no finally block runs then)
        assertThat(process.waitFor(BOUND.toSeconds(), TimeUnit.SECONDS)).as("watch ended on SIGTERM").isTrue();
        assertThat(pglabsEntries(scratch)).as("left in the temporary folder after SIGTERM").isEmpty();
    }

    @Test
    @DisplayName("a Java lab, ended by SIGTERM in the middle of a grading: the lent worker and the grading's classes go too")
    void javaLabMidGradingLeavesNothing() throws Exception {
        Path lab = home.resolve("labs").resolve(JAVA_LAB);
        GradeClassCommandTest.copy(Course.locate().labsDir().resolve(JAVA_LAB), lab);
        // Every check's call into the student's code runs until the worker's time limit: the grading lasts minutes.
        Path migrator = lab.resolve("src/main/java/blog/Migrator.java");
        Files.writeString(migrator, Files.readString(migrator).replaceAll(
                "throw new UnsupportedOperationException\\(\"TODO[^\"]*\"\\);", "while (true) { Thread.onSpinWait(); }"));
        Path scratch = Files.createDirectories(tmp.resolve("scratch"));
        Output output = watchJavaLab(scratch);
        // The worker's folder appears when the first check that calls the student's code takes one: mid-grading.
        long deadline = System.nanoTime() + BOUND.toNanos();
        while (pglabsEntries(scratch).stream().noneMatch(name -> name.startsWith("pglabs-worker-"))) {
            assertThat(System.nanoTime() < deadline && process.isAlive())
                    .as("a worker started; watch wrote:%n%s", output.await(o -> true)).isTrue();
            Thread.sleep(50);
        }

        process.destroy();
        assertThat(process.waitFor(BOUND.toSeconds(), TimeUnit.SECONDS)).as("watch ended on SIGTERM").isTrue();
        assertThat(pglabsEntries(scratch)).as("left in the temporary folder after SIGTERM mid-grading").isEmpty();
    }

    private static final String JAVA_LAB = "07-migrations-flyway";

    /** Starts {@code watch} on the Java lab with {@code scratch} as its temporary folder, so that its leftovers show. */
    private Output watchJavaLab(Path scratch) throws IOException {
        List<String> command = new ArrayList<>(watchCommand("07"));
        command.add(1, "-Djava.io.tmpdir=" + scratch);
        process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getOutputStream().close();
        return Output.of(process.getInputStream());
    }

    private static List<String> pglabsEntries(Path folder) throws IOException {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("pglabs-")).sorted().toList();
        }
    }

    private List<String> watchCommand() {
        return watchCommand("01");
    }

    private List<String> watchCommand(String lab) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return List.of(java, "-cp", System.getProperty("java.class.path"), "-Dpglabs.home=" + home,
                "-Dpglabs.state=" + tmp.resolve("state"), "dev.pglabs.cli.Main", "watch", lab);
    }

    /** Saves the reference answer into the copy, as a student's editor would. */
    private void solve(String file) throws IOException {
        Files.copy(Course.locate().solutionsDir().resolve("01-sql-basics").resolve(file),
                home.resolve("labs/01-sql-basics").resolve(file), StandardCopyOption.REPLACE_EXISTING);
    }

    private static String firstLine(Path file) {
        try {
            return Files.readAllLines(file).get(0).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String plain(String text) {
        return text.replaceAll("\u001b\\[[0-9;?]*[A-Za-z]", "");
    }

    private static boolean onPath(String program) {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .anyMatch(dir -> !dir.isBlank() && Files.isExecutable(Path.of(dir, program)));
    }

    /** A process's output as it arrives, read on a thread of its own; waiting for it never sleeps a fixed time. */
    private static final class Output {
        private final StringBuilder text = new StringBuilder();
        private boolean ended;

        static Output of(InputStream stream) {
            Output output = new Output();
            Thread reader = new Thread(() -> output.read(stream), "watch-output");
            reader.setDaemon(true);
            reader.start();
            return output;
        }

        private void read(InputStream stream) {
            byte[] buffer = new byte[8192];
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (stream) {
                for (int n; (n = stream.read(buffer)) > 0; ) {
                    bytes.write(buffer, 0, n);
                    synchronized (this) {
                        text.setLength(0);
                        text.append(bytes.toString(StandardCharsets.UTF_8));
                        notifyAll();
                    }
                }
            } catch (IOException e) {
                // The process ended: what it wrote is all there is.
            }
            synchronized (this) {
                ended = true;
                notifyAll();
            }
        }

        /** Everything written so far, once {@code condition} holds; fails if the process ends or the bound passes first. */
        synchronized String await(Predicate<String> condition) throws InterruptedException {
            long deadline = System.nanoTime() + BOUND.toNanos();
            while (!condition.test(text.toString())) {
                long left = deadline - System.nanoTime();
                assertThat(left > 0 && !ended).as("output awaited; so far:%n%s", text).isTrue();
                wait(TimeUnit.NANOSECONDS.toMillis(left) + 1);
            }
            return text.toString();
        }
    }
}
