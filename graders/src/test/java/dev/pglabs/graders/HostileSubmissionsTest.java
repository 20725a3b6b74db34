package dev.pglabs.graders;

import dev.pglabs.classroom.ClassGrading;
import dev.pglabs.classroom.ClassProgress;
import dev.pglabs.classroom.ClassResult;
import dev.pglabs.classroom.ClassRoster;
import dev.pglabs.classroom.StudentResult;
import dev.pglabs.concurrent.DaemonThreads;
import dev.pglabs.course.Course;
import dev.pglabs.graders.selftest.SelfTestGrading;
import dev.pglabs.graders.support.CountingListener;
import dev.pglabs.graders.support.CourseGrading;
import dev.pglabs.graders.support.ExpectedResult;
import dev.pglabs.graders.support.Folders;
import dev.pglabs.grading.GradingSession;
import dev.pglabs.provisioning.Provisioning;
import dev.pglabs.provisioning.ConnectionTarget;
import dev.pglabs.results.CheckResult;
import dev.pglabs.results.CheckStatus;
import dev.pglabs.results.LabResult;
import dev.pglabs.results.SubmissionResult;
import dev.pglabs.scenarios.Scenario;
import dev.pglabs.scenarios.ScenarioBase;
import dev.pglabs.worker.Isolation;
import dev.pglabs.worker.SandboxPolicy;
import org.assertj.core.api.SoftAssertions;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The safety envelope (docs/instructors.md, "What is safe to grade today"), proven by a corpus of hostile submissions
 * ({@code src/test/resources/hostile/<case>/}, format in hostile/README.md). Every case is graded in one grading
 * session, on top of a copy of the lab's solution, and must: finish; fail the checks it touches with a clear
 * message; leave every other check of the lab exactly as the solution gets it; change nothing outside the run's
 * temporary space. A class run with one hostile student grades the other two exactly as on their own, and at the
 * end the server holds nothing of the run beyond the farm's own templates and ready-made databases.
 */
