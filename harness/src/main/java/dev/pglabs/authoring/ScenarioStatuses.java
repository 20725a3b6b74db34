package dev.pglabs.authoring;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/** What a golden scenario's expected.json says about its checks (the format is in golden/README.md). */
final class ScenarioStatuses {

    private ScenarioStatuses() {
    }

    /**
     * The statuses a check may get in a scenario: one ("failed"), or a list where either of two limits may fire
     * first; a check the file does not name gets the same as in the solutions, "passed".
     */
    static List<String> of(JsonNode expected, String check) {
        JsonNode status = expected.get(check);
        if (status == null || status.isNull()) {
            return List.of("passed");
        }
        List<String> statuses = new ArrayList<>();
        if (status.isArray()) {
            status.forEach(s -> statuses.add(s.asText()));
        } else {
            statuses.add(status.asText());
        }
        return statuses;
    }

    /** Whether the scenario makes the check lose its points: every status it may get is not "passed". */
    static boolean fails(JsonNode expected, String check) {
        List<String> statuses = of(expected, check);
        return !statuses.isEmpty() && !statuses.contains("passed");
    }
}
