package dev.pglabs.submission;

import dev.pglabs.results.CheckStatus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LabFilesTest {

    @TempDir
    Path root;
    LabFiles lab;

    @BeforeEach
    void setUp() throws Exception {
        Files.createDirectories(root.resolve("labs/01-x"));
        lab = new Submission(root.resolve("labs")).lab("01-x");
    }

    private void write(String name, byte[] bytes) throws Exception {
        Files.write(root.resolve("labs/01-x").resolve(name), bytes);
    }

    private void write(String name, String text) throws Exception {
        write(name, text.getBytes(StandardCharsets.UTF_8));
    }

    private static void assertProblem(Runnable read, CheckStatus status, String... phrases) {
        assertThatThrownBy(read::run).isInstanceOfSatisfying(SubmissionProblem.class, p -> {
            assertThat(p.status()).isEqualTo(status);
            assertThat(p.getMessage()).contains(phrases);
        });
    }

    @Test
    @DisplayName("reads an answer and strips a UTF-8 byte order mark")
    void readsAnswer() throws Exception {
        write("a.sql", new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 'S', 'E', 'L', 'E', 'C', 'T', ' ', '1'});
        assertThat(lab.sql("a.sql").singleStatement()).isEqualTo("SELECT 1");
    }

    @Test
    @DisplayName("a missing file fails and says to create it")
    void missing() {
        assertProblem(() -> lab.sql("nope.sql"), CheckStatus.FAILED, "01-x/nope.sql is missing");
    }

    @Test
    @DisplayName("an empty file or one with only the TODO comment has no answer yet")
    void empty() throws Exception {
        write("e.sql", "");
        write("c.sql", "-- TODO: write your query here\n");
        assertProblem(() -> lab.sql("e.sql"), CheckStatus.FAILED, "is empty");
        assertProblem(() -> lab.sql("c.sql"), CheckStatus.FAILED, "no answer yet");
    }

    @Test
    @DisplayName("a file that is not UTF-8 is an error that names the byte and the line")
    void notUtf8() throws Exception {
        write("l.sql", "-- caf\u00e9\nSELECT 1".getBytes(StandardCharsets.ISO_8859_1));
        assertProblem(() -> lab.sql("l.sql"), CheckStatus.ERROR, "not valid UTF-8", "0xE9", "line 1");
    }

    @Test
    @DisplayName("a binary file is refused")
    void binary() throws Exception {
        write("b.sql", new byte[]{'S', 0, 1, 2});
        assertProblem(() -> lab.sql("b.sql"), CheckStatus.ERROR, "binary");
    }

    @Test
    @DisplayName("a huge file is refused without reading it")
    void huge() throws Exception {
        write("h.sql", "-- x\n".repeat(100_000));
        assertProblem(() -> lab.sql("h.sql"), CheckStatus.ERROR, "KiB");
    }

    @Test
    @DisplayName("a link pointing outside the submission is refused")
    void linkOutside() throws Exception {
        Path secret = Files.writeString(root.resolve("secret.sql"), "SELECT 'secret'");
        Files.createSymbolicLink(root.resolve("labs/01-x/s.sql"), secret);
        assertProblem(() -> lab.sql("s.sql"), CheckStatus.ERROR, "outside your submission");
    }

    @Test
    @DisplayName("psql meta-commands are explained")
    void metaCommand() throws Exception {
        write("m.sql", "\\dt\nSELECT 1;");
        assertProblem(() -> lab.sql("m.sql"), CheckStatus.ERROR, "psql command", "\\dt");
    }

    @Test
    @DisplayName("several statements where one query is asked fail with their lines")
    void severalStatements() throws Exception {
        write("s.sql", "SELECT 1;\nSELECT 2;\n");
        assertProblem(() -> lab.sql("s.sql").singleStatement(), CheckStatus.FAILED, "exactly one query", "lines 1, 2");
    }

    @Test
    @DisplayName("a submission may be the lab folder itself")
    void labFolderAsSubmission() throws Exception {
        write("a.sql", "SELECT 1");
        LabFiles direct = new Submission(root.resolve("labs/01-x")).lab("01-x");
        assertThat(direct.sql("a.sql").text()).isEqualTo("SELECT 1");
    }
}
