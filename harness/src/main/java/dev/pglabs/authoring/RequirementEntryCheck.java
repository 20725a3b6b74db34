package dev.pglabs.authoring;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pglabs.course.Course;
import dev.pglabs.course.Lab;
import dev.pglabs.results.CheckStatus;
import dev.pglabs.scenarios.ScenarioFile;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One entry of a lab's requirement map is well formed and proven: a unique id, quotes found in the lab's files,
 * and either check ids of the lab with golden scenarios that make each of them fail, or an {@code unchecked} reason.
 */
final class RequirementEntryCheck {

    private static final Set<String> FIELDS = Set.of("id", "says", "quotes", "checks", "scenarios", "unchecked");

    private final String rule;
    private final Course course;
    private final Lab lab;
    private final Path map;
    private final String file;
    private final List<Finding> findings;
    private final Optional<Set<String>> checkIds;
    private final Set<String> ids = new HashSet<>();

    RequirementEntryCheck(String rule, Course course, Lab lab, Path map, List<Finding> findings) {
        this.rule = rule;
        this.course = course;
        this.lab = lab;
        this.map = map;
        this.file = CourseFiles.relative(course, map);
        this.findings = findings;
        this.checkIds = GraderClasses.checkIds(lab);
    }

    /** Checks the entry, reporting what is wrong; returns its quotes (they map statements even when it is wrong). */
    List<RequirementsRule.Quote> check(JsonNode entry, int index) {
        String id = entry.path("id").asText("");
        int line = id.isEmpty() ? 0 : CourseFiles.lineOf(map, "\"" + id + "\"");
        String name = id.isEmpty() ? "requirement " + (index + 1) : "requirement \"" + id + "\"";
        if (!entry.isObject()) {
            report(line, name + " is not a JSON object", "write {\"id\": …, \"says\": …, \"quotes\": [ … ], …}");
            return List.of();
        }
        entry.fieldNames().forEachRemaining(f -> {
            if (!FIELDS.contains(f)) {
                report(line, name + " has an unknown field \"" + f + "\"", "use only " + String.join(", ", FIELDS));
            }
        });
        if (id.isBlank()) {
            report(line, name + " has no \"id\"", "give it an id, starting with its exercise number");
        } else if (!ids.add(id)) {
            report(line, "two requirements have the id \"" + id + "\"", "give each requirement an id of its own");
        }
        if (entry.path("says").asText("").isBlank()) {
            report(line, name + " has no \"says\"", "say in one sentence what the requirement is");
        }
        List<RequirementsRule.Quote> quotes = quotes(entry, name, line);
        if (entry.has("unchecked")) {
            if (entry.get("unchecked").asText("").isBlank()) {
                report(line, name + " is unchecked without a reason", "say why no check can tell it broken");
            }
            if (entry.has("checks") || entry.has("scenarios")) {
                report(line, name + " is unchecked but lists checks or scenarios",
                        "remove \"unchecked\" or remove \"checks\" and \"scenarios\"");
            }
        } else {
            proven(entry, name, line);
        }
        return quotes;
    }

    private List<RequirementsRule.Quote> quotes(JsonNode entry, String name, int line) {
        List<RequirementsRule.Quote> quotes = new ArrayList<>();
        if (!entry.path("quotes").isArray() || entry.path("quotes").isEmpty()) {
            report(line, name + " quotes nothing", "add \"quotes\": [{\"source\": \"labs/" + lab.folder()
                    + "/…\", \"text\": \"<the statement's words, verbatim>\"}]");
            return quotes;
        }
        for (JsonNode quote : entry.get("quotes")) {
            String source = quote.path("source").asText("");
            String text = quote.path("text").asText("");
            List<String> wrong = new ArrayList<>();
            quoteLine(course, lab, source, text, wrong);
            if (!wrong.isEmpty()) {
                report(line, "a quote of " + name + " has " + String.join(", ", wrong), "copy the text exactly as "
                        + "the file has it; for a statement over several lines, join them with one space without "
                        + "their leading comment markers");
            }
            quotes.add(new RequirementsRule.Quote(source, text));
        }
        return quotes;
    }

