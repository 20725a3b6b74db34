package dev.pglabs.submission;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SubmissionHashTest {

    @TempDir
    Path tmp;

    private Path labs(String name, String answer) throws Exception {
        Path lab = Files.createDirectories(tmp.resolve(name).resolve("01-sql-basics"));
        Files.writeString(lab.resolve("01-all-tags.sql"), answer);
        Files.createDirectories(lab.resolve("notes"));
        Files.writeString(lab.resolve("notes/todo.txt"), "later");
        return tmp.resolve(name);
    }

    private static String hash(Path root, String... labs) {
        return SubmissionHash.of(new Submission(root), List.of(labs));
    }

    @Test
    @DisplayName("the same files give the same hash; any change to a graded file changes it")
    void sameFilesSameHash() throws Exception {
        String a = hash(labs("a", "SELECT * FROM tags;"), "01-sql-basics");
        assertThat(a).hasSize(64).matches("[0-9a-f]+");
        assertThat(hash(labs("b", "SELECT * FROM tags;"), "01-sql-basics")).as("another folder, same files").isEqualTo(a);
        assertThat(hash(labs("c", "SELECT * FROM tags; "), "01-sql-basics")).isNotEqualTo(a);
        Files.writeString(tmp.resolve("b/01-sql-basics/extra.sql"), "");
        assertThat(hash(tmp.resolve("b"), "01-sql-basics")).as("an added empty file counts").isNotEqualTo(a);
    }

    @Test
    @DisplayName("only the graded labs count, and a lab handed in on its own hashes like the same lab inside labs/")
    void gradedLabsOnly() throws Exception {
        Path root = labs("a", "SELECT 1;");
        String before = hash(root, "01-sql-basics", "03-relations-joins");
        Files.createDirectories(root.resolve("02-schema-design"));
        Files.writeString(root.resolve("02-schema-design/x.sql"), "changed");
        assertThat(hash(root, "01-sql-basics", "03-relations-joins")).isEqualTo(before);
        assertThat(hash(root.resolve("01-sql-basics"), "01-sql-basics")).isEqualTo(hash(root, "01-sql-basics"));
    }

    @Test
    @DisplayName("links are hashed as links, never followed")
    void linksNotFollowed() throws Exception {
        Path outside = Files.writeString(tmp.resolve("secret.txt"), "one");
        Path root = labs("a", "SELECT 1;");
        Files.createSymbolicLink(root.resolve("01-sql-basics/link.sql"), outside);
        String before = hash(root, "01-sql-basics");
        Files.writeString(outside, "two");
        assertThat(hash(root, "01-sql-basics")).isEqualTo(before);
    }
}
