package dev.pglabs.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pglabs.course.Course;
import dev.pglabs.course.Lab;
import dev.pglabs.grading.CheckScope;
import dev.pglabs.grading.ExpectedResults;
import dev.pglabs.grading.GradingProgress;
import dev.pglabs.grading.GradingRunner;
import dev.pglabs.grading.GradingSession;
import dev.pglabs.grading.ReferenceAnswer;
import dev.pglabs.results.CheckResult;
import dev.pglabs.results.CheckStatus;
import dev.pglabs.results.LabResult;
import dev.pglabs.scenarios.Scenario;
import dev.pglabs.submission.Submission;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import java.util.HashSet;
import java.util.Locale;
import java.util.TreeMap;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code pglabs release}: the student repository holds what builds and grades, and nothing of the solutions or of
 * the hidden checks (code and data); its graders compile without the hidden classes; grading there runs the visible
 * checks and says how many hidden ones exist; instructor modes refuse clearly. The full Maven build of a release is
 * a CI step (docs/instructors.md), this test stays in process and fast.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReleaseCommandTest {

    @TempDir
    static Path tmp;
    static Path release;
    static Course course;

    @BeforeAll
    static void writeRelease() {
        course = Course.locate();
        release = tmp.resolve("student-repo");
        PglabsRun run = PglabsRun.of("release", release.toString());
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("Wrote the student release", "solutions/");
    }

    @Test
    @Order(1)
    @DisplayName("the release has the build, the labs and the graders, but no solutions, hidden classes or hidden data")
    void leavesOutSolutionsAndHiddenChecks() throws IOException {
        assertThat(release.resolve("pom.xml")).isRegularFile();
        assertThat(release.resolve("pglabs")).isExecutable();
        assertThat(release.resolve("graders/pom.xml")).isRegularFile();
        assertThat(release.resolve(".github/workflows/classroom.yml")).isRegularFile();
        assertThat(release.resolve("solutions")).doesNotExist();
        assertThat(release.resolve(".ci")).doesNotExist();
        assertThat(release.resolve("graders/src/test")).doesNotExist();
        assertThat(release.resolve("docs/instructors.md")).doesNotExist();
        for (Lab lab : course.labs()) {
            assertThat(release.resolve("labs").resolve(lab.folder()).resolve("README.md")).isRegularFile();
            assertThat(Files.readString(release.resolve(graderSource(lab.grader())))).contains("@Grader");
            if (lab.hiddenGrader() != null) {
                assertThat(release.resolve(graderSource(lab.hiddenGrader()))).doesNotExist();
            }
            lab.hiddenFiles().forEach(f -> assertThat(release.resolve(f)).doesNotExist());
            lab.datasets().forEach((name, scripts) -> {
                if (Lab.isHiddenDataset(name)) {
                    scripts.stream().filter(s -> !visibleScripts().contains(s))
                            .forEach(s -> assertThat(release.resolve("datasets").resolve(s)).doesNotExist());
                }
            });
        }
        assertThat(Files.readString(release.resolve("README.md"))).doesNotContain("release:omit");
    }

    @Test
    @Order(2)
    @DisplayName("no value of the hidden data (a row only a hidden dataset holds) appears anywhere in the release")
    void noHiddenValuesAnywhere() throws IOException {
        StringBuilder visible = new StringBuilder();
        for (String script : visibleScripts()) {
            // Unescaped as values() unescapes: 'Liam O''Brien' in SQL is Liam O'Brien.
            visible.append(Files.readString(course.home().resolve("datasets").resolve(script)).replace("''", "'"))
                    .append('\n');
        }
        Set<String> secrets = new TreeSet<>();
        for (Lab lab : course.labs()) {
            for (var dataset : lab.datasets().entrySet()) {
                if (Lab.isHiddenDataset(dataset.getKey())) {
                    for (String script : dataset.getValue()) {
                        secrets.addAll(values(Files.readString(course.home().resolve("datasets").resolve(script))));
                    }
                }
            }
            for (String file : lab.hiddenFiles()) {
                secrets.addAll(values(Files.readString(course.home().resolve(file))));
            }
        }
        // Values the visible data holds too (a base row the variant repeats, a date inside a timestamp) are no secret.
        secrets.removeIf(v -> visible.indexOf(v) >= 0);
        assertThat(secrets).as("values only the hidden data holds").hasSizeGreaterThan(20);
        List<String> leaks = new ArrayList<>();
        try (Stream<Path> files = Files.walk(release)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
                secrets.stream().filter(text::contains).forEach(s -> leaks.add(release.relativize(file) + ": " + s));
            }
        }
        assertThat(leaks).as("values of hidden data found in the release").isEmpty();
    }

    @Test
    @Order(3)
    @DisplayName("the release's course.json marks it and counts each lab's hidden checks, with no hidden datasets")
    void manifestCountsHiddenChecks() throws IOException {
        JsonNode manifest = new ObjectMapper().readTree(release.resolve("course.json").toFile());
        assertThat(manifest.get("studentRelease").asBoolean()).isTrue();
        for (JsonNode lab : manifest.get("labs")) {
            assertThat(lab.has("hiddenGrader")).isFalse();
            assertThat(lab.has("hiddenFiles")).isFalse();
            lab.get("datasets").fieldNames().forEachRemaining(name -> assertThat(Lab.isHiddenDataset(name)).isFalse());
            assertThat(lab.get("hiddenChecks").get("checks").asInt()).isGreaterThanOrEqualTo(0);
        }
        assertThat(manifest.get("labs").get(0).get("hiddenChecks").get("checks").asInt()).isEqualTo(10);
    }

    @Test
    @Order(4)
    @DisplayName("the release's graders compile without the hidden classes")
    void gradersCompileWithoutHiddenClasses() throws IOException {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        // The classpath of this test minus the graders' own classes: a reference to a left-out class must fail.
        String classpath = Stream.of(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !entry.replace('\\', '/').contains("graders/target/classes")
                        && !entry.contains("pglabs-graders"))
                .collect(Collectors.joining(File.pathSeparator));
        List<Path> sources;
        try (Stream<Path> walk = Files.walk(release.resolve("graders/src/main/java"))) {
            sources = walk.filter(p -> p.toString().endsWith(".java")).toList();
        }
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, null, StandardCharsets.UTF_8)) {
            Path out = Files.createDirectories(tmp.resolve("compiled-graders"));
            boolean ok = javac.getTask(null, files, diagnostics, List.of("-proc:none", "--release", "17", "-classpath",
                    classpath, "-d", out.toString()), null, files.getJavaFileObjectsFromPaths(sources)).call();
            assertThat(ok).as("javac on the release's graders: %s", diagnostics.getDiagnostics()).isTrue();
        }
    }

    @Test
    @Order(5)
    @DisplayName("in the release, grade runs the visible checks of lab 01 (starters score 0) and reports the hidden count")
    void gradesInTheRelease() throws IOException {
        Path result = tmp.resolve("starters.json");
        PglabsRun run = inRelease("grade", "01", "--format", "json", "--out", result.toString());
        assertThat(run.exit()).as(run.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(result.toFile());
        JsonNode lab = json.get("labs").get(0);
        assertThat(json.get("score").asDouble()).isZero();
        assertThat(lab.get("max").asDouble()).isEqualTo(10);
        assertThat(lab.get("checks").findValuesAsText("visibility")).hasSize(10).containsOnly("visible");
        assertThat(lab.get("hiddenNotRun").get("checks").asInt()).isEqualTo(10);
        assertThat(lab.get("hiddenNotRun").get("points").asDouble()).isEqualTo(10);
        assertThat(run.out()).contains("10 hidden checks (10 points) are graded by your instructor",
                "out of the visible checks' points");
    }

    @Test
    @Order(6)
    @DisplayName("in the release, the instructor modes refuse with a clear message (exit 1) instead of crashing")
    void instructorModesRefuse() {
        for (String[] args : List.of(new String[]{"grade", "01", "--all"},
                new String[]{"grade-class", tmp.toString(), "--out", tmp.resolve("grades").toString()},
                new String[]{"verify", "01"},
                new String[]{"gradescope-autograder", "01", "--out", tmp.resolve("ag.zip").toString()},
                new String[]{"release", tmp.resolve("again").toString()})) {
            PglabsRun run = inRelease(args);
            assertThat(run.exit()).as(String.join(" ", args)).isEqualTo(1);
            assertThat(run.err()).as(String.join(" ", args)).containsAnyOf("student copy", "already a student release")
                    .doesNotContain("Exception");
        }
    }

    @Test
    @Order(7)
    @DisplayName("release refuses a folder that exists and is not empty, and writes nothing there")
    void refusesNonEmptyFolder() throws IOException {
        Path busy = Files.createDirectories(tmp.resolve("busy"));
        Files.writeString(busy.resolve("notes.txt"), "mine");
        PglabsRun run = PglabsRun.of("release", busy.toString());
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains("exists and is not empty");
        try (Stream<Path> left = Files.list(busy)) {
            assertThat(left).containsExactly(busy.resolve("notes.txt"));
        }
    }

    @Test
    @Order(8)
    @DisplayName("no reference answer of any lab is in the release, in any file, whatever its spacing or letter case")
    void noReferenceAnswers() throws IOException {
        Map<String, String> references = new LinkedHashMap<>();
        Path resources = course.home().resolve("graders/src/main/resources");
        try (Stream<Path> walk = Files.walk(resources)) {
            for (Path file : walk.filter(p -> Files.isRegularFile(p)
                    && p.getParent().getFileName().toString().equals(ReferenceAnswer.FOLDER)).sorted().toList()) {
                references.put(resources.relativize(file).toString(), normalised(Files.readString(file)));
            }
        }
        // Every lab whose checks compare with a reference names them, and the release stores their results instead.
        assertThat(references).as("reference answers in the instructors' repository").hasSizeGreaterThan(20);
        assertThat(release.resolve(ExpectedResults.FOLDER)).isDirectory();
        List<String> leaks = new ArrayList<>();
        try (Stream<Path> files = Files.walk(release)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String relative = release.relativize(file).toString().replace('\\', '/');
                String text = normalised(withoutHints(new String(Files.readAllBytes(file), StandardCharsets.UTF_8)));
                references.forEach((name, reference) -> {
                    boolean otherLabsLesson = relative.startsWith("labs/") && relative.endsWith("README.md")
                            && !relative.startsWith("labs/" + labOf(name));
                    if (text.contains(reference) && !otherLabsLesson) {
                        leaks.add(relative + " holds " + name);
                    }
                });
            }
        }
        assertThat(leaks).as("reference answers found in the release").isEmpty();
    }

    @Test
    @Order(8)
    @DisplayName("no distinctive line of any lab's solution (SQL or Java) is in the release's graders, but those shown on purpose")
    void noLineOfTheSolutionsInTheCode() throws IOException {
        Map<String, String> answerLines = solutionLines();
        // The Java labs count too: a grader that held a reference implementation would show here.
        assertThat(answerLines.values()).as("solutions with distinctive lines")
                .anyMatch(f -> f.endsWith(".java")).anyMatch(f -> f.startsWith("02-")).anyMatch(f -> f.startsWith("06-"));
        List<String> found = new ArrayList<>();
        // The graders only: the harness's own DATABASE_URL parser shares plain Java lines with lab 10's solution
        // (docs/instructors.md says so), and the harness and the CLI hold no grader's answers.
        for (String folder : List.of("graders/src/main")) {
            try (Stream<Path> files = Files.walk(release.resolve(folder))) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    String text = normalised(withoutHints(Files.readString(file, StandardCharsets.UTF_8)));
                    answerLines.forEach((line, solution) -> {
                        if (text.contains(line) && !SHOWN_ON_PURPOSE.contains(line)) {
                            found.add(release.relativize(file).toString().replace('\\', '/') + " holds a line of "
                                    + solution + ": " + line);
                        }
                    });
                }
            }
        }
        assertThat(found).as("lines of the solutions in the release's code (docs/instructors.md lists what may stay)")
                .isEmpty();
    }

    /**
     * Lines of solutions/ that the release's code holds on purpose, each listed with its reason in docs/instructors.md
     * ("What the release's graders still show"): feedback that names
     * the rule to follow, the error messages the task prescribes, and grader-side oracles.
     */
    private static final Set<String> SHOWN_ON_PURPOSE = Set.of(
            // Lab 03: feedback naming the rule a rejected bookmark shows.
            "primary key (user_id, post_id)",
            // Lab 06: the message the task prescribes, raised by the grader's stand-in transfer(); feedback of check 03;
            // the grader's read of the standing orders.
            "raise exception 'amount must be positive, not %', p_amount;",
            "exception when raise_exception then",
            "select id, from_id, to_id, amount",
            // Lab 07: the grader's expected view and name split (the README's worked example on other columns).
            "concat_ws(' ', u.first_name, u.last_name) as author,",
            "then substr(btrim(full_name), strpos(btrim(full_name), ' ') + 1)",
            // Lab 10: the pool size the task prescribes. Lab 11: the grader's own table for checks 07-09.
            "static final int default_pool_size = 10;",
            ".billingmode(billingmode.pay_per_request));");

    /**
     * Each normalised line of solutions/ (SQL and Java) of 30 characters or more, but comments, imports and lines that
     * a starter or lesson under labs/ holds too (those are given to students anyway), with the solution file it is from.
     */
    private static Map<String, String> solutionLines() throws IOException {
        Set<String> given = new HashSet<>();
        try (Stream<Path> files = Files.walk(course.labsDir())) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Files.readAllLines(file, StandardCharsets.ISO_8859_1).forEach(l -> given.add(lineKey(l)));
            }
        }
        Map<String, String> lines = new TreeMap<>();
        try (Stream<Path> files = Files.walk(course.solutionsDir())) {
            for (Path file : files.filter(p -> p.toString().endsWith(".sql") || p.toString().endsWith(".java"))
                    .sorted().toList()) {
                for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    String strip = line.strip();
                    String text = lineKey(strip);
                    if (text.length() >= 30 && !given.contains(text) && !strip.startsWith("--")
                            && !strip.startsWith("//") && !strip.startsWith("*") && !strip.startsWith("/*")
                            && !strip.startsWith("import ") && !strip.startsWith("package ")) {
                        lines.putIfAbsent(text, course.solutionsDir().relativize(file).toString().replace('\\', '/'));
                    }
                }
            }
        }
        return lines;
    }

    @Test
    @Order(9)
    @DisplayName("in the release, the checks that compare with a stored result give solutions/ full marks and the starters zero")
    void storedResultsGradeLikeReferences() throws IOException {
        List<Lab> labs = labsWithStoredResults();
        assertThat(labs).extracting(Lab::folder).contains("01-sql-basics", "03-relations-joins", "11-sql-vs-nosql");
        List<Lab> releaseLabs = labs.stream().map(l -> inTheRelease().course().lab(l.id())).toList();
        GradingSession solutions = inTheRelease().forSubmission(new Submission(course.solutionsDir()));
        assertThat(solutions.expectedResults().runsReferences()).isFalse();
        for (LabResult lab : comparing().grade(solutions, releaseLabs, GradingProgress.SILENT).labs()) {
            assertThat(lab.checks()).as(lab.id()).isNotEmpty();
            assertThat(lab.checks()).as(lab.id()).allSatisfy(c ->
                    assertThat(c.status()).as(c.id() + ": " + c.feedback()).isEqualTo(CheckStatus.PASSED));
        }
        GradingSession starters = solutions.forSubmission(new Submission(course.labsDir()));
        for (LabResult lab : comparing().grade(starters, releaseLabs, GradingProgress.SILENT).labs()) {
            assertThat(lab.score()).as(lab.id()).isZero();
        }
    }

    @Test
    @Order(10)
    @DisplayName("on wrong answers, the release's feedback is exactly the full course's (same tables, same messages)")
    void sameFeedbackAsTheFullCourse() {
        Path golden = course.home().resolve("graders/src/test/resources/golden");
        Map<String, List<String>> cases = Map.of(
                "01-sql-basics", List.of("dml-mistakes", "passes-some", "syntax-error", "several-statements"),
                "03-relations-joins", List.of("fan-out-double-count", "count-star-over-outer-join"));
        cases.forEach((labFolder, names) -> {
            for (String name : names) {
                // The scenario's submission: its files laid over its base (format in golden/README.md).
                Path made = tmp.resolve("golden").resolve(labFolder + "-" + name);
                Scenario.load(golden.resolve(labFolder).resolve(name), labFolder)
                        .materialise(course.home(), made.resolve(labFolder));
                Submission submission = new Submission(made);
                Lab lab = course.lab(labFolder);
                List<CheckResult> expected = comparing().grade(full().forSubmission(submission), List.of(lab),
                        GradingProgress.SILENT).labs().get(0).checks();
                List<CheckResult> actual = comparing().grade(inTheRelease().forSubmission(submission),
                        List.of(inTheRelease().course().lab(lab.id())), GradingProgress.SILENT).labs().get(0).checks();
                assertThat(expected).as(name).anyMatch(c -> c.status() != CheckStatus.PASSED);
                assertThat(actual).as(labFolder + " " + name).extracting(ReleaseCommandTest::whatStudentsSee)
                        .containsExactlyElementsOf(expected.stream().map(ReleaseCommandTest::whatStudentsSee).toList());
            }
        });
    }

    private static GradingSession fullCourse;
    private static GradingSession releaseCourse;

    /** A grading session on the instructors' course, for the grading tests above. */
    private static synchronized GradingSession full() {
        if (fullCourse == null) {
            fullCourse = GradingSession.open(course, new Submission(course.solutionsDir()), Optional.empty());
        }
        return fullCourse;
    }

    /** A grading session on the release (its course.json, its stored results), for the grading tests above. */
    private static synchronized GradingSession inTheRelease() {
        if (releaseCourse == null) {
            releaseCourse = GradingSession.open(Course.load(release), new Submission(course.labsDir()), Optional.empty());
        }
        return releaseCourse;
    }

    @AfterAll
    static void closeSessions() {
        try {
            if (fullCourse != null) {
                fullCourse.close();
            }
        } finally {
            if (releaseCourse != null) {
                releaseCourse.close();
            }
        }
    }

    /** The visible checks whose expected results the release stores (the Java checks of lab 11 need no emulator here). */
    private static GradingRunner comparing() {
        return new GradingRunner(CheckScope.VISIBLE).onlyChecks(StudentRelease::comparesWithReference);
    }

    private static List<String> whatStudentsSee(CheckResult check) {
        return List.of(check.id(), check.status().toString(), String.valueOf(check.points()), check.feedback());
    }

    private static List<Lab> labsWithStoredResults() throws IOException {
        try (Stream<Path> files = Files.list(release.resolve(ExpectedResults.FOLDER))) {
            Set<String> stored = files.map(f -> f.getFileName().toString().replaceFirst("\\.json$", ""))
                    .collect(Collectors.toSet());
            return course.labs().stream().filter(l -> stored.contains(l.folder())).toList();
        }
    }

    /** One line as searched for in a normalised text: whitespace collapsed, lower case. */
    private static String lineKey(String line) {
        return line.replaceAll("\\s+", " ").strip().toLowerCase(Locale.ROOT);
    }

    /** Whitespace collapsed, lower case, no final semicolon: how a reference is searched for. */
    private static String normalised(String sql) {
        String text = sql.replaceAll("\\s+", " ").strip().toLowerCase(Locale.ROOT);
        return text.endsWith(";") ? text.substring(0, text.length() - 1).strip() : text;
    }

    /**
     * A grader's source without its {@code hint = "…"} texts. Hints are feedback: students read them on a failing
     * check in every copy of the course, so what a hint says is not a leak of the release (HintsGiveNoAnswersTest keeps
     * hints from copying an answer).
     */
    private static String withoutHints(String text) {
        return text.replaceAll("hint\\s*=\\s*\"(?:[^\"\\\\]|\\\\.)*\"(?:\\s*\\+\\s*\"(?:[^\"\\\\]|\\\\.)*\")*", "hint = \"\"");
    }

    /**
     * The lab folder a reference belongs to, from its package ({@code …/lab03/references/x.sql} is lab 03's). A lesson
     * of another lab may show the same short query (lab 09's README lists the tags as lab 01's first exercise does).
     */
    private static String labOf(String reference) {
        Matcher lab = Pattern.compile("lab(\\d\\d)").matcher(reference);
        assertThat(lab.find()).as(reference).isTrue();
        return course.lab(lab.group(1)).folder();
    }

    private static PglabsRun inRelease(String... args) {
        String before = System.getProperty("pglabs.home");
        System.setProperty("pglabs.home", release.toString());
        try {
            return PglabsRun.of(args);
        } finally {
            if (before == null) {
                System.clearProperty("pglabs.home");
            } else {
                System.setProperty("pglabs.home", before);
            }
        }
    }

    private static Path graderSource(String className) {
        return Path.of("graders/src/main/java", className.replace('.', '/') + ".java");
    }

    private static Set<String> visibleScripts() {
        return course.labs().stream().flatMap(l -> l.datasets().entrySet().stream())
                .filter(e -> !Lab.isHiddenDataset(e.getKey())).flatMap(e -> e.getValue().stream())
                .collect(Collectors.toSet());
    }

    /** The values of a data file that could identify it: quoted SQL strings and CSV cells of 8 characters or more. */
    private static Set<String> values(String data) {
        Set<String> values = new TreeSet<>();
        Matcher quoted = Pattern.compile("'((?:[^']|'')+)'").matcher(data);
        while (quoted.find()) {
            values.add(quoted.group(1).replace("''", "'"));
        }
        for (String line : data.split("\\R")) {
            if (!line.startsWith("--") && line.contains(",") && !line.contains("'")) {
                values.addAll(List.of(line.split(",")));
            }
        }
        values.removeIf(v -> v.strip().length() < 8);
        return values;
    }
}