    /** The checks are the lab's, and the scenarios exist and make each of them fail. */
    private void proven(JsonNode entry, String name, int line) {
        List<String> checks = strings(entry.path("checks"));
        List<String> scenarios = strings(entry.path("scenarios"));
        if (checks.isEmpty()) {
            report(line, name + " names no check", "list the \"checks\" that fail when it alone is broken, or say "
                    + "why none can with \"unchecked\"");
        }
        checkIds.ifPresent(known -> checks.stream().filter(c -> !known.contains(c)).forEach(c -> report(line,
                name + " names \"" + c + "\", which is not a check of lab " + lab.folder(),
                "use a check id as expected.json names it (a hidden twin is \"<id>:hidden\")")));
        if (scenarios.isEmpty()) {
            report(line, name + " names no scenario", "add \"scenarios\": golden scenarios of the lab that break only "
                    + "this requirement");
        }
        Map<String, ScenarioFile> expected = new LinkedHashMap<>();
        for (String scenario : scenarios) {
            expected(scenario).ifPresentOrElse(e -> expected.put(scenario, e), () -> report(line, name
                    + " names the scenario \"" + scenario + "\", which " + CourseFiles.relative(course,
                    CourseFiles.golden(course, lab)) + " does not hold (no <scenario>/expected.json)",
                    "write the scenario (golden/README.md) or correct its name"));
        }
        if (expected.size() < scenarios.size()) {
            return;
        }
        for (String check : checks) {
            if (!scenarios.isEmpty() && expected.values().stream().noneMatch(e -> fails(e, check))) {
                report(line, "no scenario of " + name + " makes \"" + check + "\" fail",
                        "add a scenario that breaks this requirement and loses " + check + ", or drop the check");
            }
        }
        expected.forEach((scenario, e) -> {
            if (!checks.isEmpty() && checks.stream().noneMatch(c -> fails(e, c))) {
                report(line, "the scenario \"" + scenario + "\" of " + name + " makes none of its checks fail",
                        "name a scenario that breaks this requirement");
            }
        });
    }

    private Optional<ScenarioFile> expected(String scenario) {
        Path expected = CourseFiles.golden(course, lab).resolve(scenario).resolve(ScenarioFile.NAME);
        if (scenario.isBlank() || scenario.contains("/") || scenario.contains("\\") || !Files.isRegularFile(expected)) {
            return Optional.empty();
        }
        try {
            return Optional.of(ScenarioFile.read(expected));
        } catch (UncheckedIOException | IllegalArgumentException e) {
            return Optional.empty();  // reported as a scenario the lab does not hold; ScenarioFilesTest says why
        }
    }

    /** Whether the scenario makes the check lose its points: no status it may get (listed, or its base's) passes. */
    private static boolean fails(ScenarioFile scenario, String check) {
        return !scenario.effectiveStatuses(List.of(check)).get(check).contains(CheckStatus.PASSED);
    }

    /**
     * The line of a lab file where a quote starts; each reason it is not found there is added to {@code wrong}
     * (0 then).
     */
    static int quoteLine(Course course, Lab lab, String source, String text, List<String> wrong) {
        String prefix = "labs/" + lab.folder() + "/";
        Path path = course.home().resolve(source);
        if (!source.startsWith(prefix) || source.contains("..") || !Files.isRegularFile(path)) {
            wrong.add("the source \"" + source + "\", which is not a file under " + prefix);
            return 0;
        }
        if (text.isBlank()) {
            wrong.add("no \"text\"");
            return 0;
        }
        int line = TaskStatements.find(CourseFiles.lines(path), text);
        if (line == 0) {
            wrong.add("text not found in " + source + ": \"" + RequirementsRule.shown(text) + "\"");
        }
        return line;
    }

    private static List<String> strings(JsonNode array) {
        List<String> strings = new ArrayList<>();
        array.forEach(s -> strings.add(s.asText()));
        return strings;
    }

    private void report(int line, String problem, String fix) {
        findings.add(new Finding(rule, file, line, problem, fix));
    }
}
