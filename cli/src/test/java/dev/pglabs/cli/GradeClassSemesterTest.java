package dev.pglabs.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import dev.pglabs.course.Course;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code grade-class} with what an instructor's semester adds: a course policy (points, deadlines, late penalty)
 * applied to a real git clone dated by its commit and to a plain folder dated by its files; a roster; the files for
 * Canvas's and Moodle's grade imports; a stray zip; {@code --only-failed}.
 */
class GradeClassSemesterTest {

    /** Lab 01 is due 2026-10-05 23:59 in Berlin (21:59Z), 15 minutes of grace, 10 % per started day, at most 30 %. */
    static final String POLICY = """
            { "labs": { "01": { "points": 20, "deadline": "2026-10-05T23:59:00+02:00[Europe/Berlin]" } },
              "latePenalty": { "percentPerDay": 10, "maxPercent": 30 },
              "graceMinutes": 15 }
            """;

    @TempDir
    static Path tmp;
    static Path submissions;
    static Path policy;
    static PglabsRun run;

    @BeforeAll
    static void gradeTheClass() throws Exception {
        Course course = Course.locate();
        Path solution = course.solutionsDir().resolve("01-sql-basics");
        submissions = Files.createDirectories(tmp.resolve("submissions"));
        // ana: a clone of her repository; her last commit to lab 01 is 1 day 2 hours after the deadline.
        Path origin = tmp.resolve("origin-ana");
        GradeClassCommandTest.copy(solution, origin.resolve("labs/01-sql-basics"));
        try (Git git = Git.init().setDirectory(origin.toFile()).setInitialBranch("main").call()) {
            PersonIdent ana = new PersonIdent("Ana", "ana@example.org", Instant.parse("2026-10-07T00:00:00Z"),
                    ZoneOffset.ofHours(2));
            git.add().addFilepattern(".").call();
            git.commit().setMessage("lab 01").setAuthor(ana).setCommitter(ana).setSign(false).call();
        }
        Git.cloneRepository().setURI(origin.toUri().toString())
                .setDirectory(submissions.resolve("ana/pglabs-ana").toFile()).call().close();
        // bo: a plain folder, its newest file 10 minutes after the deadline (within the grace period).
        GradeClassCommandTest.copy(solution, submissions.resolve("bo/01-sql-basics"));
        setTimes(submissions.resolve("bo"), Instant.parse("2026-10-05T22:09:00Z"));
        // cy: a plain folder handed in 5 days late (the penalty stops at 30 %).
        GradeClassCommandTest.copy(solution, submissions.resolve("cy/01-sql-basics"));
        setTimes(submissions.resolve("cy"), Instant.parse("2026-10-10T12:00:00Z"));
        policy = Files.writeString(tmp.resolve("grading.json"), POLICY);
        Files.writeString(submissions.resolve("late.zip"), "not unzipped");
        // The class list as Excel writes it: a byte-order mark, quotes; ANA in another case than her folder; cy is
        // missing from it, zoe handed in nothing.
        Files.writeString(tmp.resolve("roster.csv"), "\uFEFFgithub,id,name,email,canvas_id\r\n"
                + "ANA,s1,\"Lima, Ana\",ana@example.org,901\r\nbo,s2,Bo Berg,bo@example.org,902\r\n"
                + "zoe,s9,Zoe Z,zoe@example.org,909\r\n");

        run = PglabsRun.of("grade-class", submissions.toString(), "--out", tmp.resolve("out").toString(),
                "--labs", "01", "--jobs", "1", "--policy", policy.toString(), "--roster",
                tmp.resolve("roster.csv").toString());
    }

