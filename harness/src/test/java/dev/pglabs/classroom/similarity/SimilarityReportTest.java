package dev.pglabs.classroom.similarity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pglabs.classroom.ClassRoster;
import dev.pglabs.course.Course;
import dev.pglabs.course.Lab;
import dev.pglabs.reports.SimilarityPage;
import dev.pglabs.submission.LabFiles;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A small synthetic class, written in the layout grade-class reads, with copies, common answers and bad files. */
class SimilarityReportTest {

    private static final String LAB = "01-demo";
    private static final Map<String, String> STARTERS = Map.of(
            "01-all-tags.sql", "-- Exercise 01: every tag name\n-- TODO: write your query here\n",
            "02-posts-with-authors.sql", "-- Exercise 02: published posts and authors\n-- TODO: write your query here\n",
            "03-busy-commenters.sql", "-- Exercise 03: users with many comments\n-- TODO: write your query here\n",
            "04-view.sql", "-- Exercise 04: finish the view\nCREATE VIEW recent AS SELECT id FROM posts;\n"
                    + "-- TODO: write your query here\n");

    @TempDir
    static Path root;
    static SimilarityReport report;

    @BeforeAll
    static void gradeTheClass() throws IOException {
        Path home = root.resolve("course");
        STARTERS.forEach((file, text) -> write(home.resolve("labs").resolve(LAB).resolve(file), text));
        Path submissions = root.resolve("submissions");

        // ana wrote these; bo copied them and changed aliases, whitespace, case, comments and operand order.
        student(submissions, "ana", Map.of(
                "01-all-tags.sql", "SELECT name FROM tags ORDER BY name;",
                "02-posts-with-authors.sql", """
                        SELECT p.id, p.title, u.username
                        FROM posts p JOIN users u ON u.id = p.user_id
                        WHERE p.status = 'published' AND p.published_at IS NOT NULL
                        ORDER BY p.id;""",
                "03-busy-commenters.sql", """
                        SELECT u.username, count(*) AS comments FROM users u
                        JOIN comments c ON c.user_id = u.id
                        GROUP BY u.username HAVING count(*) >= 3 ORDER BY comments DESC, u.username;""",
                "04-view.sql", STARTERS.get("04-view.sql") + "SELECT r.id FROM recent r WHERE r.id > 10 AND r.id < 100;"));
        student(submissions, "bo", Map.of(
                "01-all-tags.sql", "select NAME from TAGS order by NAME",
                "02-posts-with-authors.sql", """
                        /* <script>alert('bo')</script> */
                        select post.id,post.title,writer.username from posts as post
                        inner join users writer on post.user_id=writer.id
                        where post.published_at is not null and 'published' = post.status order by post.id""",
                "03-busy-commenters.sql", """
                        select W.username, COUNT(*) as comments
                        from users W join comments X on W.id = X.user_id
                        group by W.username having COUNT(*) >= 3
                        order by comments desc, W.username""",
                "04-view.sql", "select v.id from recent v where v.id < 99 and v.id > 11"));
        // Independent work, all different from each other.
        student(submissions, "cy", Map.of(
                "01-all-tags.sql", "SELECT name\nFROM tags\nORDER BY name ASC;",
                "02-posts-with-authors.sql", "SELECT posts.id, posts.title, users.username FROM posts, users "
                        + "WHERE users.id = posts.user_id AND posts.status = 'published' ORDER BY 1;",
                "03-busy-commenters.sql", "SELEKT username, how many comments FROM users (((",
                "04-view.sql", "SELECT * FROM recent; -- " + "x".repeat((int) LabFiles.MAX_FILE_BYTES)));
        Map<String, String> dee = Map.of(
                "01-all-tags.sql", "SELECT name FROM tags ORDER BY name",
                "02-posts-with-authors.sql", "SELECT id, title, (SELECT username FROM users WHERE users.id = posts.user_id) "
                        + "AS username FROM posts WHERE status = 'published' ORDER BY id",
                "03-busy-commenters.sql", "WITH n AS (SELECT user_id, count(*) AS comments FROM comments GROUP BY user_id) "
                        + "SELECT username, comments FROM n JOIN users ON users.id = n.user_id WHERE comments > 2",
                "04-view.sql", "SELECT id FROM recent WHERE id BETWEEN 11 AND 99 ORDER BY id DESC LIMIT 5 OFFSET 2 garbage (((");
        student(submissions, "dee", dee);
        student(submissions, "eli", dee);  // eli handed in dee's folder, byte for byte
        student(submissions, "fay", Map.of(
                "01-all-tags.sql", "SELECT name FROM tags ORDER BY name",
                "02-posts-with-authors.sql", "SELECT p.id, p.title, u.username FROM users u RIGHT JOIN posts p "
                        + "ON p.user_id = u.id WHERE p.status IN ('published') ORDER BY p.id",
                "04-view.sql", STARTERS.get("04-view.sql")));  // the starter, untouched
        Files.write(submissions.resolve("fay").resolve(LAB).resolve("03-busy-commenters.sql"),
                new byte[] {'S', 'E', 'L', (byte) 0xC3, (byte) 0x28, ' ', '1'});  // not UTF-8
        // Two students who never started the lab: the same files, but the starter's.
        student(submissions, "gus", STARTERS);
        student(submissions, "hal", STARTERS);

        Course course = new Course(home, "demo", List.of(new Lab("01", "demo", "Demo", "", "none", Map.of(), false)));
        ClassRoster roster = ClassRoster.scan(submissions, course);
        report = SimilarityReport.of(course, course.labs(), roster.students());
    }

