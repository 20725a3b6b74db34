package dev.pglabs.authoring;

import dev.pglabs.course.Course;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The requirements rule and the statements it finds, on a fixture course of one lab (90-demo, graded by
 * {@link FixtureChecks}): a complete map passes, and each way a map can be wrong is one finding saying where and
 * what to do.
 */
class RequirementsRuleTest {

    private static final String STARTER = """
            -- Exercise 01: items
            --
            -- Task
            --   List the items. Only items in stock
            --   count.
            --
            -- Expected result
            --   Order: price descending.
            /*
             * Write one SELECT; it must not change
             * the table!
             */
            -- TODO: write your query here
            SELECT 1; -- code, never a statement
            """;
    private static final String README = """
            # Lab 90

            The order of sections does not matter (not an exercise section).

            ## 1. Exercise 01: items

            You must list every item
            in stock. Prices are in cents.

            ```sql
            SELECT * FROM items ORDER BY price;  -- a fence: skipped
            ```

            ### Details

            Ties are broken by name, always.

            ## Common mistakes

            - Forgetting the order.

            ## Hints

            Always read the task.
            """;
    private static final String MAP = """
            {
              "lab": "90-demo",
              "requirements": [
                { "id": "01-in-stock", "says": "only items in stock",
                  "quotes": [ { "source": "labs/90-demo/01-items.sql", "text": "Only items in stock count." },
                              { "source": "labs/90-demo/README.md", "text": "You must list every item in stock." } ],
                  "checks": ["01-items-stock"], "scenarios": ["out-of-stock"] },
                { "id": "01-order", "says": "by price, descending, ties by name",
                  "quotes": [ { "source": "labs/90-demo/01-items.sql", "text": "Order: price descending." },
                              { "source": "labs/90-demo/README.md", "text": "Ties are broken by name" },
                              { "source": "labs/90-demo/README.md", "text": "- Forgetting the order." } ],
                  "checks": ["01-items", "01-items:hidden"], "scenarios": ["ascending", "no-tie-breaker"] },
                { "id": "01-read-only", "says": "the answer changes nothing",
                  "quotes": [ { "source": "labs/90-demo/01-items.sql", "text": "it must not change the table!" } ],
                  "unchecked": "the fixture has no check for it" }
              ]
            }
            """;

    @TempDir
    Path home;

    @BeforeEach
    void writeCourse() throws IOException {
        write("course.json", """
                {"title": "fixture", "labs": [{"id": "90", "slug": "demo", "title": "Demo", "teaches": "testing",
                  "grader": "dev.pglabs.authoring.FixtureChecks", "datasets": {}}]}
                """);
        write("labs/90-demo/01-items.sql", STARTER);
        write("labs/90-demo/README.md", README);
        write(golden("requirements.json"), MAP);
        write(golden("out-of-stock/expected.json"), "{\"base\": \"solutions\", \"01-items-stock\": \"failed\"}");
        write(golden("ascending/expected.json"), "{\"base\": \"solutions\", \"01-items\": \"failed\"}");
        write(golden("no-tie-breaker/expected.json"),
                "{\"base\": \"solutions\", \"01-items:hidden\": [\"error\", \"timeout\"]}");
    }

    @Test
    @DisplayName("statements: keyword sentences of starter comments (lines joined, markers dropped) and of the "
            + "README's exercise and Common mistakes sections, without fences, headings or other sections")
    void findsTheStatements() {
        assertThat(TaskStatements.of(course(), course().labs().get(0)))
                .extracting(s -> s.source().substring("labs/90-demo/".length()) + ":" + s.line() + " " + s.text())
                .containsExactly(
                        "01-items.sql:4 Only items in stock count.",
                        "01-items.sql:7 Expected result Order: price descending.",
                        "01-items.sql:10 Write one SELECT; it must not change the table!",
                        "README.md:7 You must list every item in stock.",
                        "README.md:16 Ties are broken by name, always.",
                        "README.md:20 - Forgetting the order.");
    }

