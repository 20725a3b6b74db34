package dev.pglabs.notebook;

import dev.pglabs.course.Course;
import dev.pglabs.course.Lab;
import dev.pglabs.grading.GradingSession;
import dev.pglabs.submission.Submission;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A fixture notebook run on a real PostgreSQL (embedded, or DATABASE_URL) with lab 01's data: SQL and Java
 * cells, errors, time-outs, and --run then --check. No timings are asserted: the limits only need to be hit.
 */
@Tag("provider")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NotebookRunnerTest {

    /** Line numbers matter: the assertions below name README lines of this text. */
    static final String FIXTURE = """
            # Fixture

            ```sql
            SELECT id, name FROM tags ORDER BY id LIMIT 2;
            ```

            ```sql
            BEGIN;
            INSERT INTO tags (name) VALUES ('fixture') RETURNING name;
            UPDATE tags SET name = name WHERE id <= 3;
            ROLLBACK;
            SELECT NULL AS nothing, current_database() AS db;
            ```

            ```java
            int x = 6 * 7;
            System.out.println("printed " + x);
            x;
            sql("SELECT count(*) AS n FROM tags WHERE name = 'fixture'");
            ```

            ```sql
            SELECT usename FROM users;
            ```

            ```sql error
            INSERT INTO tags (id, name) VALUES (1, 'duplicate');
            ```

            ```sql skip
            DELETE FROM tags;
            ```

            ```sql
            SELECT pg_sleep(60);
            ```

            ```sql
            SELECT count(*) AS tags_left FROM tags WHERE id = 1;
            ```

            ```java
            while (true) { }
            ```

            ```java
            x + 1
            ```

            ```java
            sql("SELECT pg_sleep(60)");
            ```

            ```java
            Integer.parseInt("forty-two");
            ```

            ```java
            int a = 1
            int b = 2;
            ```

            ```java
            String s = "still"
                + " alive";
            s
            ```
            """;

    private GradingSession grading;
    private Lab lab;

    @TempDir
    Path tmp;

    @BeforeAll
    void startServer() {
        Course course = Course.locate();
        lab = course.lab("01");
        grading = GradingSession.open(course, new Submission(course.labsDir()), Optional.empty());
    }

    @AfterAll
    void stopServer() {
        grading.close();
    }

    private Notebook fixture(String text) throws Exception {
        Path file = tmp.resolve("README.md");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return NotebookParser.read(file, "README.md");
    }

    private NotebookSession open(Notebook notebook) {
        return NotebookSession.open(grading, lab, notebook, NotebookOptions.defaults().withCellTimeout(Duration.ofSeconds(1)));
    }

    @Test
    @DisplayName("every kind of cell: results, tags, Java values and output, errors with README lines, time-outs")
    void runsTheFixture() throws Exception {
        Notebook nb = fixture(FIXTURE);
        List<CellResult> r;
        try (NotebookSession session = open(nb)) {
            r = session.runAll();
        }
        assertThat(r).hasSize(14);

        assertThat(r.get(0).status()).isEqualTo(CellResult.Status.OK);
        assertThat(r.get(0).output()).isEqualTo("""
                 id | name
                ----+------------
                  1 | postgresql
                  2 | sql
                (2 rows)""");  // pgjdbc names an identity column's type "serial", which the formatter reads as text

        assertThat(r.get(1).output()).as("a result for every statement, the database name scrubbed").isEqualTo("""
                BEGIN
                 name
                ---------
                 fixture
                (1 row)

                INSERT 0 1
                UPDATE 3
                ROLLBACK
                 nothing | db
                ---------+------------
                    NULL | <database>
                (1 row)""");

        assertThat(r.get(2).status()).isEqualTo(CellResult.Status.OK);
        assertThat(r.get(2).output()).isEqualTo("""
                printed 42
                x ==> 42
                 n
                ---
                 0
                (1 row)""");

        CellResult error = r.get(3);
        assertThat(error.status()).isEqualTo(CellResult.Status.ERROR);
        assertThat(error.asExpected()).isFalse();
        assertThat(error.output()).startsWith("ERROR:  column \"usename\" does not exist\nLINE 1: SELECT usename FROM users\n               ^")
                .contains("SQLSTATE: 42703");
        assertThat(error.describe(nb)).singleElement().asString()
                .startsWith("README.md:23: ERROR: column \"usename\" does not exist (SQLSTATE 42703)");

        assertThat(r.get(4).status()).isEqualTo(CellResult.Status.ERROR);
        assertThat(r.get(4).asExpected()).as("marked error").isTrue();
        assertThat(r.get(4).output()).contains("duplicate key value violates unique constraint").contains("SQLSTATE: 23505");

        assertThat(r.get(5).status()).isEqualTo(CellResult.Status.SKIPPED);

        assertThat(r.get(6).status()).as("pg_sleep(60) with a 1 s limit").isEqualTo(CellResult.Status.TIMEOUT);
        assertThat(r.get(6).output()).isEqualTo("⧗ stopped: the cell ran longer than its time limit (1 s)");
        assertThat(r.get(6).describe(nb)).singleElement().asString().startsWith("README.md:35: the cell ran longer than 1 s");
        assertThat(r.get(7).status()).as("the next cell still runs").isEqualTo(CellResult.Status.OK);
        assertThat(r.get(7).output()).contains(" tags_left").contains("(1 row)");

        assertThat(r.get(8).status()).as("an endless loop").isEqualTo(CellResult.Status.TIMEOUT);
        assertThat(r.get(9).status()).as("the session goes on, its state kept").isEqualTo(CellResult.Status.OK);
        assertThat(r.get(9).output()).isEqualTo("$" + dollarId(r.get(9).output()) + " ==> 43");

        assertThat(r.get(10).status()).as("a Java cell blocked in JDBC").isEqualTo(CellResult.Status.TIMEOUT);

        CellResult exception = r.get(11);
        assertThat(exception.status()).isEqualTo(CellResult.Status.ERROR);
        assertThat(exception.output()).startsWith("Exception java.lang.NumberFormatException: For input string: \"forty-two\"")
                .contains("at (cell 12, line 1)");
        assertThat(exception.describe(nb)).singleElement().asString().startsWith("README.md:55: Exception java.lang.NumberFormatException");

        CellResult semicolon = r.get(12);
        assertThat(semicolon.status()).isEqualTo(CellResult.Status.ERROR);
        assertThat(semicolon.output()).contains("Hint: missing ';' at the end of line 1?");
        assertThat(semicolon.describe(nb)).anySatisfy(p -> assertThat(p).startsWith("README.md:59: missing ';'"));

        assertThat(r.get(13).status()).isEqualTo(CellResult.Status.OK);
        assertThat(r.get(13).output()).isEqualTo("s ==> \"still alive\"");
    }

    private static String dollarId(String output) {
        return output.substring(1, output.indexOf(' '));
    }

    @Test
    @DisplayName("--run records outputs, --check then passes; an altered output fails and names the cell")
    void runThenCheck() throws Exception {
        String text = """
                # Run and check

                ```sql
                SELECT name FROM tags WHERE id = 1;
                ```

                ```java
                sql("SELECT 1 + 1 AS two");
                ```

                ```sql error
                SELECT 1/0;
                ```

                ```sql
                SELECT 2 AS two;
                ```
                """;
        Notebook nb = fixture(text);
        try (NotebookSession session = open(nb)) {
            BatchModes.run(session, new java.io.PrintStream(java.io.OutputStream.nullOutputStream()));
        }
        Notebook recorded = NotebookParser.read(nb.file(), "README.md");
        assertThat(recorded.cells()).allSatisfy(c -> assertThat(c.output()).isPresent());
        assertThat(recorded.cell(3).output().get().text()).contains("ERROR:  division by zero");
        assertThat(NotebookWriter.render(recorded, java.util.Map.of())).isEqualTo(recorded.text());

        try (NotebookSession session = open(recorded)) {
            BatchModes.CheckReport report = BatchModes.check(session);
            assertThat(report.failures()).isEmpty();
            assertThat(report.cellsRun()).isEqualTo(4);
        }

        String altered = recorded.text().replace(" postgresql\n", " mysql\n");
        Notebook changed = fixture(altered);
        String withoutLast = altered.substring(0, changed.cell(4).output().get().start());
        Notebook missing = fixture(withoutLast.stripTrailing() + "\n");
        try (NotebookSession session = open(missing)) {
            BatchModes.CheckReport report = BatchModes.check(session);
            assertThat(report.passed()).isFalse();
            assertThat(report.failures()).hasSize(2);
            assertThat(report.failures().get(0)).startsWith("README.md:3 (cell 1, sql): output differs")
                    .contains("- mysql").contains("+ postgresql");
            assertThat(report.failures().get(1)).startsWith("README.md:").contains("(cell 4, sql): no recorded output");
        }
    }

    @Test
    @DisplayName("interactive: Enter runs a cell, e edits it, r opens the REPL (SQL and Java), q quits")
    void interactive() throws Exception {
        Notebook nb = fixture("""
                # Interactive

                Some prose.

                ```sql
                SELECT 1 AS first;
                ```

                ```sql
                SELECT 2 AS second;
                ```

                ```sql
                SELECT 3 AS third;
                ```
                """);
        String typed = String.join("\n", "", "e", "SELECT 20 AS edited;", ".", "r",
                "SELECT 7", "AS seven;", "\\java", "int y = 5 * 5;", "y + 1", "\\bogus", "\\q", "q") + "\n";
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        java.io.PrintStream out = new java.io.PrintStream(bytes, true, StandardCharsets.UTF_8);
        java.io.BufferedReader reader = new java.io.BufferedReader(new java.io.StringReader(typed));
        try (NotebookSession session = open(nb)) {
            new InteractiveMode(session, LineInput.plain(reader, out), out, false).run();
        }
        String text = bytes.toString(StandardCharsets.UTF_8);
        assertThat(text).contains("Some prose.", "── cell 1/3 · sql · README.md:5", " first", "Type the new code",
                " edited", "REPL: SQL or Java", " seven", "==> 26", "Unknown command \\bogus",
                "── cell 3/3");
        assertThat(text).doesNotContain(" second\n").doesNotContain(" third\n").doesNotContain("\u001b");
        assertThat(reader.readLine()).isNull();
    }

    @Test
    @DisplayName("on a terminal: prose rendered and paged, e edits the cell pre-filled, an error then retry, edit,"
            + " back and skip")
    void terminal() throws Exception {
        Notebook nb = fixture("""
                # Terminal **lesson**

                Prose with `code` and a table:

                | a | b |
                |---|---|
                | 1 | 2 |

                - item 1
                - item 2
                - item 3
                - item 4
                - item 5
                - item 6
                - item 7
                - item 8
                - item 9
                - item 10
                - item 11
                - item 12
                - item 13
                - item 14
                - item 15
                - item 16
                - item 17
                - item 18
                - item 19
                - item 20
                - item 21
                - item 22
                - item 23
                - item 24
                - item 25
                - item 26
                - item 27
                - item 28
                - item 29
                - item 30

                ## Second section

                More prose.

                ```sql
                SELECT 2 AS second;
                ```

                ```sql
                SELECT usename FROM users;
                ```

                ```sql
                SELECT nothing_here;
                ```

                ```sql
                SELECT 4 AS fourth;
                ```
                """);
        try (NotebookSession session = open(nb);
             TerminalDriver tty = new TerminalDriver((input, out) -> new InteractiveMode(session, input, out,
                     input.ansi()).run())) {
            // 24 rows: the first section (heading, table, 30 items) is shown a screenful at a time.
            String first = tty.await(InteractiveMode.MORE);
            assertThat(first).contains("\u001b[1;4mTerminal", "\u001b[36mcode")
                    .doesNotContain("**", "`", "|---|", "item 30", "More prose.");
            assertThat(first.replaceAll("\u001b\\[[0-9;]*m", "").replace("\r", ""))
                    .contains("┌───┬───┐", "│ 1 │ 2 │", "item 1\n");
            tty.type(" ");
            assertThat(tty.await(InteractiveMode.MORE)).contains("item 30").doesNotContain("More prose.");
            tty.type(" ");
            tty.await("More prose.");
            tty.await(InteractiveMode.KEYS);

            tty.type("e\r");
            tty.await("SELECT 2 AS second;");  // in the line editor, ready to change
            tty.type("\u007f".repeat("second;".length()) + "edited;\r");
            assertThat(tty.await("(1 row)").replace("\r", "")).contains(" edited").doesNotContain(" second\n");
            tty.await("── cell 2/4");

            tty.type("\r");
            tty.await("column \"usename\" does not exist");
            tty.await(InteractiveMode.ERROR_KEYS);
            tty.type("\r");  // retry: the same error again
            tty.await("column \"usename\" does not exist");
            tty.await(InteractiveMode.ERROR_KEYS);
            tty.type("e\r");
            tty.await("SELECT usename FROM users;");
            tty.type("\u0001\u000b" + "SELECT username FROM users ORDER BY id LIMIT 1;\r");  // Ctrl-A, Ctrl-K
            assertThat(tty.await("(1 row)")).contains(" username");
            tty.await("── cell 3/4");

            tty.type("\r");
            tty.await(InteractiveMode.ERROR_KEYS);
            tty.type("b\r");
            tty.await("── cell 2/4");
            tty.await(InteractiveMode.KEYS);
            tty.type("s\r");
            tty.await("── cell 3/4");
            tty.type("s\r");
            tty.await("── cell 4/4");
            tty.type("q\r");
            tty.awaitEnd();
        }
    }

    @Test
    @DisplayName("a Java lab: the REPL starts in Java and sees the student's classes, compiled again when a file"
            + " changes; a compile error is explained, not a crash")
    void studentClasses() throws Exception {
        Path submission = tmp.resolve("submission");
        Path source = greeter(submission);
        // Each version differs in size too: a rewrite within the file system's time resolution is still seen.
        String greeter = "package app.db;\npublic class Greeter { public static String hi() { return %s; } }\n";
        Files.writeString(source, greeter.formatted("\"v1\""));
        Notebook nb = fixture("""
                # Java lab

                ```java
                app.db.Greeter.hi()
                ```
                """);
        GradingSession javaLab = new GradingSession(Course.locate(), new Submission(submission), grading.farm(),
                false);
        try (NotebookSession session = NotebookSession.open(javaLab, lab, nb,
                NotebookOptions.defaults().withCellTimeout(Duration.ofSeconds(30)))) {
            assertThat(session.javaLab()).isTrue();
            CellResult first = session.run(nb.cell(1));
            assertThat(first.output()).contains("\"v1\"");

            Files.writeString(source, greeter.formatted("\"v2, a longer answer\""));
            CellResult second = session.run(nb.cell(1));
            assertThat(second.output()).contains("compiled again", "\"v2, a longer answer\"");

            Files.writeString(source, greeter.formatted("42"));  // an int where a String is returned
            CellResult broken = session.run(nb.cell(1));
            assertThat(broken.output()).contains("cannot be used in the notebook until this is fixed", "Greeter.java");

            java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
            java.io.PrintStream out = new java.io.PrintStream(bytes, true, StandardCharsets.UTF_8);
            new Repl(session, LineInput.plain(new java.io.BufferedReader(new java.io.StringReader("\\q\n")), out),
                    out, new CellView(out, false)).run();
            assertThat(bytes.toString(StandardCharsets.UTF_8)).contains("java> ");
        }
    }

    @Test
    @DisplayName("pglabs jshell in a Java lab: the student's classes are on jshell's class path, and a class that "
            + "does not compile is said once, with jshell still open")
    void jshellSeesStudentClasses() throws Exception {
        Path submission = tmp.resolve("jshell-submission");
        Path source = greeter(submission);
        Files.writeString(source, "package app.db;\npublic class Greeter { public static String hi() { "
                + "return \"hello from " + "your class\"; } }\n");
        GradingSession javaLab = new GradingSession(Course.locate(), new Submission(submission), grading.farm(),
                false);
        Notebook nb = fixture("# Java lab\n\n```java\nint x = 1;\n```\n");
        try (NotebookSession session = NotebookSession.open(javaLab, lab, nb,
                NotebookOptions.defaults().withCellTimeout(Duration.ofSeconds(30)))) {
            assertThat(jshell(session, "app.db.Greeter.hi()\n/exit\n"))
                    .contains("are on the class path", "hello from your class");

            Files.writeString(source, "package app.db;\npublic class Greeter { public static int hi() { "
                    + "return \"not an int\"; } }\n");
            assertThat(jshell(session, "1 + 1\n/exit\n"))
                    .contains("cannot be used", "Greeter.java", "==> 2")
                    .doesNotContain("are on the class path");
        }
    }

    @Test
    @DisplayName("an Ebean lab: an entity declared in a cell is enhanced as it loads, and Ebean reads the table "
            + "through it (in pglabs jshell too); endpoint(…) of a service the lab does not have says so")
    void cellEntitiesAreEnhanced() throws Exception {
        Path submission = tmp.resolve("ebean-submission");
        Files.writeString(greeter(submission), "package app.db;\npublic class Greeter { }\n");
        Files.writeString(submission.resolve(lab.folder()).resolve("pom.xml"),
                "<project><dependencies><dependency><groupId>io.ebean</groupId></dependency></dependencies></project>\n");
        Notebook nb = fixture("""
                # Ebean lab

                ```java
                import jakarta.persistence.*;

                @Entity
                @Table(name = "tags")
                public class Tag {
                    @Id
                    Integer id;
                    String name;
                    public String getName() { return name; }
                }
                io.ebean.Database db = io.ebean.Database.builder().name("cells").dataSource(dataSource())
                        .register(false).defaultDatabase(false).ddlGenerate(false).ddlRun(false)
                        .loadModuleInfo(false).addClass(Tag.class).build();
                System.out.println("enhanced: " + (new Tag() instanceof io.ebean.bean.EntityBean));
                System.out.println("first tag: " + db.find(Tag.class).orderBy("id").setMaxRows(1).findOne().getName());
                ```

                ```java
                endpoint("dynamodb")
                ```
                """);
        GradingSession javaLab = new GradingSession(Course.locate(), new Submission(submission), grading.farm(),
                false);
        try (NotebookSession session = NotebookSession.open(javaLab, lab, nb,
                NotebookOptions.defaults().withCellTimeout(Duration.ofSeconds(60)))) {
            CellResult entity = session.run(nb.cell(1));
            assertThat(entity.status()).as(entity.output()).isEqualTo(CellResult.Status.OK);
            assertThat(entity.output()).contains("enhanced: true", "first tag: ");

            CellResult endpoint = session.run(nb.cell(2));
            assertThat(endpoint.status()).isEqualTo(CellResult.Status.ERROR);
            assertThat(endpoint.output()).contains("This lab has no service called \"dynamodb\"")
                    .doesNotContain("Exception");

            // pglabs jshell enhances them too.
            assertThat(jshell(session, "import jakarta.persistence.*;\n@Entity class Mark { @Id Integer id; }\n"
                    + "new Mark() instanceof io.ebean.bean.EntityBean\n/exit\n")).contains("==> true");
        }
    }

    /** Where a Java-lab submission keeps its class app.db.Greeter (the folders made). */
    private Path greeter(Path submission) throws IOException {
        Path source = submission.resolve(lab.folder()).resolve("src/main/java/app/db/Greeter.java");
        Files.createDirectories(source.getParent());
        return source;
    }

    private static String jshell(NotebookSession session, String typed) throws Exception {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        java.io.PrintStream out = new java.io.PrintStream(bytes, true, StandardCharsets.UTF_8);
        JShellLauncher.start(session, out, jdk.jshell.tool.JavaShellToolBuilder.builder()
                .in(new java.io.ByteArrayInputStream(typed.getBytes(StandardCharsets.UTF_8)), null)
                .out(out).persistence(new java.util.HashMap<>()).interactiveTerminal(false));
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
