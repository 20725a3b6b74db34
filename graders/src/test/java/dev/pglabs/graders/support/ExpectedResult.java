package dev.pglabs.graders.support;

import dev.pglabs.results.CheckResult;
import dev.pglabs.results.CheckStatus;
import dev.pglabs.results.LabResult;
import dev.pglabs.results.Visibility;
import org.assertj.core.api.SoftAssertions;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a scenario's expected result (dev.pglabs.scenarios.ScenarioFile, format in golden/README.md) asks of a graded
 * lab: each check's status, its feedback, and the hidden checks' feedback that never shows hidden data.
 */
public final class ExpectedResult {

    private ExpectedResult() {
    }

    /** The checks of a lab result by id, each id once. */
    public static Map<String, CheckResult> byId(LabResult lab) {
        Map<String, CheckResult> checks = new LinkedHashMap<>();
        for (CheckResult check : lab.checks()) {
            assertThat(checks.put(check.id(), check)).as("check id %s appears once", check.id()).isNull();
        }
        return checks;
    }

    /**
     * Each check named in {@code statuses} has that status, or one of its alternatives (a passed check no feedback,
     * any other some), and the feedback of each check named in {@code feedbackContains} holds the phrases of the
     * status it got.
     */
    public static void assertChecks(SoftAssertions softly, String name, Map<String, CheckResult> checks,
                                    Map<String, Set<CheckStatus>> statuses,
                                    Map<String, Map<CheckStatus, List<String>>> feedbackContains) {
        statuses.forEach((id, expected) -> {
            CheckResult check = checks.get(id);
            if (check == null) {
                softly.fail("%s: the lab has no check %s", name, id);
                return;
            }
            softly.assertThat(check.status())
                    .as("%s: status of %s; its feedback was:%n%s", name, id, indent(check.feedback()))
                    .isIn(expected);
            if (!expected.contains(check.status())) {
                return;
            }
            if (check.status() == CheckStatus.PASSED) {
                softly.assertThat(check.feedback()).as("%s: feedback of the passed check %s", name, id).isEmpty();
            } else {
                softly.assertThat(check.feedback()).as("%s: feedback of the %s check %s", name, check.status().json(), id)
                        .isNotBlank();
            }
        });
        feedbackContains.forEach((id, byStatus) -> {
            softly.assertThat(statuses).as("%s: feedbackContains names a check listed in expected.json", name)
                    .containsKey(id);
            CheckResult check = checks.get(id);
            softly.assertThat(check).as("%s: feedbackContains names the check %s of the lab", name, id).isNotNull();
            // A status the check may not get has failed above; its feedback is shown there.
            List<String> phrases = check == null ? List.of() : byStatus.getOrDefault(check.status(), List.of());
            if (check != null && check.visibility() == Visibility.HIDDEN) {
                // The phrases show the hidden data: the instructor reads them, the student must not.
                softly.assertThat(check.instructorFeedback()).as("%s: instructor feedback of the hidden check %s",
                        name, id).contains(phrases);
                for (String phrase : phrases) {
                    softly.assertThat(check.feedback()).as("%s: the student's feedback of the hidden check %s "
                            + "must not show %s", name, id, phrase).doesNotContain(phrase);
                }
            } else if (check != null && !phrases.isEmpty()) {  // none: an unexpected status, failed above
                softly.assertThat(check.feedback()).as("%s: feedback of %s", name, id).contains(phrases);
            }
        });
        checks.values().stream().filter(c -> c.visibility() == Visibility.HIDDEN && c.status() != CheckStatus.PASSED)
                .forEach(c -> softly.assertThat(c.feedback()).as("%s: the student's feedback of the hidden check %s",
                        name, c.id()).endsWith(HIDDEN_DATA_NOT_SHOWN).doesNotContain("-+-"));
    }

    /** The last line of every hidden check's feedback for students (see the harness's HiddenFeedback). */
    public static final String HIDDEN_DATA_NOT_SHOWN = "The data of hidden checks is not shown.";

    /** A folder of the test resources, e.g. "/golden". */
    public static Path resourceFolder(Class<?> owner, String name) {
        URL url = owner.getResource(name);
        assertThat(url).as("test resource %s", name).isNotNull();
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String indent(String text) {
        return text.isEmpty() ? "  (none)" : text.indent(2).stripTrailing();
    }
}
