package dev.pglabs.scenarios;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pglabs.results.CheckStatus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A scenario's {@code expected.json} (format in graders/src/test/resources/golden/README.md): its settings, and the
 * checks whose result differs from the base's, each with the status it must get (or alternatives, where two limits
 * may rightly fire first) and optional phrases its feedback must contain.
 *
 * @param statuses         the listed checks, in the file's order: the statuses each may get
 * @param feedbackContains per listed check, the phrases its feedback must hold for each status it may get
 * @param sandbox          the expectations hold only inside the OS sandbox ({@code "sandbox": "bubblewrap"})
 * @param anyServer        the outcome cannot depend on the database server ({@code "server": "any"}): student Java
 *                         stopped by the OS sandbox or a limit of its worker, whatever the server
 * @param remove           files of the base the scenario deletes (paths inside the lab folder)
 * @param added            files of the scenario the base does not have ({@code "new"}, paths inside the lab folder)
 * @param generate         fixtures the hostile test makes at run time: file → kind
 */
public record ScenarioFile(String description, ScenarioBase base, boolean sandbox, boolean anyServer,
                           List<String> remove, List<String> added, Map<String, String> generate,
                           Map<String, Set<CheckStatus>> statuses,
                           Map<String, Map<CheckStatus, List<String>>> feedbackContains) {

    public static final String NAME = "expected.json";
    /** Keys that are settings, not check ids. */
    public static final List<String> SETTINGS =
            List.of("description", "base", "sandbox", "server", "remove", "new", "generate", "feedbackContains");
    private static final ObjectMapper JSON = new ObjectMapper();

    public ScenarioFile {
        remove = List.copyOf(remove);
        added = List.copyOf(added);
        generate = Collections.unmodifiableMap(new LinkedHashMap<>(generate));
        statuses = Collections.unmodifiableMap(new LinkedHashMap<>(statuses));
        feedbackContains = Collections.unmodifiableMap(new LinkedHashMap<>(feedbackContains));
    }

    public static ScenarioFile read(Path file) {
        try {
            return of(JSON.readTree(file.toFile()), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }

    /** @param where names the file in error messages */
    public static ScenarioFile of(JsonNode json, String where) {
        if (!json.has("base")) {
            throw new IllegalArgumentException(where + " has no \"base\": it is not in the scenario format of "
                    + "golden/README.md (convert it with the command given there)");
        }
        ScenarioBase base;
        try {
            base = ScenarioBase.of(json.path("base").asText());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
        }
        Map<String, Set<CheckStatus>> statuses = new LinkedHashMap<>();
        json.properties().forEach(field -> {
            if (!SETTINGS.contains(field.getKey())) {
                Set<CheckStatus> listed = statuses(where, field.getKey(), field.getValue());
                if (base.passes() && listed.contains(CheckStatus.PASSED)) {
                    throw new IllegalArgumentException(where + ": " + field.getKey() + " lists passed, the result "
                            + "every check gets on the base " + base.key() + ": leave it out");
                }
                statuses.put(field.getKey(), listed);
            }
        });
        Map<String, Map<CheckStatus, List<String>>> phrases = new LinkedHashMap<>();
        json.path("feedbackContains").properties().forEach(field -> {
            Set<CheckStatus> allowed = statuses.get(field.getKey());
            if (allowed == null) {
                throw new IllegalArgumentException(where + ": feedbackContains names " + field.getKey()
                        + ", which the scenario does not list");
            }
            Map<CheckStatus, List<String>> byStatus = new EnumMap<>(CheckStatus.class);
            if (field.getValue().isObject()) {  // per status: {"error": [...], "timeout": [...]}
                field.getValue().properties().forEach(entry -> {
                    CheckStatus status = status(where, field.getKey(), entry.getKey());
                    if (!allowed.contains(status)) {
                        throw new IllegalArgumentException(where + ": feedbackContains of " + field.getKey()
                                + " gives phrases for " + entry.getKey() + ", which is not one of its statuses");
                    }
                    byStatus.put(status, texts(entry.getValue()));
                });
            } else {  // the same phrases whichever status the check may get
                allowed.forEach(status -> byStatus.put(status, texts(field.getValue())));
            }
            phrases.put(field.getKey(), Map.copyOf(byStatus));
        });
        Map<String, String> generate = new LinkedHashMap<>();
        json.path("generate").properties().forEach(f -> generate.put(f.getKey(), f.getValue().asText()));
        String server = json.path("server").asText("");
        if (!server.isEmpty() && !server.equals("any")) {
            throw new IllegalArgumentException(where + ": \"server\" can only be \"any\" (the outcome is the same on "
                    + "every database server), not \"" + server + "\"");
        }
        return new ScenarioFile(json.path("description").asText(""), base,
                json.path("sandbox").asText("").equals("bubblewrap"), server.equals("any"), texts(json.path("remove")),
                texts(json.path("new")), generate, statuses, phrases);
    }

    /**
     * The statuses each check of the lab may get: the listed ones, and for every other check the base's
     * ({@link ScenarioBase#unlistedStatuses()}).
     */
    public Map<String, Set<CheckStatus>> effectiveStatuses(Iterable<String> checkIds) {
        Map<String, Set<CheckStatus>> out = new LinkedHashMap<>();
        checkIds.forEach(id -> out.put(id, statuses.getOrDefault(id, base.unlistedStatuses())));
        return out;
    }

    /** The same file with other listed checks and phrases (settings and description kept). */
    public ScenarioFile withChecks(Map<String, Set<CheckStatus>> newStatuses,
                                   Map<String, Map<CheckStatus, List<String>>> newPhrases) {
        return new ScenarioFile(description, base, sandbox, anyServer, remove, added, generate, newStatuses, newPhrases);
    }

    /** The same file with other files removed and added. */
    public ScenarioFile withFiles(List<String> newRemove, List<String> newAdded) {
        return new ScenarioFile(description, base, sandbox, anyServer, newRemove, newAdded, generate, statuses,
                feedbackContains);
    }

    /** Writes the file in the form the corpus keeps: settings first, then the listed checks, then the phrases. */
    public void write(Path file) {
        try {
            Files.writeString(file, toJson(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }

    public String toJson() {
        ObjectNode root = JSON.createObjectNode();
        root.put("description", description);
        root.put("base", base.key());
        if (sandbox) {
            root.put("sandbox", "bubblewrap");
        }
        if (anyServer) {
            root.put("server", "any");
        }
        if (!remove.isEmpty()) {
            remove.forEach(root.putArray("remove")::add);
        }
        if (!added.isEmpty()) {
            added.forEach(root.putArray("new")::add);
        }
        if (!generate.isEmpty()) {
            ObjectNode g = root.putObject("generate");
            generate.forEach(g::put);
        }
        statuses.forEach((id, set) -> {
            List<String> names = sorted(set);
            if (names.size() == 1) {
                root.put(id, names.get(0));
            } else {
                names.forEach(root.putArray(id)::add);
            }
        });
        if (!feedbackContains.isEmpty()) {
            ObjectNode phrases = root.putObject("feedbackContains");
            feedbackContains.forEach((id, byStatus) -> {
                List<List<String>> distinct = byStatus.values().stream().distinct().toList();
                if (distinct.size() == 1 && byStatus.keySet().equals(statuses.get(id))) {
                    distinct.get(0).forEach(phrases.putArray(id)::add);
                } else {
                    ObjectNode per = phrases.putObject(id);
                    new TreeMap<>(byStatus).forEach((status, list) -> {
                        ArrayNode array = per.putArray(status.json());
                        list.forEach(array::add);
                    });
                }
            });
        }
        try {
            DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
            DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
                    .withSeparators(Separators.createDefaultInstance()
                            .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                            .withArrayEmptySeparator("").withObjectEmptySeparator(""));
            printer.indentArraysWith(indenter);
            printer.indentObjectsWith(indenter);
            return JSON.writer(printer).writeValueAsString(root) + "\n";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> sorted(Set<CheckStatus> set) {
        return EnumSet.copyOf(set).stream().map(CheckStatus::json).toList();
    }

    private static Set<CheckStatus> statuses(String where, String check, JsonNode value) {
        Set<CheckStatus> out = EnumSet.noneOf(CheckStatus.class);
        if (value.isArray()) {
            value.forEach(v -> out.add(status(where, check, v.asText())));
        } else {
            out.add(status(where, check, value.asText()));
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException(where + ": " + check + " lists no status");
        }
        return Set.copyOf(out);
    }

    private static List<String> texts(JsonNode array) {
        List<String> list = new ArrayList<>();
        array.forEach(v -> list.add(v.asText()));
        return List.copyOf(list);
    }

    private static CheckStatus status(String where, String check, String text) {
        try {
            return CheckStatus.valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": status of " + check + " is '" + text
                    + "'; use passed, failed, error or timeout", e);
        }
    }
}