@Tag("provider")
@DisplayName("Hostile submissions stay inside the safety envelope")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HostileSubmissionsTest {

    private static final String SECRET = "pglabs-hostile-secret-7f3a";
    private static final String PROPERTY_SECRET = "pglabs-hostile-property-secret-2b9e";
    /**
     * In the command line of every process the fork-bomb case starts: unique to this run, so that the processes of
     * another run on the same machine are not taken for this run's leftovers.
     */
    private static final String FORK_MARKER = "pglabs-hostile-fork-" + UUID.randomUUID().toString().substring(0, 8);
    /** What the file-writing case plants, if the sandbox let it: in /tmp, in its submission, in the course. */
    private static final String PLANTED = "pglabs-hostile-planted.xml";
    /** Where a student's COPY … TO would write if the server let it. */
    private static final Path COPY_OUT = Path.of("/tmp/pglabs-hostile-copy-out.txt");

    private GradingSession session;
    private Course course;
    private Path temp;
    private Path outside;
    /** Filled by two grading threads (see gradeEveryCase). */
    private final Map<String, LabResult> results = new ConcurrentHashMap<>();
    private final Map<String, Throwable> crashes = new ConcurrentHashMap<>();
    private final Map<String, Map<String, CheckResult>> baselines = new LinkedHashMap<>();
    private Map<String, String> filesBefore;
    private final Map<String, Map<String, String>> submissionsBefore = new LinkedHashMap<>();
    private Map<String, String> telltales;
    private CountingListener listener;
    private Set<String> superusersBefore;
    private String runPrefix;

    @BeforeAll
    // Grades the whole corpus, some of it hitting time limits on purpose: far beyond the default per-test limit
    // on a busy machine. A lifecycle method cut short would leave its grading running beside the next class.
    @Timeout(value = 10, unit = TimeUnit.MINUTES)
    void gradeEveryCase() throws IOException, SQLException {
        session = CourseGrading.session();
        course = session.course();
        runPrefix = runPrefix();
        superusersBefore = strings("SELECT rolname FROM pg_roles WHERE rolsuper");
        Files.deleteIfExists(COPY_OUT);

        temp = Files.createTempDirectory("pglabs-hostile-");
        outside = Files.createDirectories(temp.resolve("outside"));
        Files.writeString(outside.resolve("secret.txt"), SECRET + "\n");
        filesBefore = fingerprint(outside, course.home().resolve("solutions"), course.labsDir(), hostileRoot());
        System.setProperty(Telltales.PROPERTY_SECRET, PROPERTY_SECRET);
        telltales = Telltales.of(course.home(), SECRET, PROPERTY_SECRET);
        listener = new CountingListener();

        Map<Scenario, Path> submissions = new LinkedHashMap<>();
        for (Scenario c : cases().filter(HostileSubmissionsTest::gradedHere).toList()) {
            Path submission = prepare(c);
            submissionsBefore.put(c.name(), fingerprint(submission));
            submissions.put(c, submission);
        }
        // Two at a time, a SQL case beside a Java one, as a class run grades a hostile student beside others: the
        // SQL cases wait on the server's statement and lock limits, the Java ones on the worker's, and one at a time
        // left half of 2 cores idle. Every case still has the outcomes its expected.json lists, whatever ran beside it.
        ExecutorService sqlSide = Executors.newSingleThreadExecutor(DaemonThreads.named("hostile-sql-cases"));
        try {
            Map<Boolean, List<Scenario>> javaOrNot = submissions.keySet().stream()
                    .collect(Collectors.partitioningBy(c -> c.file().base() == ScenarioBase.JAVA));
            Future<?> sql = sqlSide.submit(() -> javaOrNot.get(false).forEach(c -> grade(c, submissions.get(c))));
            javaOrNot.get(true).forEach(c -> grade(c, submissions.get(c)));
            sql.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("grading the SQL cases", e.getCause());
        } finally {
            sqlSide.shutdownNow();
        }
    }

    private void grade(Scenario c, Path submission) {
        try {
            results.put(c.name(), c.file().base() == ScenarioBase.JAVA ? SelfTestGrading.grade(session, submission)
                    : CourseGrading.grade(session, submission, c.lab()).labs().get(0));
        } catch (RuntimeException | Error e) {
            crashes.put(c.name(), e);
        }
    }

    @AfterAll
    void removeTemp() throws IOException {
        System.clearProperty(Telltales.PROPERTY_SECRET);
        if (listener != null) {
            listener.close();
        }
        if (temp != null) {
            try (Stream<Path> files = Files.walk(temp)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    static Stream<Scenario> cases() {
        List<Scenario> all = Scenario.under(hostileRoot());
        assertThat(all).as("hostile cases under %s", hostileRoot()).isNotEmpty();
        return all.stream();
    }

    /**
     * A case marked {@code "server": "any"} (student Java that never reaches a database, stopped by the sandbox or a
     * worker limit) gets the same outcome on every server: it is graded on the default server only, not again when
     * the run is pointed at another one through DATABASE_URL (.ci/run's second step).
     */
    private static boolean gradedHere(Scenario c) {
        return !c.file().anyServer() || System.getenv(Provisioning.DATABASE_URL) == null;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    @Order(1)
    @DisplayName("the touched checks fail with a clear message, every other check is graded as for the solution")
    void staysContained(Scenario c) {
        assumeTrue(gradedHere(c), c.name() + " is the same on any database server: graded in the run on the default "
                + "server, not again on DATABASE_URL");
        assertThat(crashes.get(c.name())).as("%s: grading finished without a crash", c.name()).isNull();
        LabResult lab = results.get(c.name());
        assertThat(lab).as("%s was graded", c.name()).isNotNull();
        Map<String, CheckResult> checks = ExpectedResult.byId(lab);
        Map<String, CheckResult> baseline = baseline(c);
        // What each touched check said, for the reader of the test log (cut: a case's message may be long).
        c.file().statuses().keySet().forEach(id -> Optional.ofNullable(checks.get(id)).ifPresent(ch ->
                System.out.printf("%s %s: %s: %.300s%n", c.name(), id, ch.status(), ch.feedback())));

        SoftAssertions softly = new SoftAssertions();
        softly.assertThat(checks.keySet()).as("%s: the same checks as the solution", c.name())
                .containsExactlyElementsOf(baseline.keySet());
        // A listed check never passes: the scenario file refuses "passed" on a base where every check passes.
        softly.assertThat(c.file().statuses()).as("%s touches at least one check", c.name()).isNotEmpty();
        Set<String> ids = new LinkedHashSet<>(baseline.keySet());
        ids.addAll(c.file().statuses().keySet());
        ExpectedResult.assertChecks(softly, c.name(), checks, c.file().effectiveStatuses(ids),
                c.file().feedbackContains());
        baseline.forEach((id, normal) -> {
            CheckResult check = checks.get(id);
            if (!c.file().statuses().containsKey(id) && check != null) {
                softly.assertThat(normal.status()).as("%s: the base's status of %s", c.name(), id)
                        .isIn(c.file().base().unlistedStatuses());
                softly.assertThat(check.points()).as("%s: points of untouched check %s", c.name(), id)
                        .isEqualTo(normal.points());
            }
        });
        checks.values().forEach(check -> telltales.forEach((what, text) -> softly.assertThat(check.feedback())
                .as("%s: feedback of %s does not show %s", c.name(), check.id(), what).doesNotContain(text)));
        softly.assertAll();
    }

    @Test
    @Order(2)
    @DisplayName("student Java ran in the OS sandbox, which the Java cases' expectations describe")
    void javaRanInTheSandbox() {
        Optional<String> forced = Optional.ofNullable(System.getProperty(SandboxPolicy.PROPERTY));
        assertThat(SandboxPolicy.REQUIRE.choose(forced)).as("how the Java cases ran (install bubblewrap: the corpus "
                + "proves the OS sandbox)").contains(Isolation.BUBBLEWRAP);
    }

    @Test
    @Order(3)
    @DisplayName("a class run with a hostile student grades the other two exactly as on their own")
    void classRun() throws IOException {
        Path students = Files.createDirectories(temp.resolve("class"));
        Path lab01 = course.home().resolve("solutions/01-sql-basics");
        Folders.copyTree(lab01, students.resolve("alice/labs/01-sql-basics"));
        Scenario.load(Folders.corpus("golden").resolve("01-sql-basics/passes-some"), "01-sql-basics").materialise(course.home(), students.resolve("bob/01-sql-basics"));
        Path mallory = students.resolve("robert'); DROP TABLE students;-- ü/labs/01-sql-basics");
        Folders.copyTree(lab01, mallory);
        Files.writeString(mallory.resolve("01-all-tags.sql"), "SELECT pg_sleep(60)\n");
        Files.writeString(mallory.resolve("02-users-in-lisbon.sql"),
                "SELECT pg_read_file('/etc/passwd') AS username, '' AS email;\n");
        Files.writeString(mallory.resolve("08-insert-tag.sql"), "DROP DATABASE postgres;\n");
        Files.writeString(mallory.resolve("09-archive-old-drafts.sql"), "CREATE ROLE intruder SUPERUSER LOGIN;\n");

        Map<String, SubmissionResult> alone = new TreeMap<>();
        alone.put("alice", CourseGrading.grade(session, students.resolve("alice/labs"), "01"));
        alone.put("bob", CourseGrading.grade(session, students.resolve("bob"), "01"));

        ClassRoster roster = ClassRoster.scan(students, course);
        assertThat(roster.students()).hasSize(3);
        ClassResult run = new ClassGrading(session, List.of(course.lab("01")), 2)
                .grade(roster.students(), ClassProgress.SILENT);
        assertThat(run.notGraded()).as("every student was graded").isEmpty();
        SoftAssertions softly = new SoftAssertions();
        for (StudentResult student : run.students()) {
            LabResult lab = student.result().orElseThrow().labs().get(0);
            if (alone.containsKey(student.name())) {
                LabResult own = alone.get(student.name()).labs().get(0);
                softly.assertThat(lab.score()).as("score of %s", student.name()).isEqualTo(own.score());
                softly.assertThat(lab.checks()).as("checks of %s", student.name())
                        .extracting(CheckResult::id, CheckResult::status, CheckResult::points)
                        .containsExactlyElementsOf(own.checks().stream()
                                .map(ch -> Tuple.tuple(ch.id(), ch.status(), ch.points()))
                                .toList());
            } else {
                Map<String, CheckResult> checks = ExpectedResult.byId(lab);
                softly.assertThat(checks.get("01-all-tags").status()).isEqualTo(CheckStatus.TIMEOUT);
                softly.assertThat(checks.get("02-users-in-lisbon").feedback()).contains("SQLSTATE 42501");
                softly.assertThat(checks.get("08-insert-tag").feedback()).contains("SQLSTATE 42501");
                softly.assertThat(checks.get("09-archive-old-drafts").feedback()).contains("SQLSTATE 42501");
                softly.assertThat(checks.get("03-latest-published").status()).isEqualTo(CheckStatus.PASSED);
            }
        }
        softly.assertThat(alone.get("alice").labs().get(0).score()).as("the solution gets full marks")
                .isEqualTo(alone.get("alice").labs().get(0).max());
        softly.assertAll();
    }

    @Test
    @Order(4)
    @DisplayName("afterwards nothing outside the run's temporary space changed and the server is clean")
    void leavesNoTrace() throws Exception {
        assertThat(fingerprint(outside, course.home().resolve("solutions"), course.labsDir(), hostileRoot()))
                .as("files outside the run's temporary space").isEqualTo(filesBefore);
        assertThat(COPY_OUT).as("a file a student tried to COPY … TO").doesNotExist();
        assertThat(List.of(Path.of("/tmp", PLANTED), course.home().resolve(PLANTED)))
                .as("files a student tried to write through XSLT").noneMatch(Files::exists);
        for (Map.Entry<String, Map<String, String>> before : submissionsBefore.entrySet()) {
            assertThat(fingerprint(temp.resolve("cases").resolve(before.getKey())))
                    .as("the submission folder of %s after grading", before.getKey()).isEqualTo(before.getValue());
        }
        assertThat(listener.reached()).as("connections that reached a port of the grader's machine").isZero();
        awaitNoLeftoverProcesses();

        // The server may be shared (DATABASE_URL): look for what this corpus tries to create, not for any change.
        SoftAssertions softly = new SoftAssertions();
        softly.assertThat(strings("SELECT datname FROM pg_database WHERE datname IN ('stolen', 'postgres')"))
                .as("the corpus's CREATE DATABASE stolen and DROP DATABASE postgres").containsExactly("postgres");
        softly.assertThat(strings("SELECT rolname FROM pg_roles WHERE rolname = 'intruder'"))
                .as("the corpus's CREATE ROLE intruder").isEmpty();
        softly.assertThat(strings("SELECT rolname FROM pg_roles WHERE rolsuper")).as("superusers")
                .isEqualTo(superusersBefore);
        softly.assertThat(strings("SELECT rolname FROM pg_roles WHERE rolname LIKE '" + runPrefix + "%' AND rolsuper"))
                .as("superusers among the roles of this run").isEmpty();
        softly.assertThat(strings("SELECT datname FROM pg_database WHERE datname LIKE '" + runPrefix + "%' "
                        + "AND datname !~ '_(tpl|db)[0-9]+$'"))
                .as("databases of this run that the farm did not name").isEmpty();
        softly.assertThat(strings("SELECT rolname FROM pg_roles WHERE rolname LIKE '" + runPrefix + "%' "
                        + "AND rolname !~ '_(r[0-9]+|students)$'"))
                .as("roles of this run that the farm did not name").isEmpty();
        softly.assertThat(strings("SELECT gid FROM pg_prepared_xacts")).as("prepared transactions").isEmpty();
        softly.assertAll();

        // Check databases are dropped in the background: wait until only the templates and the farm's
        // ready-made databases (at most two per template, each with its role) are left, and no student session.
        String checkDbs = "SELECT count(*) FROM pg_database WHERE datname ~ '^" + runPrefix + "db[0-9]+$'";
        String checkRoles = "SELECT count(*) FROM pg_roles WHERE rolname ~ '^" + runPrefix + "r[0-9]+$'";
        String sessions = "SELECT count(*) FROM pg_stat_activity WHERE usename ~ '^" + runPrefix + "r[0-9]+$'";
        String advisory = "SELECT count(*) FROM pg_locks l JOIN pg_database d ON d.oid = l.database "
                + "WHERE l.locktype = 'advisory' AND d.datname LIKE '" + runPrefix + "%'";
        long deadline = System.nanoTime() + 120_000_000_000L;
        Map<String, Long> state;
        while (true) {
            long pool = 2L * session.farm().readyTemplates();
            state = new LinkedHashMap<>();
            state.put("check databases beyond the ready-made ones", Math.max(0, count(checkDbs) - pool));
            state.put("check roles beyond the ready-made ones", Math.max(0, count(checkRoles) - pool));
            state.put("sessions of student roles", count(sessions));
            state.put("advisory locks", count(advisory));
            if (state.values().stream().allMatch(v -> v == 0) || System.nanoTime() > deadline) {
                break;
            }
            Thread.sleep(250);
        }
        assertThat(state).as("what the run left on the server")
                .allSatisfy((what, n) -> assertThat(n).as(what).isZero());
    }

    /**
     * Workers are ended when their grader finishes, and everything a case started goes with them; a process may
     * take a moment to be reaped on a loaded machine, so this waits for it (bounded) rather than looks once.
     */
    private static void awaitNoLeftoverProcesses() throws InterruptedException {
        long deadline = System.nanoTime() + 60_000_000_000L;
        List<String> left = LeftoverProcesses.now(FORK_MARKER);
        while (!left.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(250);
            left = LeftoverProcesses.now(FORK_MARKER);
        }
        assertThat(left).as("processes left by the run (workers of this JVM, processes a case started)").isEmpty();
    }

    // ---- preparing a case ----------------------------------------------------------------------------

    /** The case's submission in the run's temp space: its base with its files on top, filled in and generated. */
    private Path prepare(Scenario c) throws IOException {
        Path root = Files.createDirectories(temp.resolve("cases").resolve(c.name()));
        Path lab = c.materialise(course.home(), root.resolve(c.lab()));
        fillIn(lab);
        for (Map.Entry<String, String> fixture : c.file().generate().entrySet()) {
            generate(lab.resolve(fixture.getKey()), fixture.getValue());
        }
        return root;
    }

    /**
     * Puts the places a case aims at into its Java sources (they differ per machine and run): {@code @PGLABS_HOME@}
     * (the course folder), {@code @SUBMISSION@} (the case's lab folder), {@code @LISTENER_PORT@} (a port of the
     * grader's loopback that counts the connections reaching it), {@code @FORK_MARKER@} (this run's marker of the
     * processes a case starts).
     */
    private void fillIn(Path lab) throws IOException {
        try (Stream<Path> files = Files.walk(lab)) {
            for (Path java : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String text = Files.readString(java);
                String filled = text.replace("@PGLABS_HOME@", course.home().toAbsolutePath().toString())
                        .replace("@SUBMISSION@", lab.toAbsolutePath().toString())
                        .replace("@LISTENER_PORT@", Integer.toString(listener.port()))
                        .replace("@FORK_MARKER@", FORK_MARKER);
                if (!filled.equals(text)) {
                    Files.writeString(java, filled);
                }
            }
        }
    }

    /** Fixtures too big or too odd to commit: made in the temp copy at test time. */
    private void generate(Path file, String kind) throws IOException {
        Files.deleteIfExists(file);
        switch (kind) {
            case "huge" -> {
                byte[] line = "SELECT 1; -- padding padding padding padding padding padding padding padding\n"
                        .getBytes(StandardCharsets.UTF_8);
                try (OutputStream out = Files.newOutputStream(file)) {
                    for (long written = 0; written < 20L * 1024 * 1024; written += line.length) {
                        out.write(line);
                    }
                }
            }
            case "link-outside" -> Files.createSymbolicLink(file, outside.resolve("secret.txt"));
            case "link-outside-dir" -> Files.createSymbolicLink(file, outside);
            case "odd-name" -> Files.writeString(file, "SELECT 1;\n");
            default -> throw new IllegalArgumentException("unknown generated fixture " + kind + " for " + file);
        }
    }

    /** The status of every check for the case's base (the solution, or the correct Java), graded once per lab. */
    private Map<String, CheckResult> baseline(Scenario c) {
        String key = c.file().base().key() + ":" + c.lab();
        return baselines.computeIfAbsent(key, k -> {
            LabResult lab;
            if (c.file().base() == ScenarioBase.JAVA) {
                lab = SelfTestGrading.grade(session, ExpectedResult.resourceFolder(HostileSubmissionsTest.class,
                        "/java-submissions/correct"));
            } else {
                lab = CourseGrading.grade(session, c.base(course.home()).getParent(), c.lab()).labs().get(0);
            }
            return ExpectedResult.byId(lab);
        });
    }

    /** Path → content hash of every file under the roots (links not followed). */
    private static Map<String, String> fingerprint(Path... roots) throws IOException {
        Map<String, String> out = new TreeMap<>();
        for (Path root : roots) {
            try (Stream<Path> files = Files.walk(root)) {
                for (Path p : files.toList()) {
                    String hash = Files.isSymbolicLink(p) ? "link:" + Files.readSymbolicLink(p)
                            : Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS) ? sha256(Files.readAllBytes(p)) : "dir";
                    out.put(p.toString(), hash);
                }
            }
        }
        return out;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- the server, seen by its admin -------------------------------------------------------------

    /** "pglabs_<run>_": the names of this run's check databases and roles. */
    private String runPrefix() {
        String prefix = session.farm().objectPrefix();
        assertThat(prefix).matches("pglabs_[0-9a-f]{6}_");
        return prefix;
    }

    private Connection admin() throws SQLException {
        ConnectionTarget target = session.farm().server().admin();
        return DriverManager.getConnection(target.jdbcUrl(), target.properties());
    }

    private Set<String> strings(String sql) throws SQLException {
        Set<String> out = new TreeSet<>();
        try (Connection c = admin(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    private long count(String sql) throws SQLException {
        try (Connection c = admin(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static Path hostileRoot() {
        return Folders.corpus("hostile");
    }
}
