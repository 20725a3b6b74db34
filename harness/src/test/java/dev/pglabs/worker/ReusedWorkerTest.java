package dev.pglabs.worker;

import dev.pglabs.javasub.CompileCache;
import dev.pglabs.javasub.CompiledSubmission;
import dev.pglabs.javasub.JavaSubmission;
import dev.pglabs.results.CheckFailure;
import dev.pglabs.submission.LabFiles;
import dev.pglabs.submission.Submission;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A worker kept between gradings ({@code pglabs watch}): the next grading starts from fresh classes of the current
 * submission, and a worker the last grading left dirty (a thread, a system property) or ended under a limit is not
 * reused. Compiled classes are reused only while the sources stay the same.
 */
class ReusedWorkerTest {

    private static final Duration LIMIT = Duration.ofSeconds(60);

    @TempDir
    Path root;
    LabFiles lab;
    CompileCache cache;
    StudentJvm jvm;

    @BeforeEach
    void setUp() throws Exception {
        Files.createDirectories(root.resolve("08-java"));
        lab = new Submission(root).lab("08-java");
        cache = new CompileCache();
        Isolation isolation = SandboxPolicy.PREFER.choose(Optional.ofNullable(System.getProperty(SandboxPolicy.PROPERTY)))
                .orElseThrow();
        jvm = new StudentJvm(isolation, WorkerLimits.defaults(), ReusedWorkerTest.class.getClassLoader());
    }

    @AfterEach
    void tearDown() {
        jvm.close();
        cache.close();
    }

    /** Calls the student's static {@code Counter.next()}: 1 on fresh classes, more if a static carried over. */
    record Next(CodeRef code) implements StudentTask<Integer> {
        @Override
        public Integer run(WorkerContext context) throws Exception {
            return (Integer) context.load(code, "student.Counter").getMethod("next").invoke(null);
        }
    }

    /** Which worker JVM runs the task (a process id repeats: in the sandbox's namespace each worker has the same). */
    record WhichJvm() implements StudentTask<String> {
        private static final String JVM = UUID.randomUUID().toString();

        @Override
        public String run(WorkerContext context) {
            return JVM;
        }
    }

