package dev.pglabs.provisioning;

import dev.pglabs.comparison.CompareOptions;
import dev.pglabs.comparison.ResultComparator;
import dev.pglabs.comparison.ResultTable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Datasets as instructors have them: the plain output of {@code pg_dump} (COPY blocks, meta-commands, a schema
 * of its own, owners), scripts of many statements and CSV files, loaded into real check databases.
 */
@Tag("provider")
class DatasetFormatsTest {

    @TempDir
    static Path scripts;
    static DatabaseFarm farm;
    static Path dump;

    @BeforeAll
    static void startFarm() throws URISyntaxException {
        farm = new DatabaseFarm(TestServers.shared(), SandboxLimits.defaults());
        // Written by pg_dump 15 from a database with a schema "library" (identity columns, an index, a function,
        // a view, text with tabs, newlines and backslashes, NULL and '') and a table in public.
        dump = Path.of(DatasetFormatsTest.class.getResource("/datasets/library-dump.sql").toURI());
    }

    @AfterAll
    static void closeFarm() {
        farm.close();
    }

    private static Path write(String name, String text) throws IOException {
        return Files.writeString(scripts.resolve(name), text, StandardCharsets.UTF_8);
    }

    @Test
    @DisplayName("a pg_dump file with COPY … FROM stdin and its own schema loads, and a student's answer grades against it")
    void pgDump() {
        try (CheckDatabase db = farm.create(Dataset.of(List.of(dump)))) {
            ResultTable answer = db.student().query("SELECT a.name, count(b.id) AS books FROM library.authors a "
                    + "LEFT JOIN library.books b ON b.author_id = a.id GROUP BY a.name", "answer.sql");
            ResultTable expected;
            try (var admin = db.openAdmin(); var st = admin.createStatement();
                 var rs = st.executeQuery("SELECT name, titles AS books FROM library.prolific")) {
                expected = ResultTable.read(rs, 100);
            } catch (SQLException e) {
                throw new AssertionError(e);
            }
            assertThat(ResultComparator.compare(expected, answer, CompareOptions.unordered()).matches())
                    .as("the student's answer on the dumped data matches the reference view").isTrue();

            assertThat(db.student().query("SELECT notes FROM library.books ORDER BY id", "notes.sql").rows())
                    .as("COPY's escapes: tab, newline, backslash, NULL and the empty string survive")
                    .containsExactly(Arrays.asList("tab\there; and a\nnewline"), Arrays.asList((Object) null),
                            Arrays.asList("back\\\\slash \\. not the end"), Arrays.asList(""));
            assertThat(db.student().query("SELECT borrowed::text FROM loans ORDER BY borrowed", "l.sql").rows())
                    .containsExactly(List.of("2026-01-05"), List.of("2026-02-11"));
            db.student().execute("INSERT INTO library.authors (name) VALUES ('N. K. Jemisin')", "insert.sql");
            assertThat(db.student().query("SELECT max(id)::text FROM library.authors", "id.sql").rows())
                    .as("the identity sequence continues after the dumped rows").containsExactly(List.of("4"));
        }
    }

    @Test
    @DisplayName("a dataset schema is readable and writable by the student; only owning tables lets it create there")
    void schemaRights() {
        try (CheckDatabase db = farm.create(Dataset.of(List.of(dump)))) {
            db.student().execute("UPDATE library.books SET notes = 'read' WHERE id = 2", "u.sql");
            assertThatThrownBy(() -> db.student().execute("CREATE TABLE library.mine (id int)", "c.sql"))
                    .isInstanceOfSatisfying(StudentSqlException.class, e -> assertThat(e.sqlState()).isEqualTo("42501"));
        }
        try (CheckDatabase db = farm.create(new Dataset(List.of(dump), true))) {
            db.student().execute("CREATE INDEX books_title ON library.books (title)", "i.sql");
            db.student().execute("CREATE TABLE library.mine (id int)", "c.sql");
        }
    }