    @Test
    @DisplayName("statements: a text table in a starter's comment gives one statement per row, without its header "
            + "and ruler (read as prose, the table would be one sentence from its header to its last row)")
    void tableRowsAreStatements() throws IOException {
        write("labs/90-demo/01-items.sql", """
                -- Task
                --   column  type     rules
                --   ------  -------  --------------------------
                --   name    text     required, never empty
                --   price   integer  at least 0, and only whole
                --                    cents
                --   note    text     optional
                --
                --   Use exactly these columns.
                -- TODO
                """);
        assertThat(TaskStatements.of(course(), course().labs().get(0)))
                .filteredOn(s -> s.source().endsWith("01-items.sql"))
                .extracting(s -> s.line() + " " + s.text())
                .containsExactly(
                        "4 name text required, never empty",
                        "5 price integer at least 0, and only whole cents",
                        "9 Use exactly these columns.");
    }

    @Test
    @DisplayName("a complete map, proven by its scenarios (a check a scenario does not name passed), has no finding")
    void completeMapPasses() {
        assertThat(new RequirementsRule().check(course())).isEmpty();
    }

    @Test
    @DisplayName("a lab without a map: the map's path and how to start one")
    void missingMap() throws IOException {
        Files.delete(home.resolve(golden("requirements.json")));
        Finding f = only();
        assertThat(f.where()).isEqualTo(golden("requirements.json"));
        assertThat(f.fix()).contains("\"requirements\": []");
    }

    @Test
    @DisplayName("a statement no entry quotes: its file and line, its text, and what to add")
    void unmappedStatement() throws IOException {
        replaceInMap("\"text\": \"Order: price descending.\"", "\"text\": \"Write one SELECT\"");
        Finding f = only();
        assertThat(f.where()).isEqualTo("labs/90-demo/01-items.sql:7");
        assertThat(f.problem()).contains("Expected result Order: price descending.");
        assertThat(f.fix()).contains(golden("requirements.json"), "\"source\": \"labs/90-demo/01-items.sql\"",
                "\"checks\"", "\"scenarios\"", "\"unchecked\"", "\"todo\"");
        assertThat(f.warning()).isFalse();
    }

    @Test
    @DisplayName("a quote the file does not hold, and one of a file outside the lab")
    void quotesMustBeInTheLabsFiles() throws IOException {
        replaceInMap("Only items in stock count.", "Only items in stock are counted.");
        replaceInMap("\"source\": \"labs/90-demo/README.md\", \"text\": \"You", "\"source\": \"course.json\", \"text\": \"You");
        List<Finding> found = new RequirementsRule().check(course());
        assertThat(found).extracting(Finding::problem).anySatisfy(p -> assertThat(p).contains(
                        "text not found in labs/90-demo/01-items.sql", "Only items in stock are counted."))
                .anySatisfy(p -> assertThat(p).contains("\"course.json\", which is not a file under labs/90-demo/"))
                .anySatisfy(p -> assertThat(p).startsWith("no requirement quotes this task statement"));
        assertThat(found.get(0).where()).startsWith(golden("requirements.json") + ":");
    }

    @Test
    @DisplayName("a check that is not the lab's, a scenario that does not exist, a check no scenario fails")
    void checksAndScenariosAreProven() throws IOException {
        replaceInMap("\"checks\": [\"01-items-stock\"]", "\"checks\": [\"01-items-stock\", \"01-items-stock:hidden\"]");
        replaceInMap("\"scenarios\": [\"ascending\", \"no-tie-breaker\"]", "\"scenarios\": [\"ascending\", \"nope\"]");
        assertThat(new RequirementsRule().check(course())).extracting(Finding::problem).containsExactlyInAnyOrder(
                "requirement \"01-in-stock\" names \"01-items-stock:hidden\", which is not a check of lab 90-demo",
                "no scenario of requirement \"01-in-stock\" makes \"01-items-stock:hidden\" fail",
                "requirement \"01-order\" names the scenario \"nope\", which graders/src/test/resources/golden/90-demo "
                        + "does not hold (no <scenario>/expected.json)");
    }

