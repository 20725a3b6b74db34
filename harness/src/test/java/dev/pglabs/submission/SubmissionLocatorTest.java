package dev.pglabs.submission;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SubmissionLocatorTest {

    private static final List<String> LABS = List.of("01-sql-basics", "03-relations-joins");

    @TempDir
    Path tmp;

    @Test
    @DisplayName("a copy of labs/ is graded as it is")
    void labsCopy() throws Exception {
        Files.createDirectories(tmp.resolve("alice/03-relations-joins"));
        SubmissionLocator.Located located = SubmissionLocator.locate(tmp.resolve("alice"), LABS);
        assertThat(located.root()).isEqualTo(tmp.resolve("alice"));
        assertThat(located.note()).isEmpty();
    }

    @Test
    @DisplayName("in a clone of the whole repository, labs/ is found, not solutions/")
    void repositoryClone() throws Exception {
        Files.createDirectories(tmp.resolve("bob/pglabs/solutions/01-sql-basics"));
        Files.createDirectories(tmp.resolve("bob/pglabs/labs/01-sql-basics"));
        Files.createDirectories(tmp.resolve("bob/pglabs/.git/01-sql-basics"));
        SubmissionLocator.Located located = SubmissionLocator.locate(tmp.resolve("bob"), LABS);
        assertThat(located.root()).isEqualTo(tmp.resolve("bob/pglabs/labs"));
        assertThat(located.note()).isEqualTo("graded pglabs/labs/");
        assertThat(located.found()).isTrue();
    }

    @Test
    @DisplayName("a single lab folder is graded as that lab; a folder without labs says so")
    void singleLabAndNothing() throws Exception {
        Path lab = Files.createDirectories(tmp.resolve("01-sql-basics"));
        assertThat(SubmissionLocator.locate(lab, LABS).root()).isEqualTo(lab);
        Path empty = Files.createDirectories(tmp.resolve("carol/src"));
        SubmissionLocator.Located none = SubmissionLocator.locate(empty.getParent(), LABS);
        assertThat(none.found()).isFalse();
        assertThat(none.note()).contains("no lab folders found");
    }

    @Test
    @DisplayName("links are not followed while searching")
    void noLinks() throws Exception {
        Files.createDirectories(tmp.resolve("elsewhere/labs/01-sql-basics"));
        Files.createDirectories(tmp.resolve("dave"));
        Files.createSymbolicLink(tmp.resolve("dave/labs"), tmp.resolve("elsewhere/labs"));
        assertThat(SubmissionLocator.locate(tmp.resolve("dave"), LABS).found()).isFalse();
    }
}
