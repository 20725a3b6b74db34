package dev.pglabs.authoring;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pglabs.course.Course;
import dev.pglabs.course.Lab;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Every lab has a requirement map, {@code golden/<lab>/requirements.json}: each task statement of the lab
 * ({@link TaskStatements}) is quoted by an entry that names the checks which fail when it alone is broken and the
 * golden scenarios proving it, or says why it is {@code unchecked}. Statements listed under {@code todo} are
 * warnings, so what is left to map stays visible without failing the check. docs/authoring.md, "Requirement maps",
 * explains the format.
 */
final class RequirementsRule implements CourseRule {

    static final String FILE = "requirements.json";
    private static final Set<String> TOP_FIELDS = Set.of("lab", "requirements", "todo");
    private static final Set<String> TODO_FIELDS = Set.of("source", "text", "why");
    private static final int SHOWN = 160;  // characters of a statement shown in a finding

    /** A quote of a lab file that covers the statements it is part of (or that are part of it). */
    record Quote(String source, String text) {
        boolean covers(TaskStatements.Statement statement) {
            String quoted = TaskStatements.normalise(text);
            return source.equals(statement.source()) && !quoted.isEmpty()
                    && (statement.text().contains(quoted) || quoted.contains(statement.text()));
        }
    }

    @Override
    public String name() {
        return "requirements";
    }

    @Override
    public String requires() {
        return "every lab's task statements are mapped in golden/NN-slug/" + FILE + " to the checks and golden "
                + "scenarios that prove them, or marked unchecked with a reason (todo entries are warnings)";
    }

    @Override
    public List<Finding> check(Course course) {
        List<Finding> findings = new ArrayList<>();
        for (Lab lab : course.labs()) {
            check(course, lab, findings);
        }
        return findings;
    }

    private void check(Course course, Lab lab, List<Finding> findings) {
        Path map = CourseFiles.golden(course, lab).resolve(FILE);
        String file = CourseFiles.relative(course, map);
        if (!Files.isRegularFile(map)) {
            findings.add(new Finding(name(), file, 0, "lab " + lab.folder() + " has no requirement map",
                    "write " + file + ": an entry per task statement of the lab with the checks that fail when it "
                            + "alone is broken and a golden scenario proving it (docs/authoring.md, \"Requirement "
                            + "maps\"); start with {\"lab\": \"" + lab.folder() + "\", \"requirements\": []} and "
                            + "dev check lists the statements to map"));
            return;
        }
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(Files.readString(map));
        } catch (JsonProcessingException e) {
            findings.add(new Finding(name(), file, e.getLocation() == null ? 0 : e.getLocation().getLineNr(),
                    "the requirement map is not valid JSON: " + e.getOriginalMessage(), "correct the JSON"));
            return;
        } catch (IOException e) {
            findings.add(new Finding(name(), file, 0, "the requirement map cannot be read: " + e.getMessage(),
                    "make it a readable UTF-8 file"));
            return;
        }
        if (root == null || !root.isObject()) {
            findings.add(new Finding(name(), file, 1, "the requirement map is not a JSON object",
                    "write {\"lab\": \"" + lab.folder() + "\", \"requirements\": [ … ]}"));
            return;
        }
        List<Quote> quotes = new ArrayList<>();
        checkTop(lab, map, file, root, findings);
        RequirementEntryCheck entries = new RequirementEntryCheck(name(), course, lab, map, findings);
        JsonNode requirements = root.path("requirements");
        for (int i = 0; i < requirements.size(); i++) {
            quotes.addAll(entries.check(requirements.get(i), i));
        }
        JsonNode todo = root.path("todo");
        for (int i = 0; i < todo.size(); i++) {
            todo(course, lab, map, file, todo.get(i), i, findings).ifPresent(quotes::add);
        }
        for (TaskStatements.Statement statement : TaskStatements.of(course, lab)) {
            if (quotes.stream().noneMatch(q -> q.covers(statement))) {
                findings.add(new Finding(name(), statement.source(), statement.line(),
                        "no requirement quotes this task statement: \"" + shown(statement.text()) + "\"",
                        "add to " + file + " an entry whose quotes hold {\"source\": \"" + statement.source()
                                + "\", \"text\": \"<a distinctive clause of it, verbatim>\"}, with the \"checks\" "
                                + "that fail when it alone is broken and the \"scenarios\" proving it, or "
                                + "\"unchecked\": \"<why no check can tell>\"; until then list it under \"todo\""));
            }
        }
    }

    private void checkTop(Lab lab, Path map, String file, JsonNode root, List<Finding> findings) {
        for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
            String field = it.next();
            if (!TOP_FIELDS.contains(field)) {
                findings.add(new Finding(name(), file, CourseFiles.lineOf(map, "\"" + field + "\""),
                        "the requirement map has an unknown field \"" + field + "\"",
                        "use only \"lab\", \"requirements\" and \"todo\""));
            }
        }
        if (!lab.folder().equals(root.path("lab").asText())) {
            findings.add(new Finding(name(), file, CourseFiles.lineOf(map, "\"lab\""),
                    "the requirement map says \"lab\": \"" + root.path("lab").asText() + "\" but is the map of lab "
                            + lab.folder(), "write \"lab\": \"" + lab.folder() + "\""));
        }
        if (!root.path("requirements").isArray()) {
            findings.add(new Finding(name(), file, 1, "the requirement map has no \"requirements\" list",
                    "add \"requirements\": [ … ], one entry per requirement of the lab"));
        }
        if (root.has("todo") && !root.get("todo").isArray()) {
            findings.add(new Finding(name(), file, CourseFiles.lineOf(map, "\"todo\""), "\"todo\" is not a list",
                    "write \"todo\": [ {\"source\": …, \"text\": …, \"why\": …} ]"));
        }
    }

    /** A statement not mapped yet: a warning where it is written, and its quote; an error when it is malformed. */
    private Optional<Quote> todo(Course course, Lab lab, Path map, String file, JsonNode item, int index,
                                           List<Finding> findings) {
        String source = item.path("source").asText("");
        String text = item.path("text").asText("");
        String why = item.path("why").asText("");
        int mapLine = text.isEmpty() ? 0 : CourseFiles.lineOf(map, text.length() > 40 ? text.substring(0, 40) : text);
        List<String> wrong = new ArrayList<>();
        item.fieldNames().forEachRemaining(f -> {
            if (!TODO_FIELDS.contains(f)) {
                wrong.add("an unknown field \"" + f + "\"");
            }
        });
        if (why.isBlank()) {
            wrong.add("no \"why\"");
        }
        int line = RequirementEntryCheck.quoteLine(course, lab, source, text, wrong);
        if (!wrong.isEmpty()) {
            findings.add(new Finding(name(), file, mapLine, "todo " + (index + 1) + " of the requirement map has "
                    + String.join(", ", wrong), "give it \"source\" (a file of labs/" + lab.folder()
                    + "/), \"text\" (a verbatim clause of the statement) and \"why\" (what is left to do)"));
            return Optional.empty();
        }
        findings.add(Finding.warning(name(), source, line, "task statement not mapped yet (todo in " + file + "): \""
                + shown(text) + "\" (" + why + ")", "map it: an entry with the checks that fail when it is broken "
                + "and a scenario proving it, or unchecked with a reason; then remove it from \"todo\""));
        return Optional.of(new Quote(source, text));
    }

    static String shown(String text) {
        return text.length() <= SHOWN ? text : text.substring(0, SHOWN) + "…";
    }
}
