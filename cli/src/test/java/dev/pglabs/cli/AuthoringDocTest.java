package dev.pglabs.cli;

import dev.pglabs.course.Course;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The commands docs/authoring.md shows work as shown: every fenced block marked {@code sh tested} runs, in order,
 * with bash in a copy of the repository (the build, the course and its tests' resources; no build output), through
 * the launcher as an author types them. The first block makes a lab with {@code new-lab}, verifies it and runs
 * {@code dev check} on it, and the second does the same for a Java lab ({@code new-lab --java}), so this is also the
 * test that both skeletons are accepted at once. It builds pglabs
 * with Maven in the copy (the launcher does), so it is the one test of its kind; the copy is deleted afterwards.
 */
@Tag("launcher")
class AuthoringDocTest {

    private static final Pattern TESTED_BLOCK = Pattern.compile("(?ms)^```sh tested\\n(.*?)^```");
    /** What the copy holds: what the launcher builds and what the commands read. */
    private static final List<String> COPIED = List.of("pom.xml", "pglabs", "course.json", "README.md", "harness",
            "graders", "cli", "labs", "solutions", "datasets", "docs");

    @Test
    @DisplayName("the sh tested blocks of docs/authoring.md (new-lab 90-demo and 91-jdbc-demo --java, verify, dev check, "
            + "notebook, golden scenarios) pass on a copy")
    void testedBlocksRun() throws IOException, InterruptedException {
        Path home = Course.locate().home();
        List<String> blocks = testedBlocks(Files.readString(home.resolve("docs/authoring.md")));
        assertThat(blocks).as("sh tested blocks in docs/authoring.md").isNotEmpty();
        assertThat(blocks.get(0)).contains("./pglabs new-lab 90-demo", "./pglabs verify 90", "./pglabs dev check");
        assertThat(blocks.get(1)).contains("./pglabs new-lab 91-jdbc-demo --java", "./pglabs verify 91",
                "./pglabs dev check");

        Path copy = Files.createTempDirectory("pglabs-authoring-");
        try {
            for (String entry : COPIED) {
                copyTree(home.resolve(entry), copy.resolve(entry));
            }
            Path log = copy.resolve("authoring-doc.log");
            ProcessBuilder bash = new ProcessBuilder("bash", "-euo", "pipefail", "-c", String.join("\n", blocks))
                    .directory(copy.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
            bash.environment().remove("PGLABS_HOME");
            int exit = bash.start().waitFor();
            String output = Files.readString(log, StandardCharsets.UTF_8);
            assertThat(exit).as("the blocks' exit status; their output:%n%s", output).isZero();
            assertThat(output).contains("Wrote lab 90-demo", "Wrote lab 91-jdbc-demo", "The course is consistent.",
                    "The course keeps all");
            // verify's table: the solution has full marks and the starter none, for each skeleton
            assertThat(output).containsPattern("90-demo +2/2 +0/2 +ok").containsPattern("91-jdbc-demo +2/2 +0/2 +ok");
            assertThat(copy.resolve("labs/90-demo/01-items-by-price.sql")).content().contains("TODO");
            assertThat(copy.resolve("labs/91-jdbc-demo/src/main/java/app/items/ItemQueries.java")).content()
                    .contains("TODO");
        } finally {
            delete(copy);
        }
    }

    static List<String> testedBlocks(String markdown) {
        List<String> blocks = new ArrayList<>();
        Matcher m = TESTED_BLOCK.matcher(markdown);
        while (m.find()) {
            blocks.add(m.group(1));
        }
        return blocks;
    }

    /** Copies a file or folder, leaving out build output and installed tools. */
    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                String rel = from.relativize(p).toString().replace('\\', '/');
                if (rel.equals("target") || rel.startsWith("target/") || rel.contains("/target/")
                        || rel.endsWith("/target") || rel.contains("node_modules")) {
                    continue;
                }
                Path target = rel.isEmpty() ? to : to.resolve(rel);
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(p, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