    static void setTimes(Path folder, Instant when) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Files.setLastModifiedTime(file, FileTime.from(when));
            }
        }
    }

    static List<List<String>> gradebook(Path out) throws IOException {
        try (MappingIterator<List<String>> it = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY)
                .readerForListOf(String.class).readValues(out.resolve("gradebook.csv").toFile())) {
            return it.readAll();
        }
    }

    static List<String> row(List<List<String>> rows, String first) {
        return rows.stream().filter(r -> r.get(0).equals(first)).findFirst().orElseThrow();
    }

    @Test
    @DisplayName("the policy's points and late penalty give the documented final scores, for a clone and a folder")
    void policyFinalScores() throws IOException {
        assertThat(run.exit()).as(run.err()).isZero();
        List<List<String>> rows = gradebook(tmp.resolve("out"));
        assertThat(rows.get(0)).containsExactly("student", "student id", "name", "email", "01-sql-basics",
                "01-sql-basics late days", "01-sql-basics penalty", "01-sql-basics final", "total", "final",
                "not graded");
        String max = row(rows, "Points Possible").get(4);
        assertThat(row(rows, "Points Possible")).containsExactly("Points Possible", "", "", "", max, "", "", "20", max,
                "20", "");
        // Full marks scaled to 20 points; ana 2 started days late: -20 % = -4; bo within grace; cy 5 days: -30 %.
        assertThat(row(rows, "ana")).containsExactly("ana", "s1", "Lima, Ana", "ana@example.org", max, "2", "4", "16",
                max, "16", "");
        assertThat(row(rows, "bo")).containsExactly("bo", "s2", "Bo Berg", "bo@example.org", max, "0", "0", "20", max,
                "20", "");
        assertThat(row(rows, "cy")).containsExactly("cy", "", "", "", max, "5", "6", "14", max, "14", "");
        String page = Files.readString(tmp.resolve("out/students/ana.html"));
        assertThat(page).contains("Course grade", "2026-10-07T00:00:00Z (commit ", "−4 (20 %)", "16 / 20");
        assertThat(Files.readString(tmp.resolve("out/students/cy.html"))).contains("(newest file)");
        assertThat(tmp.resolve("out/grading.json")).hasContent(POLICY);
    }

    @Test
    @DisplayName("the roster: folders it does not know and its students without a folder are listed; a stray zip is a "
            + "row that says why it was not graded")
    void rosterAndStrayEntries() throws IOException {
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.err()).contains("1 folder(s) not in the roster", ": cy",
                "1 student(s) of the roster have no submission folder: zoe (Zoe Z)", "skipped late.zip: not a folder");
        assertThat(row(gradebook(tmp.resolve("out")), "late.zip")).containsExactly("late.zip", "", "", "", "", "", "",
                "", "", "", "not a folder (unzip it into a folder of its own)");
        JsonNode record = new ObjectMapper().readTree(tmp.resolve("out/class-run.json").toFile());
        assertThat(record.get("notInRoster").toString()).isEqualTo("[\"cy\"]");
        assertThat(record.get("withoutSubmission").toString()).isEqualTo("[\"zoe (Zoe Z)\"]");
        assertThat(record.get("skipped").get(0).get("name").asText()).isEqualTo("late.zip");
        assertThat(Files.readString(tmp.resolve("out/overview.html"))).contains("Not in the roster (1): cy",
                "In the roster, no submission (1): zoe (Zoe Z)", "Not a student folder, not graded: late.zip");
    }

    @Test
    @DisplayName("canvas-grades.csv and moodle-grades.csv carry the final scores of the roster's students")
    void lmsFiles() throws IOException {
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(Files.readAllLines(tmp.resolve("out/canvas-grades.csv"))).containsExactly(
                "Student,ID,\"SIS User ID\",\"SIS Login ID\",Section,01-sql-basics",
                "\"Points Possible\",,,,,20", "\"Lima, Ana\",901,s1,,,16", "\"Bo Berg\",902,s2,,,20");
        assertThat(Files.readAllLines(tmp.resolve("out/moodle-grades.csv"))).containsExactly(
                "\"Email address\",\"ID number\",\"Full name\",01-sql-basics",
                "ana@example.org,s1,\"Lima, Ana\",16", "bo@example.org,s2,\"Bo Berg\",20");
    }

    @Test
    @DisplayName("--only-failed regrades only the students the earlier run could not grade; the rest stays byte for byte")
    void onlyFailed() throws IOException {
        assertThat(run.exit()).as(run.err()).isZero();
        Path out = tmp.resolve("only-failed");
        GradeClassCommandTest.copy(tmp.resolve("out"), out);
        // What a run records for a student it could not grade (the server went away): no report, the problem.
        ObjectMapper json = new ObjectMapper();
        ObjectNode record = (ObjectNode) json.readTree(out.resolve("class-run.json").toFile());
        for (JsonNode entry : record.get("students")) {
            if (entry.get("name").asText().equals("bo")) {
                ((ObjectNode) entry).put("report", "").put("problem", "the database server went away");
            }
        }
        json.writeValue(out.resolve("class-run.json").toFile(), record);
        Files.delete(out.resolve("students/bo.json"));
        Files.delete(out.resolve("students/bo.html"));
        byte[] ana = Files.readAllBytes(out.resolve("students/ana.html"));
        byte[] cy = Files.readAllBytes(out.resolve("students/cy.json"));

        PglabsRun again = PglabsRun.of("grade-class", submissions.toString(), "--out", out.toString(), "--labs", "01",
                "--only-failed");
        assertThat(again.exit()).as(again.err()).isZero();
        assertThat(again.err()).contains("Regrading the 1 student(s) the earlier run could not grade: bo",
                "Grading 1 student in", ", 1 job — ");
        assertThat(out.resolve("students/bo.json")).isRegularFile();
        assertThat(Files.readAllBytes(out.resolve("students/ana.html"))).isEqualTo(ana);
        assertThat(Files.readAllBytes(out.resolve("students/cy.json"))).isEqualTo(cy);
        Path latest;
        try (Stream<Path> runs = Files.list(out.resolve("runs"))) {
            latest = runs.max(java.util.Comparator.comparing(Path::toString)).orElseThrow();
        }
        JsonNode runRecord = json.readTree(latest.toFile());
        assertThat(runRecord.get("students")).hasSize(1);
        assertThat(runRecord.get("withoutSubmission").toString()).as("about the class, not the one regraded")
                .isEqualTo("[\"zoe (Zoe Z)\"]");
        // The kept policy and roster apply again: the gradebook is the first run's.
        assertThat(out.resolve("gradebook.csv")).hasSameTextualContentAs(tmp.resolve("out/gradebook.csv"));

        PglabsRun nothing = PglabsRun.of("grade-class", submissions.toString(), "--out", out.toString(), "--labs", "01",
                "--only-failed");
        assertThat(nothing.exit()).isZero();
        assertThat(nothing.err()).contains("nothing to regrade");
    }

    @Test
    @DisplayName("two shards with the policy and roster merge into the gradebook and LMS files of one run")
    void shardsKeepThePolicyAndRoster() throws IOException {
        assertThat(run.exit()).as(run.err()).isZero();
        for (int k = 1; k <= 2; k++) {
            PglabsRun part = PglabsRun.of("grade-class", submissions.toString(), "--out",
                    tmp.resolve("shard-" + k).toString(), "--labs", "01", "--jobs", "1", "--shard", k + "/2",
                    "--policy", policy.toString(), "--roster", tmp.resolve("roster.csv").toString());
            assertThat(part.exit()).as(part.err()).isZero();
        }
        Path merged = tmp.resolve("merged");
        PglabsRun merge = PglabsRun.of("merge-grades", "--out", merged.toString(), tmp.resolve("shard-1").toString(),
                tmp.resolve("shard-2").toString());
        assertThat(merge.exit()).as(merge.err()).isZero();
        for (String file : List.of("gradebook.csv", "canvas-grades.csv", "moodle-grades.csv", "grading.json",
                "roster.csv")) {
            assertThat(merged.resolve(file)).as(file).hasSameTextualContentAs(tmp.resolve("out").resolve(file));
        }
    }

    @Test
    @DisplayName("a policy with a mistake stops the run before anything is written, naming the field and the fix")
    void invalidPolicy() throws IOException {
        Path bad = Files.writeString(tmp.resolve("bad.json"), "{\"labs\": {\"01\": {\"deadline\": \"5 Oct\"}}}");
        Path out = tmp.resolve("never");
        PglabsRun refused = PglabsRun.of("grade-class", submissions.toString(), "--out", out.toString(), "--labs", "01",
                "--policy", bad.toString());
        assertThat(refused.exit()).isEqualTo(1);
        assertThat(refused.err()).contains("\"labs.01.deadline\" is \"5 Oct\"", "2026-10-05T23:59:00+02:00");
        assertThat(out).doesNotExist();
    }
}
