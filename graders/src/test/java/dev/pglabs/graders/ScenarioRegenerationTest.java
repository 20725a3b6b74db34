package dev.pglabs.graders;

import dev.pglabs.graders.support.ScenarioRegeneration;
import dev.pglabs.results.CheckResult;
import dev.pglabs.results.CheckStatus;
import dev.pglabs.results.Visibility;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pglabs.scenarios.ScenarioFile;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** -Dpglabs.golden.regenerate=true: what a run writes into a scenario's expected.json. */
@DisplayName("Regenerating a scenario's expected.json from a run")
class ScenarioRegenerationTest {

    @Test
    @DisplayName("lists the checks that differ from the base, keeps alternatives, settings and the phrases still listed")
    void rewritesFromTheRun(@TempDir Path folder) throws IOException {
        Files.writeString(folder.resolve(ScenarioFile.NAME), """
                {
                  "description": "a mistake",
                  "base": "solutions",
                  "server": "any",
                  "remove": ["04.sql"],
                  "01": "failed",
                  "02": ["error", "timeout"],
                  "03": "failed",
                  "feedbackContains": {"01": ["wrong rows"], "02": {"timeout": ["2 s"]}, "03": ["gone"]}
                }
                """);
        ScenarioFile before = ScenarioFile.read(folder.resolve(ScenarioFile.NAME));
        Map<String, CheckResult> run = new LinkedHashMap<>();
        run.put("01", check("01", CheckStatus.ERROR));    // now an error: listed with it, its failed phrases dropped
        run.put("02", check("02", CheckStatus.TIMEOUT));  // one of its alternatives: kept as it was
        run.put("03", check("03", CheckStatus.PASSED));   // now the base's: left out, with its phrases
        run.put("05", check("05", CheckStatus.FAILED));   // a new check that fails: listed

        ScenarioFile written = ScenarioRegeneration.rewrite(folder, before, run);

        assertThat(ScenarioFile.read(folder.resolve(ScenarioFile.NAME))).isEqualTo(written);
        assertThat(written.description()).isEqualTo("a mistake");
        assertThat(written.remove()).containsExactly("04.sql");
        assertThat(written.anyServer()).as("the \"server\" setting is kept").isTrue();
        assertThat(written.statuses()).containsExactly(Map.entry("01", Set.of(CheckStatus.ERROR)),
                Map.entry("02", Set.of(CheckStatus.ERROR, CheckStatus.TIMEOUT)),
                Map.entry("05", Set.of(CheckStatus.FAILED)));
        assertThat(written.feedbackContains()).containsOnlyKeys("02");
        assertThat(written.feedbackContains().get("02")).containsExactly(Map.entry(CheckStatus.TIMEOUT, List.of("2 s")));
    }

    @Test
    @DisplayName("\"server\" takes only \"any\"; a scenario without it depends on the server")
    void serverSetting() throws IOException {
        ObjectMapper json = new ObjectMapper();
        assertThat(ScenarioFile.of(json.readTree("{\"base\": \"java\"}"), "x").anyServer()).isFalse();
        assertThatThrownBy(() -> ScenarioFile.of(json.readTree("{\"base\": \"java\", \"server\": \"embedded\"}"), "x"))
                .hasMessageContaining("\"server\" can only be \"any\"");
    }

    private static CheckResult check(String id, CheckStatus status) {
        return new CheckResult(id, id, status == CheckStatus.PASSED ? 1 : 0, 1, status, Visibility.VISIBLE,
                status == CheckStatus.PASSED ? "" : "feedback", 0);
    }
}
