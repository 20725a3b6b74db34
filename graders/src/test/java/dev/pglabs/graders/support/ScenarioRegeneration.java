package dev.pglabs.graders.support;

import dev.pglabs.results.CheckResult;
import dev.pglabs.results.CheckStatus;
import dev.pglabs.scenarios.ScenarioFile;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code -Dpglabs.golden.regenerate=true}: a scenario's expected.json rewritten from a run, for review. Each check
 * whose status is not the base's is listed with the status it got (alternatives kept when it got one of them); the
 * description, the settings and the phrases of the checks still listed are kept.
 */
public final class ScenarioRegeneration {

    public static final String PROPERTY = "pglabs.golden.regenerate";

    private ScenarioRegeneration() {
    }

    /** Writes the regenerated file into {@code folder} and returns it. */
    public static ScenarioFile rewrite(Path folder, ScenarioFile expected, Map<String, CheckResult> checks) {
        Map<String, Set<CheckStatus>> statuses = new LinkedHashMap<>();
        Map<String, Map<CheckStatus, List<String>>> phrases = new LinkedHashMap<>();
        checks.forEach((id, check) -> {
            Set<CheckStatus> listed = expected.statuses().get(id);
            if (listed != null && listed.contains(check.status())) {
                statuses.put(id, listed);
            } else if (!expected.base().unlistedStatuses().contains(check.status())) {
                statuses.put(id, Set.of(check.status()));
            }
            Map<CheckStatus, List<String>> old = expected.feedbackContains().get(id);
            if (statuses.containsKey(id) && old != null) {
                Map<CheckStatus, List<String>> kept = new EnumMap<>(CheckStatus.class);
                old.forEach((status, list) -> {
                    if (statuses.get(id).contains(status)) {
                        kept.put(status, list);
                    }
                });
                if (!kept.isEmpty()) {
                    phrases.put(id, kept);
                }
            }
        });
        ScenarioFile regenerated = expected.withChecks(statuses, phrases);
        regenerated.write(folder.resolve(ScenarioFile.NAME));
        return regenerated;
    }
}
