package dev.pglabs.reports;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import dev.pglabs.classroom.ClassResult;
import dev.pglabs.classroom.ClassStatistics;
import dev.pglabs.classroom.GradeDiff;
import dev.pglabs.results.SubmissionResult;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The class reports: gradebook CSV, overview page, class summary — with hostile student names. */
class ClassReportsTest {

    @TempDir
    Path tmp;

    private static ClassResult sampleClass() {
        Map<String, SubmissionResult> students = new LinkedHashMap<>();
        students.put("alice", SampleResults.submission(1, 1, 1, 1, 1));
        students.put("=HYPERLINK(\"http://evil\",\"click\")", SampleResults.submission(0, 0, 0, 0, 0));
        students.put("  +cmd|' /C calc'!A0", SampleResults.submission(1, 0, 1, 0, 1));
        students.put("Müller, \"Bob\"\nline two", SampleResults.submission(1, 1, 0, 0, 0));
        students.put("<img src=x onerror=alert(1)>", SampleResults.submission(1, 0, 0, 0, 0));
        return SampleResults.classOf(students, "dora");
    }

    @Test
    @DisplayName("the gradebook is CSV a spreadsheet opens safely: header, points possible, student first, total last, "
            + "no formulas")
    void gradebook() throws Exception {
        StringWriter out = new StringWriter();
        GradebookCsv.write(sampleClass(), out);
        String csv = out.toString();
        assertThat(csv).startsWith("student,01-sql-basics,03-relations-joins,total,\"not graded\"\r\n\"Points Possible\",");

        CsvMapper mapper = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY);
        List<List<String>> rows;
        try (MappingIterator<List<String>> it = mapper.readerForListOf(String.class).readValues(csv)) {
            rows = it.readAll();
        }
        assertThat(rows).hasSize(8);
        assertThat(rows).allSatisfy(row -> assertThat(row).hasSize(5));
        assertThat(rows.get(1).get(0)).isEqualTo(GradebookCsv.POINTS_POSSIBLE);
        assertThat(rows.get(1).subList(1, 4)).allSatisfy(max -> assertThat(Double.parseDouble(max)).isPositive());
        assertThat(rows.get(2)).containsExactly("alice", "5", "2.5", "7.5", "");
        assertThat(rows.get(3)).containsExactly("'=HYPERLINK(\"http://evil\",\"click\")", "0", "2.5", "2.5", "");
        assertThat(rows.get(4).get(0)).as("a formula behind spaces is defused too").isEqualTo("'  +cmd|' /C calc'!A0");
        assertThat(rows.get(5).get(0)).as("quotes, commas and newlines round-trip").isEqualTo("Müller, \"Bob\"line two");
        assertThat(rows.get(7)).as("not graded: empty cells, not zeros").containsExactly("dora", "", "", "",
                "the database server went away");
        assertThat(rows.stream().skip(2).map(r -> r.get(0)))
                .noneMatch(name -> !name.isEmpty() && "=+-@".indexOf(name.charAt(0)) >= 0);
    }

    @Test
    @DisplayName("the gradebook file starts with a UTF-8 byte-order mark, so that Excel reads accented names right")
    void gradebookFileHasBom(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("gradebook.csv");
        GradebookCsv.write(sampleClass(), file);
        byte[] bytes = Files.readAllBytes(file);
        assertThat(Arrays.copyOf(bytes, 3)).containsExactly(0xEF, 0xBB, 0xBF);
        assertThat(new String(bytes, StandardCharsets.UTF_8)).contains("Müller");
    }

    @Test
    @DisplayName("the overview shows the distribution and per-check pass counts, and escapes student names")
    void overview() {
        ClassResult result = sampleClass();
        String html = ClassOverviewPage.render(result, name -> name.equals("dora") ? null : "students/x.html");
        assertThat(html).doesNotContain("<img src=x", "<b>tables")
                .contains("&lt;img src=x onerror=alert(1)&gt;", "Score distribution", "Hardest exercises",
                        "1 could not be graded", "the database server went away",
                        // check 02 of lab 01 is passed by two of the five graded students
                        "<code>02-check</code> 02 does the thing <span class=\"hidden-tag\">(hidden)</span></td><td class=\"num\">2 of 5");
    }

    @Test
    @DisplayName("class statistics: ten buckets, means over graded students only, pass counts per check")
    void statistics() {
        ClassStatistics stats = new ClassStatistics(sampleClass());
        assertThat(stats.gradedCount()).isEqualTo(5);
        assertThat(stats.max()).isEqualTo(9);
        assertThat(stats.distribution()).hasSize(10);
        assertThat(stats.distribution().stream().mapToInt(ClassStatistics.Bucket::students).sum()).isEqualTo(5);
        // totals 7.5, 2.5, 5.5, 4.5, 3.5 of 9
        assertThat(stats.distribution().get(8).students()).as("83 %").isEqualTo(1);
        assertThat(stats.median()).isEqualTo(4.5);
        ClassStatistics.CheckStats first = stats.checks().get(0);
        assertThat(first.id()).isEqualTo("01-check");
        assertThat(first.passed()).isEqualTo(4);
        assertThat(first.graded()).isEqualTo(5);
        assertThat(stats.hardest(1).get(0).passRate()).isLessThanOrEqualTo(first.passRate());
    }

    @Test
    @DisplayName("the class summary lists who could not be graded and escapes names")
    void classSummary() {
        String md = MarkdownSummary.of(sampleClass());
        assertThat(md).contains("### pglabs class run: 6 students", "1 could not be graded", "| dora | not graded |",
                "&lt;img src=x onerror=alert(1)&gt;").doesNotContain("<img");
    }

    @Test
    @DisplayName("exercises: a check and its hidden twin on one row, counted over the students who started the lab; "
            + "an untried lab is not among the hardest; who passed visible and failed hidden")
    void exercises() {
        ClassStatistics stats = new ClassStatistics(TeachingClass.result());
        ClassStatistics.ExerciseStats find = stats.exercises().get(0);
        assertThat(find.id()).isEqualTo("01-find");
        assertThat(find.attempted()).as("cy has not started lab 01, eve was not graded").isEqualTo(4);
        assertThat(find.solved()).isEqualTo(2);
        assertThat(find.visibleOnly()).isEqualTo(1);
        assertThat(find.visible().passed()).isEqualTo(3);
        assertThat(find.hidden().id()).isEqualTo("01-find:hidden");
        assertThat(find.hidden().passed()).isEqualTo(2);
        assertThat(find.visible().notStarted()).isEqualTo(1);
        assertThat(stats.exercises()).as("one row per exercise").hasSize(11);
        assertThat(stats.hardestExercises(10)).extracting(ClassStatistics.ExerciseStats::id).containsExactly("01-find");
        assertThat(stats.hardest(10)).extracting(ClassStatistics.CheckStats::id)
                .containsExactly("01-find:hidden", "01-find");
        assertThat(stats.visibleOnly()).containsExactly(
                new ClassStatistics.VisibleOnly("ben", "01-lab-number-01", List.of("01-find")));
    }

    @Test
    @DisplayName("the overview's teaching sections: hardest exercises, passed visible / failed hidden, every exercise; "
            + "the changes since the previous run when there was one")
    void teachingSections() {
        String plain = ClassOverviewPage.render(TeachingClass.result(), name -> null);
        assertThat(plain).contains("Hardest exercises", "Passed visible, failed hidden",
                        "<tr><td class=\"name\">ben</td><td>01-lab-number-01</td><td><code>01-find</code>")
                .doesNotContain("Changes since the previous run", TeachingClass.HIDDEN_DATA);
        assertThat(plain.substring(plain.indexOf("Hardest exercises"), plain.indexOf("Passed visible, failed hidden")))
                .contains("01-find").doesNotContain("01-untried");

        var previous = new ClassOverviewPage.PreviousRun("2026-11-25T10:00:00Z", "1.2.2", List.of(
                new GradeDiff.StudentChanges("<b>ben</b>", "", List.of(
                        new GradeDiff.Change("01-lab-number-01", "01-find", "failed 0/2",
                                "passed 2/2"))),
                new GradeDiff.StudentChanges("fay", "only in the old run", List.of())));
        String html = ClassOverviewPage.render(TeachingClass.result(), name -> null, List.of(),
                Optional.of(previous));
        assertThat(html).contains("<h2>Changes since the previous run</h2>", "2026-11-25T10:00:00Z",
                "2 students changed, 1 check.", "<td class=\"name\">&lt;b&gt;ben&lt;/b&gt;</td><td>01-lab-number-01</td>"
                        + "<td><code>01-find</code></td><td>failed 0/2</td><td>passed 2/2</td>",
                "<td class=\"name\">fay</td><td colspan=\"4\">only in the old run</td>").doesNotContain("<b>ben");
    }
}
