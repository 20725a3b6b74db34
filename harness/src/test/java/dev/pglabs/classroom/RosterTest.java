package dev.pglabs.classroom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The class list: what spreadsheets write (a byte-order mark, quotes, extra columns), matching, and mistakes. */
class RosterTest {

    @TempDir
    Path tmp;

    @Test
    void readsWhatSpreadsheetsWrite() throws Exception {
        Path file = tmp.resolve("roster.csv");
        // Excel's "CSV UTF-8": a byte-order mark; headers in any case and order; quoted fields; a column pglabs ignores.
        Files.writeString(file, "\uFEFFName,GitHub,ID,Email,Notes\r\n"
                + "\"Müller, José\",JoseM,s100,jose@example.org,\"said \"\"hi\"\"\"\r\n"
                + "Ana Lima, ana-l ,s101,ana@example.org,\r\n"
                + ",,,,\r\n", StandardCharsets.UTF_8);
        Roster roster = Roster.read(file);
        assertThat(roster.people()).hasSize(2);
        Roster.Person jose = roster.find("josem").orElseThrow();
        assertThat(jose.name()).isEqualTo("Müller, José");
        assertThat(jose.id()).isEqualTo("s100");
        assertThat(jose.email()).isEqualTo("jose@example.org");
        assertThat(jose.section()).isEmpty();
        assertThat(roster.find("ANA-L").orElseThrow().github()).isEqualTo("ana-l");
        assertThat(roster.unknown(List.of("JoseM", "zed"))).containsExactly("zed");
        assertThat(roster.withoutSubmission(List.of("JOSEM", "zed"))).extracting(Roster.Person::github)
                .containsExactly("ana-l");
    }

    @Test
    void mistakesSayWhatToFix() throws Exception {
        assertThatThrownBy(() -> Roster.parse("name,email\nAna,a@x\n", "r.csv"))
                .hasMessageContaining("no \"github\" column").hasMessageContaining("name,email");
        assertThatThrownBy(() -> Roster.parse("github,id\nana,1\nAna,2\n", "r.csv"))
                .hasMessageContaining("lines 2 and 3 both have github \"Ana\"");
        assertThatThrownBy(() -> Roster.parse("github,id\n,5\n", "r.csv"))
                .hasMessageContaining("line 2: the \"github\" column is empty");
        assertThatThrownBy(() -> Roster.parse("github\n", "r.csv")).hasMessageContaining("has no students");
        Path latin1 = tmp.resolve("latin1.csv");
        Files.write(latin1, "github,name\njose,Jos\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
        assertThatThrownBy(() -> Roster.read(latin1)).hasMessageContaining("is not UTF-8 text");
        assertThatThrownBy(() -> Roster.read(tmp.resolve("none.csv"))).hasMessageContaining("there is no file");
    }
}
