package dev.pglabs.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code grade --format junit|gradescope} and the Gradescope autograder zip, as users call them. */
class PlatformFormatsTest {

    @TempDir
    Path tmp;

    @Test
    @DisplayName("grade --format junit writes parseable JUnit XML to standard output, progress to standard error")
    void junitToStdout() throws Exception {
        Path lab = Files.createDirectories(tmp.resolve("repo/labs/01-sql-basics"));
        Files.writeString(lab.resolve("01-all-tags.sql"), "SELECT id, name FROM tags;");
        PglabsRun run = PglabsRun.of("grade", "01", "--submission", tmp.resolve("repo").toString(), "--format", "junit");
        assertThat(run.exit()).as(run.err()).isZero();
        Document xml = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(run.out().getBytes(StandardCharsets.UTF_8)));
        assertThat(xml.getDocumentElement().getElementsByTagName("testsuite").getLength()).isEqualTo(1);
        assertThat(xml.getDocumentElement().getElementsByTagName("failure").getLength()).isPositive();
        assertThat(run.err()).as("the labs/ inside the repository were found").contains("graded labs/");
    }

    @Test
    @DisplayName("grade --format gradescope writes Gradescope's results.json with the run's provenance")
    void gradescopeToFile() throws Exception {
        Path lab = Files.createDirectories(tmp.resolve("sub/01-sql-basics"));
        Files.writeString(lab.resolve("01-all-tags.sql"), "SELECT id, name FROM tags;");
        Path results = tmp.resolve("results/results.json");
        PglabsRun run = PglabsRun.of("grade", "01", "--submission", tmp.resolve("sub").toString(),
                "--format", "gradescope", "--out", results.toString());
        assertThat(run.exit()).as(run.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(results.toFile());
        assertThat(json.get("extra_data").get("score").asDouble()).isPositive();
        assertThat(json.get("tests").get(0).get("status").asText()).isEqualTo("passed");
        assertThat(json.get("extra_data").get("submissionSha256").asText()).matches("[0-9a-f]{64}");
    }

    @Test
    @DisplayName("gradescope-autograder writes a zip with executable setup.sh and run_autograder and the course, no solutions")
    void autograderZip() throws Exception {
        Path zip = tmp.resolve("autograder.zip");
        PglabsRun run = PglabsRun.of("gradescope-autograder", "01", "3", "--out", zip.toString());
        assertThat(run.exit()).as(run.err()).isZero();
        try (FileSystem fs = FileSystems.newFileSystem(URI.create("jar:" + zip.toUri()),
                Map.of("enablePosixFileAttributes", "true"))) {
            for (String script : List.of("/setup.sh", "/run_autograder")) {
                assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(fs.getPath(script))))
                        .as(script).isEqualTo("rwxr-xr-x");
                assertThat(Files.readString(fs.getPath(script))).startsWith("#!/usr/bin/env bash");
            }
            assertThat(Files.readString(fs.getPath("/pglabs-autograder.env")))
                    .contains("PGLABS_LABS=\"01 03\"", "PGLABS_LAB_FOLDERS=\"01-sql-basics 03-relations-joins\"");
            assertThat(fs.getPath("/pglabs/course.json")).isRegularFile();
            assertThat(fs.getPath("/pglabs/pom.xml")).isRegularFile();
            assertThat(fs.getPath("/pglabs/cli/src/main/java/dev/pglabs/cli/Main.java")).isRegularFile();
            assertThat(fs.getPath("/pglabs/datasets/blog")).isDirectory();
            List<String> all;
            try (Stream<Path> walk = Files.walk(fs.getPath("/"))) {
                all = walk.map(Path::toString).toList();
            }
            assertThat(all).noneMatch(p -> p.startsWith("/pglabs/solutions") || p.contains("/target/")
                    || p.contains("/src/test/") || p.contains("/."));
        }
    }
}
