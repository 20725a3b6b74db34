package dev.pglabs.notebook;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SqlFailureTest {

    @Test
    @DisplayName("a failed sql(…) shows jshell none of the helpers' own frames, only the caller's")
    void noHelperFrames() {
        SqlFailure failure = new SqlFailure("ERROR: division by zero (SQLSTATE 22012)");
        assertThat(failure.getStackTrace()).isNotEmpty()
                .noneMatch(frame -> frame.getClassName().startsWith("dev.pglabs.notebook."));
    }
}
