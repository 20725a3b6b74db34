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
}
