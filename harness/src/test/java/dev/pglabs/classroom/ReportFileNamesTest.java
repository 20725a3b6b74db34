package dev.pglabs.classroom;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ReportFileNamesTest {

    @Test
    @DisplayName("student names become tame, unique file names")
    void tameAndUnique() {
        assertThat(ReportFileNames.assign(List.of("alice", "Alice", "../../etc/passwd", "<script>", "a b", "a_b", "con",
                ".hidden", "")))
                .containsValues("alice", "Alice-2", "etc_passwd", "script_", "a_b", "a_b-2", "_con", "hidden", "student");
    }

    @Test
    @DisplayName("letters of any script stay in the file name; only characters unsafe in file names are replaced")
    void lettersOfAnyScript() {
        assertThat(ReportFileNames.assign(List.of("José Müller", "Zoë", "李雷", "Ünal/../x", "José", "Jose\u0301")))
                .containsValues("José_Müller", "Zoë", "李雷", "Ünal_.._x", "José", "José-2");
    }
}
