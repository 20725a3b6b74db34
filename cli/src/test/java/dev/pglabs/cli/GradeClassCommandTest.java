package dev.pglabs.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import dev.pglabs.course.Course;
import dev.pglabs.results.Scores;
import dev.pglabs.scenarios.Scenario;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code pglabs grade-class} on a small generated class (labs 01 and 03): right, wrong and partly right work,
 * a repository clone, hostile folder names. Graded once with one job and once with two: the same results.
 */
class GradeClassCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String FORMULA = "=SUM(1+1)";
    private static final String MARKUP = "<img src=x onerror=alert(1)>dave";

    @TempDir
    static Path tmp;
    static Path submissions;
    static PglabsRun oneJob;
    static PglabsRun twoJobs;

    @BeforeAll
    static void gradeTheClassTwice() throws IOException {
        Course course = Course.locate();
        submissions = Files.createDirectories(tmp.resolve("submissions"));
        copy(course.solutionsDir().resolve("01-sql-basics"), submissions.resolve("alice/01-sql-basics"));
        copy(course.solutionsDir().resolve("03-relations-joins"), submissions.resolve("alice/03-relations-joins"));
        copy(course.labsDir().resolve("01-sql-basics"), submissions.resolve("bob/01-sql-basics"));
        copy(course.labsDir().resolve("03-relations-joins"), submissions.resolve("bob/03-relations-joins"));
        // A clone of the whole student repository; its solutions/ folder must not be graded.
        Path clone = submissions.resolve("carol/pglabs-carol");
        golden(course, "01-sql-basics", "passes-some", clone.resolve("labs/01-sql-basics"));
        golden(course, "03-relations-joins", "inner-instead-of-left", clone.resolve("labs/03-relations-joins"));
        copy(course.solutionsDir().resolve("01-sql-basics"), clone.resolve("solutions/01-sql-basics"));
        golden(course, "01-sql-basics", "dml-mistakes", submissions.resolve(FORMULA + "/01-sql-basics"));
        copy(course.solutionsDir().resolve("03-relations-joins"), submissions.resolve(FORMULA + "/03-relations-joins"));
        golden(course, "03-relations-joins", "fan-out-double-count",
                submissions.resolve(MARKUP + "/03-relations-joins"));
        Files.writeString(submissions.resolve("eve.zip"), "not unzipped");

        oneJob = PglabsRun.of("grade-class", submissions.toString(), "--out", tmp.resolve("one").toString(),
                "--labs", "01,03", "--jobs", "1");
        twoJobs = PglabsRun.of("grade-class", submissions.toString(), "--out", tmp.resolve("two").toString(),
                "--labs", "01", "--labs", "03", "--jobs", "2");
    }

    /** Copies a folder tree (other tests of the CLI make their submissions and course copies with it too). */
    /** A golden scenario of the graders' tests as a student's lab folder: its files laid over its base. */
    static void golden(Course course, String lab, String scenario, Path target) {
        Scenario.load(course.home().resolve("graders/src/test/resources/golden").resolve(lab).resolve(scenario), lab)
                .materialise(course.home(), target);
    }

    static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    @Test
    @DisplayName("two jobs give exactly the gradebook and the per-student results of one job")
    void jobsDoNotChangeResults() throws IOException {
        assertThat(oneJob.exit()).as(oneJob.err()).isZero();
        assertThat(twoJobs.exit()).as(twoJobs.err()).isZero();
        assertThat(Files.readString(tmp.resolve("two/gradebook.csv")))
                .isEqualTo(Files.readString(tmp.resolve("one/gradebook.csv")));
        List<String> students;
        try (Stream<Path> files = Files.list(tmp.resolve("one/students"))) {
            students = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json")).sorted().toList();
        }
        assertThat(students).hasSize(5);
        for (String student : students) {
            assertThat(withoutTimings(tmp.resolve("two/students").resolve(student)))
                    .as(student).isEqualTo(withoutTimings(tmp.resolve("one/students").resolve(student)));
        }
    }

    /** A student's JSON result without what differs between any two runs: times and the instant of grading. */
    private static JsonNode withoutTimings(Path file) throws IOException {
        JsonNode json = JSON.readTree(file.toFile());
        ((ObjectNode) json.get("run")).remove(List.of("durationMs", "gradedAt"));
        json.get("labs").forEach(lab -> lab.get("checks").forEach(check -> ((ObjectNode) check).remove("durationMs")));
        return json;
    }

    @Test
    @DisplayName("the gradebook has what each submission deserves, one row per student, formulas defused")
    void gradebook() throws IOException {
        List<List<String>> rows;
        try (MappingIterator<List<String>> it = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY)
                .readerForListOf(String.class).readValues(tmp.resolve("one/gradebook.csv").toFile())) {
            rows = it.readAll();
        }
        assertThat(rows.get(0)).containsExactly("student", "01-sql-basics", "03-relations-joins", "total", "not graded");
        assertThat(rows.get(1).get(0)).isEqualTo("Points Possible");
        assertThat(rows).hasSize(8);
        assertThat(rows.get(7)).as("the stray zip: a row that says why it was not graded")
                .containsExactly("eve.zip", "", "", "", "not a folder (unzip it into a folder of its own)");
        JsonNode aliceJson = JSON.readTree(tmp.resolve("one/students/alice.json").toFile());
        double max = aliceJson.get("max").asDouble();
        assertThat(aliceJson.get("score").asDouble()).as("the reference solutions").isEqualTo(max);
        assertThat(row(rows, "alice").get(3)).isEqualTo(Scores.format(max));
        assertThat(row(rows, "bob")).as("untouched starters: not handed in, empty cells").containsExactly("bob", "", "",
                "0", "");
        double carol = Double.parseDouble(row(rows, "carol").get(3));
        assertThat(carol).as("partly right, and not graded from solutions/").isPositive().isLessThan(max);
        assertThat(row(rows, "'" + FORMULA)).as("the formula is defused").isNotNull();
        assertThat(rows).noneSatisfy(r -> assertThat(r.get(0)).startsWith("="));
        assertThat(row(rows, MARKUP).get(1)).as("no lab 01 handed in: an empty cell, not 0").isEmpty();
    }

    private static List<String> row(List<List<String>> rows, String student) {
        return rows.stream().filter(r -> r.get(0).equals(student)).findFirst().orElseThrow();
    }

    @Test
    @DisplayName("every student gets a JSON result and a feedback page; the overview links them and escapes names")
    void reports() throws IOException {
        Path out = tmp.resolve("one");
        String overview = Files.readString(out.resolve("overview.html"));
        assertThat(overview).contains("Score distribution", "Every exercise", "&lt;img src=x onerror=alert(1)&gt;dave",
                "graded pglabs-carol/labs/").doesNotContain("<img");
        for (String link : List.of("students/alice.html", "students/bob.html", "students/carol.html",
                "students/SUM_1_1_.html", "students/img_src_x_onerror_alert_1__dave.html")) {
            assertThat(overview).contains("href=\"" + link + "\"");
            assertThat(out.resolve(link)).isRegularFile();
        }
        assertThat(Files.readString(out.resolve("students/img_src_x_onerror_alert_1__dave.html")))
                .contains("Feedback for &lt;img src=x").doesNotContain("<img");
        JsonNode carol = JSON.readTree(out.resolve("students/carol.json").toFile());
        assertThat(carol.get("submission").asText()).endsWith("pglabs-carol" + File.separator + "labs");
        assertThat(carol.get("run").get("submissionSha256").asText()).matches("[0-9a-f]{64}");
        assertThat(carol.get("run").get("graderVersion").asText()).isNotBlank();
        assertThat(carol.get("run").get("postgresVersion").asText()).matches("\\d+\\.\\d+");
        assertThat(out.resolve("summary.md")).content().contains("### pglabs class run: 5 students");
    }

    @Test
    @DisplayName("the progress line says where the run is and how long is left; a stray zip is reported")
    void progress() {
        assertThat(oneJob.err()).contains("[5/5] 100%", "left ~", "skipped eve.zip: not a folder (unzip it");
        assertThat(oneJob.out()).contains("gradebook.csv", "overview.html");
    }

    @Test
    @DisplayName("an output folder inside the submissions is refused (it would be graded as a student next time)")
    void outputInsideSubmissions() {
        PglabsRun run = PglabsRun.of("grade-class", submissions.toString(), "--out",
                submissions.resolve("results").toString(), "--labs", "01");
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains("inside the submissions folder");
    }

    @Test
    @DisplayName("three shards plus merge-grades write what one run writes (times aside); bad shard sets are refused")
    void shardsMergeToTheUnshardedRun() throws IOException {
        List<Path> parts = new ArrayList<>();
        Set<String> seen = new TreeSet<>();
        for (int k = 1; k <= 3; k++) {
            Path part = tmp.resolve("shard-" + k);
            PglabsRun run = PglabsRun.of("grade-class", submissions.toString(), "--out", part.toString(),
                    "--labs", "01,03", "--jobs", "1", "--shard", k + "/3");
            assertThat(run.exit()).as(run.err()).isZero();
            JsonNode manifest = JSON.readTree(part.resolve("class-run.json").toFile());
            manifest.get("students").forEach(s -> assertThat(seen.add(s.get("name").asText()))
                    .as("a student in two shards").isTrue());
            parts.add(part);
        }
        assertThat(seen).as("every student in some shard").hasSize(5);

        Path merged = tmp.resolve("merged");
        List<String> args = new ArrayList<>(List.of("merge-grades", "--out", merged.toString()));
        parts.forEach(p -> args.add(p.toString()));
        PglabsRun merge = PglabsRun.of(args.toArray(String[]::new));
        assertThat(merge.exit()).as(merge.err()).isZero();
        Path one = tmp.resolve("one");
        assertThat(merged.resolve("gradebook.csv")).hasSameTextualContentAs(one.resolve("gradebook.csv"));
        assertThat(withoutTimes(merged.resolve("summary.md"))).isEqualTo(withoutTimes(one.resolve("summary.md")));
        assertThat(withoutTimes(merged.resolve("overview.html"))).isEqualTo(withoutTimes(one.resolve("overview.html")));
        try (Stream<Path> files = Files.list(one.resolve("students"))) {
            for (Path file : files.sorted().toList()) {
                Path same = merged.resolve("students").resolve(file.getFileName().toString());
                if (file.toString().endsWith(".json")) {
                    assertThat(withoutTimings(same)).as(same.toString()).isEqualTo(withoutTimings(file));
                } else {
                    assertThat(withoutTimes(same)).as(same.toString()).isEqualTo(withoutTimes(file));
                }
            }
        }

        PglabsRun missing = PglabsRun.of("merge-grades", "--out", tmp.resolve("m2").toString(), parts.get(0).toString(),
                parts.get(2).toString());
        assertThat(missing.exit()).isEqualTo(1);
        assertThat(missing.err()).contains("shard 2/3 is missing", "Nothing was written");
        PglabsRun twice = PglabsRun.of("merge-grades", "--out", tmp.resolve("m3").toString(), parts.get(0).toString(),
                parts.get(0).toString(), parts.get(1).toString());
        assertThat(twice.exit()).isEqualTo(1);
        assertThat(twice.err()).contains("given twice");
        assertThat(tmp.resolve("m2")).doesNotExist();
        assertThat(tmp.resolve("m3")).doesNotExist();
    }

    /** A report's text without the instant and duration of grading, which differ between any two runs. */
    private static String withoutTimes(Path file) throws IOException {
        return Files.readString(file).replaceAll("\\d{4}-\\d{2}-\\d{2}T[0-9:.]+Z", "<when>")
                .replaceAll("in [0-9.]+ s", "in <time> s");
    }

    @Test
    @DisplayName("--students regrades one student into the earlier run (the others' rows and files stay byte for byte); grade-diff shows exactly that student's changed checks")
    void regradeOneStudent() throws IOException {
        Path again = tmp.resolve("regrade-submissions");
        copy(submissions, again);
        Path out = tmp.resolve("regrade");
        copy(tmp.resolve("one"), out);
        // bob hands in lab 01 again, solved this time.
        copy(Course.locate().solutionsDir().resolve("01-sql-basics"), again.resolve("bob/01-sql-basics"));

        PglabsRun run = PglabsRun.of("grade-class", again.toString(), "--out", out.toString(), "--labs", "01,03",
                "--jobs", "1", "--students", "bob");
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.err()).contains("Grading 1 student in");
        try (Stream<Path> files = Files.list(tmp.resolve("one/students"))) {
            for (Path before : files.sorted().toList()) {
                Path after = out.resolve("students").resolve(before.getFileName().toString());
                if (before.getFileName().toString().startsWith("bob.")) {
                    assertThat(after).as("bob's regraded report").content().isNotEqualTo(Files.readString(before));
                } else {
                    assertThat(Files.mismatch(before, after)).as(after + " untouched").isEqualTo(-1L);
                }
            }
        }
        List<String> rowsBefore = Files.readAllLines(tmp.resolve("one/gradebook.csv"));
        List<String> rowsAfter = Files.readAllLines(out.resolve("gradebook.csv"));
        assertThat(rowsAfter).hasSameSizeAs(rowsBefore);
        for (int i = 0; i < rowsBefore.size(); i++) {
            if (rowsBefore.get(i).startsWith("bob,")) {
                assertThat(rowsAfter.get(i)).as("bob's row").isNotEqualTo(rowsBefore.get(i)).startsWith("bob,");
            } else {
                assertThat(rowsAfter.get(i)).as("row " + i).isEqualTo(rowsBefore.get(i));
            }
        }
        try (Stream<Path> runs = Files.list(out.resolve("runs"))) {
            assertThat(runs.filter(p -> p.toString().endsWith(".json")).count()).as("one record per run").isEqualTo(2);
        }

        String overview = Files.readString(out.resolve("overview.html"));
        assertThat(overview).as("the overview's changes since the run it replaced").contains(
                "<h2>Changes since the previous run</h2>", "1 student changed",
                "<td class=\"name\">bob</td><td>01-sql-basics</td><td><code>01-all-tags</code>");
        String changes = overview.substring(overview.indexOf("Changes since"), overview.indexOf("Score distribution"));
        assertThat(changes).doesNotContain("alice", "carol", "03-relations-joins");

        PglabsRun diff = PglabsRun.of("grade-diff", tmp.resolve("one").toString(), out.toString());
        assertThat(diff.exit()).as(diff.err()).isZero();
        assertThat(diff.out()).contains("\nbob\n", "01-sql-basics 01-all-tags: ", " -> passed ",
                "1 student changed").doesNotContain("alice", "carol", "03-relations-joins");

        PglabsRun unknown = PglabsRun.of("grade-class", again.toString(), "--out", out.toString(), "--labs", "01,03",
                "--students", "zoe");
        assertThat(unknown.exit()).isEqualTo(1);
        assertThat(unknown.err()).contains("no student folder named zoe", "nothing was graded");
        PglabsRun otherLabs = PglabsRun.of("grade-class", again.toString(), "--out", out.toString(), "--labs", "01",
                "--students", "bob");
        assertThat(otherLabs.exit()).isEqualTo(1);
        assertThat(otherLabs.err()).contains("--labs 01,03");
    }

    @Test
    @DisplayName("a full rerun into the folder of an earlier run: the overview says what changed since, per student and check")
    void rerunShowsChanges() throws IOException {
        Path again = Files.createDirectories(tmp.resolve("rerun-submissions"));
        copy(Course.locate().solutionsDir().resolve("01-sql-basics"), again.resolve("bob/01-sql-basics"));
        Path out = tmp.resolve("rerun");
        copy(tmp.resolve("one"), out);

        PglabsRun run = PglabsRun.of("grade-class", again.toString(), "--out", out.toString(), "--labs", "01",
                "--jobs", "1");
        assertThat(run.exit()).as(run.err()).isZero();
        String overview = Files.readString(out.resolve("overview.html"));
        String changes = overview.substring(overview.indexOf("<h2>Changes since the previous run</h2>"),
                overview.indexOf("Score distribution"));
        assertThat(changes).contains("<td class=\"name\">alice</td><td colspan=\"4\">only in the old run</td>",
                "<td class=\"name\">bob</td><td>01-sql-basics</td><td><code>01-all-tags</code></td><td>failed ",
                "</td><td>passed ", "<td>03-relations-joins</td>", "absent");
        assertThat(tmp.resolve("one/overview.html")).as("a run into a new folder").content()
                .doesNotContain("Changes since the previous run");
    }
}
