package dev.pglabs.graders.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pglabs.results.CheckResult;
import dev.pglabs.results.CheckStatus;
import dev.pglabs.results.LabResult;
import dev.pglabs.results.Visibility;
import org.assertj.core.api.SoftAssertions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What an {@code expected.json} of the golden and hostile submissions says (format in golden/README.md): a status
 * per check id, optional {@code feedbackContains} phrases, a {@code description}; other reserved keys are left to
 * the test that reads the file ({@link #json()}).
 *
 * <p>A check whose outcome rightly depends on which of two limits fires first (memory or time, on a busy machine)
 * lists its statuses as alternatives, {@code ["error", "timeout"]}, and may give the phrases per status,
 * {@code "feedbackContains": {"id": {"error": [...], "timeout": [...]}}}: the check must get one of them, with the
 * phrases of the one it got.
 *
 * @param statuses         the statuses each listed check may get (one, or alternatives)
 * @param feedbackContains per check, the phrases its feedback must hold for each status it may get
 */
public record ExpectedResult(String description, Map<String, Set<CheckStatus>> statuses,
                             Map<String, Map<CheckStatus, List<String>>> feedbackContains, JsonNode json) {

    /** Keys every expected.json may hold that are not check ids. */
    public static final List<String> RESERVED_KEYS = List.of("description", "feedbackContains");
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * @param extraKeys further keys that are not check ids (a test's own settings)
     */
    public static ExpectedResult read(Path file, String defaultDescription, Collection<String> extraKeys) {
        try {
            JsonNode json = JSON.readTree(file.toFile());
            Map<String, Set<CheckStatus>> statuses = new LinkedHashMap<>();
            json.properties().forEach(field -> {
                if (!RESERVED_KEYS.contains(field.getKey()) && !extraKeys.contains(field.getKey())) {
                    statuses.put(field.getKey(), statuses(file, field.getKey(), field.getValue()));
                }
            });
            Map<String, Map<CheckStatus, List<String>>> phrases = new LinkedHashMap<>();
            json.path("feedbackContains").properties().forEach(field -> {
                Set<CheckStatus> allowed = statuses.getOrDefault(field.getKey(), EnumSet.allOf(CheckStatus.class));
                Map<CheckStatus, List<String>> byStatus = new EnumMap<>(CheckStatus.class);
                if (field.getValue().isObject()) {  // per status: {"error": [...], "timeout": [...]}
                    field.getValue().properties().forEach(entry -> {
                        CheckStatus status = status(file, field.getKey(), entry.getKey());
                        if (!allowed.contains(status)) {
                            throw new IllegalArgumentException(file + ": feedbackContains of " + field.getKey()
                                    + " gives phrases for " + entry.getKey() + ", which is not one of its statuses");
                        }
                        byStatus.put(status, texts(entry.getValue()));
                    });
                } else {  // the same phrases whichever status the check may get
                    allowed.forEach(status -> byStatus.put(status, texts(field.getValue())));
                }
                phrases.put(field.getKey(), Map.copyOf(byStatus));
            });
            return new ExpectedResult(json.path("description").asText(defaultDescription), statuses, phrases, json);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }

    private static Set<CheckStatus> statuses(Path file, String check, JsonNode value) {
        Set<CheckStatus> out = EnumSet.noneOf(CheckStatus.class);
        if (value.isArray()) {
            value.forEach(v -> out.add(status(file, check, v.asText())));
        } else {
            out.add(status(file, check, value.asText()));
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException(file + ": " + check + " lists no status");
        }
        return Set.copyOf(out);
    }

    private static List<String> texts(JsonNode array) {
        List<String> list = new ArrayList<>();
        array.forEach(v -> list.add(v.asText()));
        return List.copyOf(list);
    }

    private static CheckStatus status(Path file, String check, String text) {
        try {
            return CheckStatus.valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": status of " + check + " is '" + text
                    + "'; use passed, failed, error or timeout", e);
        }
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