    @Test
    @DisplayName("a scenario that leaves every check of its entry passing (absent from expected.json = passed)")
    void scenarioMustFailACheck() throws IOException {
        replaceInMap("\"scenarios\": [\"out-of-stock\"]", "\"scenarios\": [\"out-of-stock\", \"ascending\"]");
        assertThat(only().problem()).isEqualTo(
                "the scenario \"ascending\" of requirement \"01-in-stock\" makes none of its checks fail");
    }

    @Test
    @DisplayName("unchecked needs a reason and no checks; ids are unique; unknown fields are named")
    void entryShape() throws IOException {
        replaceInMap("\"unchecked\": \"the fixture has no check for it\"", "\"unchecked\": \" \", \"checks\": []");
        replaceInMap("\"id\": \"01-order\"", "\"id\": \"01-in-stock\", \"scenario\": \"x\"");
        assertThat(new RequirementsRule().check(course())).extracting(Finding::problem).containsExactlyInAnyOrder(
                "requirement \"01-read-only\" is unchecked without a reason",
                "requirement \"01-read-only\" is unchecked but lists checks or scenarios",
                "two requirements have the id \"01-in-stock\"",
                "requirement \"01-in-stock\" has an unknown field \"scenario\"");
    }

    @Test
    @DisplayName("a todo statement is a warning where it is written (with its why), not an error; a todo without why is an error and maps nothing")
    void todoIsAWarning() throws IOException {
        replaceInMap("\"source\": \"labs/90-demo/01-items.sql\", \"text\": \"it must not change the table!\"",
                "\"source\": \"labs/90-demo/README.md\", \"text\": \"Prices are in cents.\"");
        replaceInMap("\n  ]\n}", "\n  ],\n  \"todo\": [ { \"source\": \"labs/90-demo/01-items.sql\", "
                + "\"text\": \"it must not change the table\", \"why\": \"needs a check of the table\" } ]\n}");
        Finding f = only();
        assertThat(f.warning()).isTrue();
        assertThat(f.where()).isEqualTo("labs/90-demo/01-items.sql:10");
        assertThat(f.toString()).contains(": warning: task statement not mapped yet", "needs a check of the table");

        replaceInMap("\"why\": \"needs a check of the table\"", "\"why\": \"\"");
        List<Finding> found = new RequirementsRule().check(course());
        assertThat(found).extracting(Finding::warning).containsOnly(false);
        assertThat(found).extracting(Finding::problem).contains("todo 1 of the requirement map has no \"why\"")
                .anySatisfy(p -> assertThat(p).startsWith("no requirement quotes this task statement"));
    }

    @Test
    @DisplayName("check-method-names: a method named after another exercise than its check id's")
    void checkMethodNames() {
        List<Finding> found = new CheckMethodNamesRule().check(course());
        assertThat(found).hasSize(1);
        assertThat(found.get(0).problem()).isEqualTo(
                "FixtureChecks.e03_total checks \"02-total\" but its name does not start with e02_");
        assertThat(found.get(0).fix()).contains("e02_…", "e02a_…");
    }

    private Course course() {
        return Course.load(home);
    }

    private Finding only() {
        List<Finding> found = new RequirementsRule().check(course());
        assertThat(found).as("findings").hasSize(1);
        return found.get(0);
    }

    private static String golden(String file) {
        return "graders/src/test/resources/golden/90-demo/" + file;
    }

    private void write(String file, String text) throws IOException {
        Path path = home.resolve(file);
        Files.createDirectories(path.getParent());
        Files.writeString(path, text);
    }

    private void replaceInMap(String from, String to) throws IOException {
        Path map = home.resolve(golden("requirements.json"));
        String text = Files.readString(map);
        assertThat(text).contains(from);
        Files.writeString(map, text.replace(from, to));
    }
}
