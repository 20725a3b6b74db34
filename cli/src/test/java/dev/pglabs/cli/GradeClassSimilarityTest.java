package dev.pglabs.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pglabs.course.Course;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code grade-class --similarity} writes similarity.html and .json beside the gradebook; without it, neither. */
class GradeClassSimilarityTest {

    @TempDir
    Path tmp;

    @Test
    void theFlagWritesThePageAndItsJsonAndNothingIsWrittenWithoutIt() throws IOException {
        Course course = Course.locate();
        Path submissions = tmp.resolve("submissions");
        Path lab = course.labsDir().resolve("01-sql-basics");
        String starter = Files.readString(lab.resolve("02-users-in-lisbon.sql"));
        // ana and bo hand in the same folder: the same answer, and a lab folder with the same hash.
        for (String name : new String[] {"ana", "bo", "cy"}) {  // the lab folder is flat: its files are the starter
            Path folder = Files.createDirectories(submissions.resolve(name).resolve("01-sql-basics"));
            try (Stream<Path> files = Files.list(lab)) {
                for (Path file : files.toList()) {
                    Files.copy(file, folder.resolve(file.getFileName().toString()));
                }
            }
        }
        for (String name : new String[] {"ana", "bo"}) {
            Files.writeString(submissions.resolve(name).resolve("01-sql-basics/02-users-in-lisbon.sql"),
                    starter + "SELECT username, email FROM users WHERE city = 'Lisbon'; -- <script>x</script>\n",
                    StandardCharsets.UTF_8);
        }

        Path with = tmp.resolve("with");
        PglabsRun run = PglabsRun.of("grade-class", submissions.toString(), "--out", with.toString(), "--labs", "01",
                "--similarity");
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("Similarity: " + with.resolve("similarity.html"));
        String html = Files.readString(with.resolve("similarity.html"));
        assertThat(html).contains("never a penalty").doesNotContain("<script>");
        JsonNode json = new ObjectMapper().readTree(with.resolve("similarity.json").toFile());
        assertThat(json.get("students").asInt()).isEqualTo(3);
        assertThat(json.get("identical").get(0).get("students").toString()).isEqualTo("[\"ana\",\"bo\"]");

        Path without = tmp.resolve("without");
        PglabsRun plain = PglabsRun.of("grade-class", submissions.toString(), "--out", without.toString(), "--labs", "01");
        assertThat(plain.exit()).as(plain.err()).isZero();
        assertThat(without.resolve("gradebook.csv")).exists();
        assertThat(without.resolve("similarity.html")).doesNotExist();
        assertThat(without.resolve("similarity.json")).doesNotExist();
        assertThat(plain.out()).doesNotContain("Similarity");
    }
}