    @Test
    void theDisguisedCopyIsFlaggedAsAPair() {
        assertThat(report.pairs()).extracting(p -> p.first() + "+" + p.second()).contains("ana+bo");
        SimilarityIndex.Pair pair = report.pairs().stream().filter(p -> p.first().equals("ana")).findFirst().orElseThrow();
        assertThat(pair.shared()).extracting(s -> s.exercise().file())
                .containsExactlyInAnyOrder("02-posts-with-authors.sql", "03-busy-commenters.sql", "04-view.sql");
        assertThat(pair.score()).isGreaterThanOrEqualTo(SimilarityIndex.THRESHOLD);
        assertThat(report.clusters()).contains(List.of("ana", "bo"));
    }

    @Test
    void theAnswerEveryoneWritesAndIndependentWorkAreNotFlagged() {
        assertThat(report.pairs()).extracting(p -> p.first() + "+" + p.second()).containsExactlyInAnyOrder("ana+bo", "dee+eli");
        assertThat(report.pairs()).flatExtracting(SimilarityIndex.Pair::shared)
                .extracting(s -> s.exercise().file()).doesNotContain("01-all-tags.sql");
    }

    @Test
    void identicalFoldersAreFoundByHashButTheUntouchedStarterIsNot() {
        assertThat(report.identical()).singleElement().satisfies(g -> {
            assertThat(g.lab()).isEqualTo(LAB);
            assertThat(g.students()).containsExactly("dee", "eli");
        });
    }

    @Test
    void unparseableAnswersAreComparedAsTokensAndBadFilesAreNotedNotFatal() {
        // dee's and eli's 04 does not parse: the copy is still seen, word by word.
        SimilarityIndex.Pair twins = report.pairs().stream().filter(p -> p.first().equals("dee")).findFirst().orElseThrow();
        assertThat(twins.shared()).anySatisfy(s -> {
            assertThat(s.exercise().file()).isEqualTo("04-view.sql");
            assertThat(s.first().parsed()).isFalse();
        });
        assertThat(report.tokenOnly()).isEqualTo(3);  // cy's 03, dee's and eli's 04
        assertThat(report.notes()).anyMatch(n -> n.startsWith("cy: ") && n.contains("04-view.sql") && n.contains("KiB"));
        assertThat(report.notes()).anyMatch(n -> n.startsWith("fay: ") && n.contains("not valid UTF-8"));
        assertThat(report.answers()).isEqualTo(6 + 6 + 5 + 4);  // the starter and unreadable files are no answers
    }

    @Test
    void thePageEscapesStudentTextAndSaysItIsAHint() throws IOException {
        String html = SimilarityPage.render(report);
        assertThat(html).doesNotContain("<script>").contains("&lt;script&gt;alert(&#39;bo&#39;)&lt;/script&gt;")
                .contains("never a penalty")
                .contains("-- (the starter&#39;s first 3 lines, unchanged, left out)\nSELECT r.id");  // ana's 04
        assertThat(html).doesNotContain("Exercise 04: finish the view");
        Path json = root.resolve("out").resolve(SimilarityReport.JSON);
        report.writeJson(json);
        JsonNode tree = new ObjectMapper().readTree(json.toFile());
        assertThat(tree.get("pairs").get(0).get("first").asText()).isIn("ana", "dee");
        assertThat(tree.get("identical").get(0).get("students").toString()).isEqualTo("[\"dee\",\"eli\"]");
        assertThat(tree.toString()).doesNotContain("alert");  // answers stay out of the JSON
    }

    private static void student(Path submissions, String name, Map<String, String> files) {
        files.forEach((file, text) -> write(submissions.resolve(name).resolve(LAB).resolve(file), text));
    }

    private static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
