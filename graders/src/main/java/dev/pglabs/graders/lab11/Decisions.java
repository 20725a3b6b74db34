package dev.pglabs.graders.lab11;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pglabs.results.CheckStatus;
import dev.pglabs.submission.SubmissionProblem;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Exercise 10: {@code decisions.json}, a choice and reason codes per scenario, checked against the expected choice,
 * its key reason, and reasons that argue for the store chosen (README step 10 lists the codes).
 */
final class Decisions {

    static final String FILE = "decisions.json";
    static final String POSTGRESQL = "postgresql";
    static final String DYNAMODB = "dynamodb";

    /** Reasons that argue for a key-value store such as DynamoDB. */
    static final Set<String> FOR_DYNAMODB = Set.of("single-key-access", "high-throughput", "flexible-schema",
            "expiring-items", "partition-key-range", "predictable-latency");
    /** Reasons that argue for PostgreSQL. */
    static final Set<String> FOR_POSTGRESQL = Set.of("relations-joins", "ad-hoc-queries", "acid-transactions",
            "constraints", "aggregations");

    /** One scenario of README step 10: the store that fits, the reason that decides it, and why (for feedback). */
    record Scenario(String id, String choice, String keyReason, String why) {
    }

    static final List<Scenario> SCENARIOS = List.of(
            new Scenario("user-preferences", DYNAMODB, "single-key-access",
                    "every read is \"the settings of this user\", by key, on every page view; the keys change as "
                            + "features come and go"),
            new Scenario("posts-and-comments", POSTGRESQL, "relations-joins",
                    "posts, comments, authors and tags point at each other, and pages join them"),
            new Scenario("author-payouts", POSTGRESQL, "acid-transactions",
                    "money moves between several rows, all or nothing, with balances that must never go negative"),
            new Scenario("login-sessions", DYNAMODB, "single-key-access",
                    "a session is read and written by its id on every request, and it expires"),
            new Scenario("editorial-reports", POSTGRESQL, "ad-hoc-queries",
                    "the editors ask new questions every week, grouping and joining across the whole blog"),
            new Scenario("view-events", DYNAMODB, "high-throughput",
                    "thousands of small writes a second, each read back only by post and time range"));

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The per-scenario problems of an answer file (empty: all right). */
    static Map<String, List<String>> problems(String text) {
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new SubmissionProblem(CheckStatus.FAILED, FILE + " is not valid JSON (line "
                    + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + "): "
                    + e.getOriginalMessage() + "\nKeep the shape of the starter: {\"scenario\": {\"choice\": \"…\", "
                    + "\"reasons\": [\"…\", \"…\"]}, …}. A missing comma or quote is the usual cause.");
        }
        if (root == null || !root.isObject()) {
            throw new SubmissionProblem(CheckStatus.FAILED, FILE + " must hold one JSON object, as the starter does.");
        }
        Map<String, List<String>> problems = new LinkedHashMap<>();
        for (Scenario s : SCENARIOS) {
            List<String> list = check(s, root.get(s.id()));
            if (!list.isEmpty()) {
                problems.put(s.id(), list);
            }
        }
        return problems;
    }

    private static List<String> check(Scenario s, JsonNode answer) {
        List<String> problems = new ArrayList<>();
        if (answer == null || !answer.isObject()) {
            problems.add("no answer: add \"" + s.id() + "\": {\"choice\": …, \"reasons\": […]}.");
            return problems;
        }
        String choice = answer.path("choice").asText("").strip().toLowerCase(Locale.ROOT);
        if (!choice.equals(POSTGRESQL) && !choice.equals(DYNAMODB)) {
            problems.add("choice is \"" + answer.path("choice").asText("") + "\"; write \"postgresql\" or \"dynamodb\".");
            return problems;
        }
        Set<String> reasons = new LinkedHashSet<>();
        answer.path("reasons").forEach(r -> reasons.add(r.asText("").strip().toLowerCase(Locale.ROOT)));
        List<String> unknown = reasons.stream().filter(r -> !FOR_DYNAMODB.contains(r) && !FOR_POSTGRESQL.contains(r))
                .toList();
        if (!choice.equals(s.choice())) {
            problems.add("you chose " + choice + ", the better fit is " + s.choice() + ": " + s.why() + ".");
            return problems;
        }
        if (!unknown.isEmpty()) {
            problems.add("unknown reason code" + (unknown.size() > 1 ? "s " : " ") + unknown
                    + ": use the codes of README step 10.");
        }
        Set<String> forOther = choice.equals(DYNAMODB) ? FOR_POSTGRESQL : FOR_DYNAMODB;
        List<String> against = reasons.stream().filter(forOther::contains).toList();
        if (!against.isEmpty()) {
            problems.add("the reason" + (against.size() > 1 ? "s " : " ") + against + " argue"
                    + (against.size() > 1 ? "" : "s") + " for " + (choice.equals(DYNAMODB) ? POSTGRESQL : DYNAMODB)
                    + ", not for the " + choice + " you chose.");
        }
        if (!reasons.contains(s.keyReason())) {
            problems.add("the reasons " + (reasons.isEmpty() ? "are empty" : reasons.toString())
                    + " miss the one that decides this scenario: " + s.why() + ".");
        } else if (reasons.size() < 2) {
            problems.add("give at least two reasons: the key one and one more that supports it.");
        }
        return problems;
    }

    private Decisions() {
    }
}
