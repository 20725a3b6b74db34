package dev.pglabs.grading;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class StarterFilesTest {

    @TempDir
    Path tmp;

    @Test
    @DisplayName("a missing lab folder, or one that holds exactly the starter's files, is not started")
    void untouched() throws Exception {
        Path starter = Files.createDirectories(tmp.resolve("course/labs/01-sql-basics"));
        Files.writeString(starter.resolve("01-all-tags.sql"), "-- TODO: write your query here\n");
        Files.writeString(starter.resolve("README.md"), "# Lab\n");
        Path copy = Files.createDirectories(tmp.resolve("alice/01-sql-basics"));
        Files.writeString(copy.resolve("01-all-tags.sql"), "-- TODO: write your query here\n");
        Files.createDirectories(copy.resolve("target"));
        Files.writeString(copy.resolve("target/out.txt"), "build output is ignored");

        assertThat(StarterFiles.untouched(starter, tmp.resolve("bob/01-sql-basics"))).isTrue();
        assertThat(StarterFiles.untouched(starter, copy)).isTrue();
        assertThat(StarterFiles.untouched(starter, starter)).as("the same folder: nothing to compare with").isFalse();

        Files.writeString(copy.resolve("01-all-tags.sql"), "SELECT 1;\n");
        assertThat(StarterFiles.untouched(starter, copy)).as("an edited file").isFalse();
        Files.writeString(copy.resolve("01-all-tags.sql"), "-- TODO: write your query here\n");
        Files.writeString(copy.resolve("02-extra.sql"), "SELECT 2;\n");
        assertThat(StarterFiles.untouched(starter, copy)).as("a new file").isFalse();
    }
}