    /** A student thread that waits (no processor time, so no watchdog ends it) after its call returned. */
    record LeaveWaiting() implements StudentTask<Integer> {
        @Override
        public Integer run(WorkerContext context) {
            Thread t = new Thread(() -> {
                try {
                    Thread.sleep(Long.MAX_VALUE);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            t.setDaemon(true);
            t.start();
            return 1;
        }
    }

    record SetProperty() implements StudentTask<Integer> {
        @Override
        public Integer run(WorkerContext context) {
            System.setProperty("student.was.here", "yes");
            return 1;
        }
    }

    record Sleep() implements StudentTask<Integer> {
        @Override
        public Integer run(WorkerContext context) throws InterruptedException {
            Thread.sleep(Long.MAX_VALUE);
            return 1;
        }
    }

    private void writeCounter(String comment) throws Exception {
        Path file = root.resolve("08-java/src/main/java/student/Counter.java");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "package student;\n// " + comment + "\npublic class Counter {\n"
                + "    static int count;\n    public static int next() { return ++count; }\n}\n", StandardCharsets.UTF_8);
    }

    private CompiledSubmission compile() {
        return JavaSubmission.sources(lab, "src/main/java").parent(ReusedWorkerTest.class.getClassLoader())
                .reuse(cache).compile();
    }

    @Test
    void aReusedWorkerGradesWithFreshClassesAndNoStaticOfTheLastGrading() throws Exception {
        writeCounter("first");
        String which;
        Path firstClasses;
        try (CompiledSubmission first = compile()) {
            firstClasses = first.classesDir();
            CodeRef code = jvm.code(first);
            which = jvm.call(new WhichJvm(), LIMIT, "which");
            assertThat(jvm.call(new Next(code), LIMIT, "next")).isEqualTo(1);
            assertThat(jvm.call(new Next(code), LIMIT, "next")).isEqualTo(2);
        }
        assertThat(jvm.recycle()).as("a clean worker is kept").isTrue();
        try (CompiledSubmission second = compile()) {
            assertThat(second.classesDir()).as("unchanged sources: a copy of the kept classes")
                    .isNotEqualTo(firstClasses);
            assertThat(jvm.call(new WhichJvm(), LIMIT, "which")).as("the same worker process").isEqualTo(which);
            assertThat(jvm.call(new Next(jvm.code(second)), LIMIT, "next"))
                    .as("the static of the last grading is gone").isEqualTo(1);
        }
    }

    @Test
    void aChangedSourceIsCompiledAgain() throws Exception {
        writeCounter("first");
        try (CompiledSubmission first = compile()) {
            assertThat(first.load("student.Counter").getDeclaredMethods()).hasSize(1);
        }
        Path file = root.resolve("08-java/src/main/java/student/Counter.java");
        Files.writeString(file, Files.readString(file).replace("}\n}", "}\n    public static int twice() { return 2; }\n}"));
        try (CompiledSubmission second = compile()) {
            assertThat(second.load("student.Counter").getDeclaredMethods()).hasSize(2);
        }
    }

    @Test
    void aWorkerWithAThreadLeftBehindIsNotReused() {
        assertThat(jvm.call(new LeaveWaiting(), LIMIT, "leave")).isOne();
        assertThat(jvm.recycle()).isFalse();
    }

    @Test
    void aWorkerWhoseSystemPropertiesChangedIsNotReused() {
        assertThat(jvm.call(new SetProperty(), LIMIT, "set")).isOne();
        assertThat(jvm.recycle()).isFalse();
    }

    @Test
    void aWorkerEndedUnderALimitIsNotReusedEvenAfterARestart() {
        String first = jvm.call(new WhichJvm(), LIMIT, "which");
        assertThatThrownBy(() -> jvm.call(new Sleep(), Duration.ofMillis(500), "sleep"))
                .isInstanceOf(CheckFailure.class);
        assertThat(jvm.call(new WhichJvm(), LIMIT, "which")).as("a fresh worker").isNotEqualTo(first);
        assertThat(jvm.recycle()).as("the grading saw a worker killed").isFalse();
    }

    @Test
    void aWorkerStartedAheadThatRanNothingIsKept() {
        jvm.startAhead();
        await(jvm::alive, "the worker started ahead");
        assertThat(jvm.recycle()).as("a worker that ran nothing of anyone's").isTrue();
        assertThat(jvm.call(new WhichJvm(), LIMIT, "which")).isNotEmpty();
    }

    @Test
    void aSpareStartedAheadTakesOverWhenTheWorkerIsEnded() {
        String first = jvm.call(new WhichJvm(), LIMIT, "which");
        jvm.spareAhead();
        await(jvm::spareReady, "the spare");
        assertThat(workers()).as("the worker and its spare").hasSize(2);
        jvm.end("was ended by the test");
        assertThat(jvm.call(new WhichJvm(), LIMIT, "which")).as("another worker").isNotEqualTo(first);
        assertThat(jvm.spareReady()).as("the spare was taken").isFalse();
        assertThat(jvm.wasRestarted()).isTrue();
    }

    @Test
    void ensureFreshKeepsAWorkerThatRanNothingAndEndsOneThatRanSomething() {
        jvm.startAhead();
        await(jvm::alive, "the worker started ahead");
        jvm.ensureFresh("was restarted by the test");
        String first = jvm.call(new WhichJvm(), LIMIT, "which");
        assertThat(jvm.wasRestarted()).as("the worker that ran nothing was kept").isFalse();
        jvm.ensureFresh("was restarted by the test");
        assertThat(jvm.call(new WhichJvm(), LIMIT, "which")).as("a new worker").isNotEqualTo(first);
        assertThat(jvm.wasRestarted()).isTrue();
    }

    @Test
    void closingEndsTheSpareToo() {
        jvm.call(new WhichJvm(), LIMIT, "which");
        jvm.spareAhead();
        await(jvm::spareReady, "the spare");
        jvm.close();
        await(() -> workers().isEmpty(), "no worker process of this test left");
    }

    /**
     * The worker JVMs this test's JVM started (inside bubblewrap or not), by their main class in /proc's command line
     * (ProcessHandle's gives nothing for a process in the sandbox's namespaces).
     */
    private static List<ProcessHandle> workers() {
        return ProcessHandle.current().descendants().filter(p -> {
            try {
                List<String> argv = List.of(Files.readString(Path.of("/proc", Long.toString(p.pid()), "cmdline"),
                        StandardCharsets.ISO_8859_1).split("\0"));
                // The JVM itself, not bubblewrap's processes around it, whose command lines hold the JVM's.
                return argv.get(0).endsWith("java") && argv.contains(WorkerMain.class.getName());
            } catch (IOException e) {
                return false;  // gone meanwhile
            }
        }).toList();
    }

    /** Waits for a condition that a loaded machine may take a while to reach; fails only after a minute. */
    private static void await(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waiting for %s", what).isLessThan(deadline);
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