    @Test
    @DisplayName("the next file of a dataset starts with default settings, though the dump emptied search_path")
    void settingsReset() throws IOException {
        Path after = write("after-dump.sql", "CREATE TABLE extra (id int); INSERT INTO extra VALUES (1), (2);");
        try (CheckDatabase db = farm.create(Dataset.of(List.of(dump, after)))) {
            assertThat(db.student().query("SELECT count(*)::text FROM public.extra", "q.sql").rows())
                    .containsExactly(List.of("2"));
        }
    }

    @Test
    @DisplayName("a line that looks like COPY or a meta-command inside a string or a function body is SQL, not a directive")
    void directivesOnlyBetweenStatements() throws IOException {
        Path script = write("tricky.sql", String.join("\n",
                "\uFEFF-- a script of many statements, with a byte-order mark",
                "CREATE TABLE notes (body text);",
                "INSERT INTO notes VALUES ('first line",
                "\\connect not a command",
                "COPY notes FROM stdin;",
                "last line');",
                "CREATE FUNCTION two() RETURNS int LANGUAGE sql AS $$",
                "SELECT 2;",
                "$$;",
                "COPY notes (body) FROM stdin;",
                "from a COPY block",
                "\\.",
                "INSERT INTO notes SELECT 'after ' || two();",
                ""));
        try (CheckDatabase db = farm.create(Dataset.of(List.of(script)))) {
            assertThat(db.student().query("SELECT body FROM notes", "q.sql").rows()).containsExactly(
                    List.of("first line\n\\connect not a command\nCOPY notes FROM stdin;\nlast line"),
                    List.of("from a COPY block"), List.of("after 2"));
        }
    }

    @Test
    @DisplayName("psql-only parts a dataset cannot hold fail the template with the line and the fix")
    void refusals() throws IOException {
        Path connect = write("connect.sql", "CREATE TABLE a (id int);\n\\connect other\nCREATE TABLE b (id int);\n");
        assertThatThrownBy(() -> farm.create(Dataset.of(List.of(connect))).close())
                .isInstanceOf(ProvisioningException.class)
                .hasMessageContaining("connect.sql").hasMessageContaining("line 2").hasMessageContaining("without --create");

        Path include = write("include.sql", "\\i other.sql\n");
        assertThatThrownBy(() -> farm.create(Dataset.of(List.of(include))).close())
                .isInstanceOf(ProvisioningException.class)
                .hasMessageContaining("line 1").hasMessageContaining("\\i").hasMessageContaining("not psql");

        Path unterminated = write("unterminated.sql", "CREATE TABLE t (id int);\nCOPY t FROM stdin;\n1\n2\n");
        assertThatThrownBy(() -> farm.create(Dataset.of(List.of(unterminated))).close())
                .isInstanceOf(ProvisioningException.class)
                .hasMessageContaining("line 2").hasMessageContaining("no end marker");

        Path badRow = write("badrow.sql", "CREATE TABLE t (id int);\n\nCOPY t FROM stdin;\n1\nnot a number\n\\.\n");
        assertThatThrownBy(() -> farm.create(Dataset.of(List.of(badRow))).close())
                .isInstanceOf(ProvisioningException.class)
                .hasMessageContaining("COPY data of line 3").hasMessageContaining("not a number");

        Path latin1 = scripts.resolve("latin1.sql");
        Files.write(latin1, "INSERT INTO t VALUES ('Jos\u00e9');".getBytes(StandardCharsets.ISO_8859_1));
        assertThatThrownBy(() -> farm.create(Dataset.of(List.of(latin1))).close())
                .isInstanceOf(ProvisioningException.class)
                .hasMessageContaining("latin1.sql is not UTF-8");
    }

    @Test
    @DisplayName("a failing statement of a long script names its line")
    void statementLine() throws IOException {
        Path script = write("lines.sql", "CREATE TABLE t (id int);\n\n-- comment\nINSERT INTO t VALUES (1);\n"
                + "INSERT INTO missing VALUES (2);\n");
        assertThatThrownBy(() -> farm.create(Dataset.of(List.of(script))).close())
                .isInstanceOf(ProvisioningException.class)
                .hasMessageContaining("lines.sql").hasMessageContaining("line 5").hasMessageContaining("missing");
    }
}
