package dev.pglabs.graders.mutation;

import dev.pglabs.graders.support.CourseGrading;
import dev.pglabs.mutation.Mutant;
import dev.pglabs.mutation.MutationAnalysis;
import dev.pglabs.mutation.MutationReport;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.StringWriter;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Mutation analysis of a real check: lab 01's "5 newest published posts", graded visible and hidden. */
class MutationAnalysisTest {

    @Test
    @DisplayName("mutants of lab 01's check 03 are graded with its own checks; ordering and LIMIT mistakes are killed")
    void latestPublished() throws Exception {
        List<String> progress = new ArrayList<>();
        MutationReport report = new MutationAnalysis(CourseGrading.session(), CourseGrading.course().lab("01"),
                progress::add).run(Optional.of("03-latest-published"));

        assertThat(report.files()).singleElement().satisfies(file -> {
            assertThat(file.file()).isEqualTo("03-latest-published.sql");
            assertThat(file.notAnalysed()).isNull();
            assertThat(file.checks()).as("found by handing the file in empty")
                    .containsExactly("03-latest-published", "03-latest-published:hidden");
            assertThat(file.mutants()).isNotEmpty();
            assertThat(file.mutants()).filteredOn(o -> o.mutant().change().equals("ORDER BY dropped")
                            || o.mutant().operator().equals("limit"))
                    .isNotEmpty()
                    .allSatisfy(o -> assertThat(o.killedBy()).as(o.mutant().change())
                            .anyMatch(id -> id.startsWith("03-latest-published")));
            assertThat(file.mutants()).extracting(o -> o.mutant().file())
                    .allSatisfy(text -> assertThat(text).doesNotContain("TODO"));
            assertThat(file.killed() + file.survivors().size() + file.equivalent()).isEqualTo(file.mutants().size());
        });
        assertThat(progress).anyMatch(line -> line.contains("mutant 1 of"));

        StringWriter json = new StringWriter();
        report.writeJson(json);
        assertThat(json.toString()).contains("\"score\"", "\"killedBy\"", "\"operator\"", "\"statement\"");
        List<String> reference = Files.readAllLines(CourseGrading.course().solutionsDir()
                .resolve("01-sql-basics/03-latest-published.sql"));
        int selectLine = 1 + reference.indexOf(reference.stream().filter(l -> l.startsWith("SELECT")).findFirst().orElseThrow());
        assertThat(report.files().get(0).mutants()).extracting(MutationReport.Outcome::mutant).extracting(Mutant::line)
                .as("the line of the statement in the reference file").containsOnly(selectLine);
    }
}
