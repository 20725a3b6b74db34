package dev.pglabs.cli;

import com.fasterxml.jackson.databind.MappingIterator;
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
 * applied to a real git clone dated by its commit and to a plain folder dated by its files.
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

        run = PglabsRun.of("grade-class", submissions.toString(), "--out", tmp.resolve("out").toString(),
                "--labs", "01", "--jobs", "1", "--policy", policy.toString());
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
        assertThat(rows.get(0)).containsExactly("student", "01-sql-basics", "01-sql-basics late days",
                "01-sql-basics penalty", "01-sql-basics final", "total", "final");
        String max = row(rows, "Points Possible").get(1);
        assertThat(row(rows, "Points Possible")).containsExactly("Points Possible", max, "", "", "20", max, "20");
        // Full marks scaled to 20 points; ana 2 started days late: -20 % = -4; bo within grace; cy 5 days: -30 %.
        assertThat(row(rows, "ana")).containsExactly("ana", max, "2", "4", "16", max, "16");
        assertThat(row(rows, "bo")).containsExactly("bo", max, "0", "0", "20", max, "20");
        assertThat(row(rows, "cy")).containsExactly("cy", max, "5", "6", "14", max, "14");
        String page = Files.readString(tmp.resolve("out/students/ana.html"));
        assertThat(page).contains("Course grade", "2026-10-07T00:00:00Z (commit ", "−4 (20 %)", "16 / 20");
        assertThat(Files.readString(tmp.resolve("out/students/cy.html"))).contains("(newest file)");
        assertThat(tmp.resolve("out/grading.json")).hasContent(POLICY);
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
