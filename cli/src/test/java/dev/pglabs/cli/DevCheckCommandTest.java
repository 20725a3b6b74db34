package dev.pglabs.cli;

import dev.pglabs.authoring.CourseCheck;
import dev.pglabs.authoring.Finding;
import dev.pglabs.course.Course;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code pglabs dev check}: the course passes; a copy of lab 01 with one thing broken per rule gets that rule's
 * finding, saying where and how to fix it, and nothing else.
 */
class DevCheckCommandTest {

    private static final Course COURSE = Course.locate();
    private static final String LAB = "01-sql-basics";

    @TempDir
    Path copy;

    @Test
    @DisplayName("dev check passes on the course (exit 0) and names the rules it checked")
    void passesOnTheCourse() {
        PglabsRun run = PglabsRun.of("dev", "check");
        assertThat(run.exit()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains("The course keeps all", "grader-lab", "hints", "recorded-notebook");
    }

    @Test
    @DisplayName("the untouched copy of lab 01 has no findings (so each finding below comes from its one break)")
    void untouchedCopyPasses() throws IOException {
        assertThat(findings()).isEmpty();
    }

    @Test
    @DisplayName("a grader whose @Grader(lab) is another lab's: the grader's file and line, and both names")
    void graderOfAnotherLab() throws IOException {
        replace(copy.resolve("course.json"), "lab01.Lab01SqlBasicsGrader", "lab03.Lab03RelationsJoinsGrader");
        Finding f = only("grader-lab");
        assertThat(f.file()).isEqualTo("graders/src/main/java/dev/pglabs/graders/lab03/Lab03RelationsJoinsGrader.java");
        assertThat(f.line()).isPositive();
        assertThat(f.problem()).contains("@Grader(lab = \"03-relations-joins\")", "grader of lab 01-sql-basics");
        assertThat(f.fix()).contains("@Grader(lab = \"01-sql-basics\")");
    }

    @Test
    @DisplayName("a hidden grader that does not exist: course.json's line")
    void missingHiddenGrader() throws IOException {
        replace(copy.resolve("course.json"), "\"grader\":", "\"hiddenGrader\": \"dev.pglabs.graders.lab01.Nope\",\n      \"grader\":");
        Finding f = only("grader-lab");
        assertThat(f.where()).startsWith("course.json:");
        assertThat(f.problem()).contains("hiddenGrader", "dev.pglabs.graders.lab01.Nope", "not on the class path");
    }

    @Test
    @DisplayName("two checks with one id in a lab (grader and hidden grader)")
    void duplicateCheckIds() throws IOException {
        replace(copy.resolve("course.json"), "\"grader\":", "\"hiddenGrader\": \"" + DuplicateCheckIds.class.getName()
                + "\",\n      \"grader\":");
        Finding f = only("unique-check-ids");
        assertThat(f.problem()).contains("two checks with the id \"01-all-tags\"", "Lab01SqlBasicsGrader.e01_allTags",
                "DuplicateCheckIds.e01_again");
    }

    @Test
    @DisplayName("a lab file without its solution, and a solution file the README does not mention")
    void solutionsMirrorLabs() throws IOException {
        Files.delete(copy.resolve("solutions").resolve(LAB).resolve("02-users-in-lisbon.sql"));
        Files.writeString(copy.resolve("solutions").resolve(LAB).resolve("11-extra.sql"), "SELECT 1;\n");
        List<Finding> found = findings();
        assertThat(found).extracting(Finding::rule).containsOnly("solutions-mirror");
        assertThat(found).extracting(Finding::where).containsExactly("labs/" + LAB + "/02-users-in-lisbon.sql",
                "solutions/" + LAB + "/11-extra.sql");
        assertThat(found.get(0).problem()).contains("no solution at solutions/" + LAB + "/02-users-in-lisbon.sql");
        assertThat(found.get(1).fix()).contains("add the starter", "say in the README");
    }

    @Test
    @DisplayName("a starter without its TODO")
    void starterWithoutTodo() throws IOException {
        replace(copy.resolve("labs").resolve(LAB).resolve("03-latest-published.sql"), "-- TODO: write your query here", "");
        Finding f = only("starter-todo");
        assertThat(f.where()).isEqualTo("labs/" + LAB + "/03-latest-published.sql");
        assertThat(f.fix()).contains("-- TODO");
    }

    @Test
    @DisplayName("a README hint that writes the answer out: the README's line")
    void hintGivesTheAnswer() throws IOException {
        Path readme = copy.resolve("labs").resolve(LAB).resolve("README.md");
        String text = Files.readString(readme);
        int hint = text.indexOf("<summary>Nudge</summary>", text.indexOf("### 01-all-tags.sql"));
        Files.writeString(readme, text.substring(0, hint) + "<summary>Nudge</summary>\n\nJust type SELECT * FROM tags.\n"
                + "</details>\n<details>" + text.substring(hint));
        Finding f = only("hints");
        assertThat(f.where()).isEqualTo("labs/" + LAB + "/README.md:"
                + (Files.readString(readme).lines().toList().indexOf("Just type SELECT * FROM tags.") + 1));
        assertThat(f.problem()).contains("of 01-all-tags.sql gives the answer away", "select * from tags");
    }

    @Test
    @DisplayName("a README without ## Hints")
    void noHints() throws IOException {
        replace(copy.resolve("labs").resolve(LAB).resolve("README.md"), "## Hints", "## Help");
        Finding f = only("hints");
        assertThat(f.problem()).contains("no hints");
        assertThat(f.fix()).contains("## Hints");
    }

    @Test
    @DisplayName("a lab without golden scenarios")
    void noGoldenScenarios() throws IOException {
        delete(copy.resolve("graders/src/test/resources/golden").resolve(LAB));
        List<Finding> found = findings();
        // The requirement map lives beside the scenarios, so it is missing too.
        assertThat(found).extracting(Finding::rule).containsExactly("golden-scenarios", "requirements");
        Finding f = found.get(0);
        assertThat(f.where()).isEqualTo("graders/src/test/resources/golden/" + LAB);
        assertThat(f.fix()).contains("expected.json");
    }

    @Test
    @DisplayName("a README whose notebook has no recorded outputs")
    void noRecordedOutputs() throws IOException {
        Path readme = copy.resolve("labs").resolve(LAB).resolve("README.md");
        Files.writeString(readme, Files.readString(readme)
                .replaceAll("(?s)<!-- pglabs:output -->.*?<!-- /pglabs:output -->\\n?", ""));
        Finding f = only("recorded-notebook");
        assertThat(f.fix()).contains("./pglabs notebook 01 --run");
    }

    @Test
    @DisplayName("the command prints each finding with where and how to fix it, and exits 1")
    void commandReportsAndFails() throws IOException {
        replace(copy.resolve("labs").resolve(LAB).resolve("03-latest-published.sql"), "-- TODO: write your query here", "");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = DevCommand.CheckCommand.report(Course.load(copy),
                new PrintStream(out, true, StandardCharsets.UTF_8));
        assertThat(exit).isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains(
                "labs/" + LAB + "/03-latest-published.sql: this starter differs", "[starter-todo]",
                "\n    fix: add a line", "1 problem found");
    }

    @Test
    @DisplayName("a task statement the requirement map does not quote: an error at its line; listed as todo: a "
            + "warning, counted, and the command exits 0")
    void requirementMapTodoIsAWarning() throws IOException {
        Path map = copy.resolve("graders/src/test/resources/golden").resolve(LAB).resolve("requirements.json");
        String statement = "Do not choose the id yourself: leave the id column out and let PostgreSQL generate it.";
        replace(map, "\"text\": \"" + statement + "\"", "\"text\": \"Add a new tag named 'jshell'.\"");
        Finding f = only("requirements");
        assertThat(f.where()).isEqualTo("labs/" + LAB + "/08-insert-tag.sql:5");
        assertThat(f.problem()).contains(statement);

        replace(map, "\"requirements\": [", "\"todo\": [{\"source\": \"labs/" + LAB + "/08-insert-tag.sql\", "
                + "\"text\": \"Do not choose the id yourself\", \"why\": \"needs its scenario\"}],\n  \"requirements\": [");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int exit = DevCommand.CheckCommand.report(Course.load(copy),
                new PrintStream(out, true, StandardCharsets.UTF_8));
        assertThat(exit).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains(
                "labs/" + LAB + "/08-insert-tag.sql:5: warning: task statement not mapped yet",
                "needs its scenario", "The course keeps all", "(1 warning above");
    }

    // ---- a copy of the course holding lab 01 only ----------------------------------------------------

    private List<Finding> findings() throws IOException {
        return CourseCheck.run(Course.load(copy));
    }

    private Finding only(String rule) throws IOException {
        List<Finding> found = findings();
        assertThat(found).as("findings").hasSize(1);
        assertThat(found.get(0).rule()).isEqualTo(rule);
        return found.get(0);
    }

    /** Each test starts from a fresh copy of lab 01, breaks one thing, then asks for the findings. */
    @BeforeEach
    void copyLab01() throws IOException {
        String manifest = Files.readString(COURSE.home().resolve("course.json"));
        int start = manifest.indexOf("{", manifest.indexOf("\"labs\""));
        int end = manifest.indexOf("\n    }", start) + "\n    }".length();
        Files.writeString(copy.resolve("course.json"), "{\n  \"title\": \"lab 01 only\",\n  \"labs\": [\n    "
                + manifest.substring(start, end) + "\n  ]\n}\n");
        for (String dir : List.of("labs/" + LAB, "solutions/" + LAB, "graders/src/test/resources/golden/" + LAB,
                "graders/src/main/java/dev/pglabs/graders/lab01", "graders/src/main/resources/dev/pglabs/graders/lab01",
                "graders/src/main/java/dev/pglabs/graders/lab03")) {
            copyTree(COURSE.home().resolve(dir), copy.resolve(dir));
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private static void replace(Path file, String from, String to) throws IOException {
        String text = Files.readString(file);
        assertThat(text).as(file.toString()).contains(from);
        Files.writeString(file, text.replaceFirst(Pattern.quote(from),
                Matcher.quoteReplacement(to)));
    }
}
