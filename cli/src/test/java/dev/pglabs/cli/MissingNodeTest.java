package dev.pglabs.cli;

import dev.pglabs.course.Course;
import dev.pglabs.provisioning.ScratchFolders;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Lab 11's emulator is pglabs' infrastructure, not the student's work: on a machine without Node.js, grading lab 11
 * stops before anything is graded (exit 1, the reason and the fix) instead of giving the student failed checks.
 */
class MissingNodeTest {

    /** What a machine without Node.js lacks. */
    private static final Set<String> NODE = Set.of("node", "nodejs", "npm", "npx", "corepack");

    @TempDir
    Path tmp;

    @Test
    @DisplayName("without Node.js on PATH, grade 11 exits 1, says why and how to fix it, and writes no result")
    void gradeElevenWithoutNode() throws Exception {
        assumeTrue(File.separatorChar == '/', "builds a PATH of symbolic links, as on Linux and macOS");
        Path bin = pathWithout(NODE);
        try {
            gradeEleven(bin);
        } finally {
            ScratchFolders.deleteTree(bin);  // links only: JUnit's clean-up would warn about each one
        }
    }

    private void gradeEleven(Path bin) throws Exception {
        Path result = tmp.resolve("result.json");
        Course course = Course.locate();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                "-Dpglabs.home=" + course.home(), "dev.pglabs.cli.Main", "grade", "11", "--submission",
                course.solutionsDir().toString(), "--format", "json", "--out", result.toString())
                .redirectOutput(tmp.resolve("out.txt").toFile()).redirectError(tmp.resolve("err.txt").toFile());
        pb.environment().put("PATH", bin.toString());
        Process process = pb.start();
        assertThat(process.waitFor(10, TimeUnit.MINUTES)).as("pglabs finished").isTrue();
        String out = Files.readString(tmp.resolve("out.txt"), StandardCharsets.UTF_8);
        String err = Files.readString(tmp.resolve("err.txt"), StandardCharsets.UTF_8);

        assertThat(process.exitValue()).as(out + err).isEqualTo(Main.CANNOT_GRADE);
        assertThat(err).contains("lab 11 (SQL vs NoSQL) cannot be graded here", "'node' was not found",
                "Install Node.js 20 or newer", "Nothing was graded.");
        assertThat(out).as("no check was graded").doesNotContain("✗", "✓", "Score");
        assertThat(result).doesNotExist();
    }

    /** A folder of links to every program on this PATH except {@code left}: a machine without them. */
    private Path pathWithout(Set<String> left) throws IOException {
        Path bin = Files.createTempDirectory("pglabs-path-without-node-");
        List<String> dirs = new ArrayList<>(List.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)));
        for (String dir : dirs) {
            Path folder = Path.of(dir);
            if (dir.isBlank() || !Files.isDirectory(folder)) {
                continue;
            }
            try (Stream<Path> files = Files.list(folder)) {
                for (Path program : files.toList()) {
                    Path link = bin.resolve(program.getFileName().toString());
                    if (!left.contains(program.getFileName().toString()) && !Files.exists(link, LinkOption.NOFOLLOW_LINKS)) {
                        Files.createSymbolicLink(link, program);
                    }
                }
            }
        }
        return bin;
    }
}
