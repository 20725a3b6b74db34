package dev.pglabs.classroom;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pglabs.course.Course;
import dev.pglabs.course.Lab;
import dev.pglabs.results.LabResult;
import dev.pglabs.results.Scores;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A course's grading policy ({@code grade-class --policy grading.json}): what each lab counts for, its deadline,
 * and the late-penalty rule. The format is in docs/instructors.md; every mistake in the file is refused with a
 * message naming the field and the fix ({@link InvalidCourseFile}).
 *
 * @param labs by lab id ({@code "01"}); a graded lab the policy does not name counts its raw points, never late
 */
public record GradingPolicy(Map<String, LabRule> labs, LatePenalty late) {

    /**
     * One lab's rule: exactly one of {@code points} (the lab is scaled to this many points) and {@code weight} (its
     * raw points are multiplied by it), or neither (raw points); the deadline is optional.
     */
    public record LabRule(Double points, Double weight, ZonedDateTime deadline) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> TOP = Set.of("labs", "latePenalty", "graceMinutes");
    private static final Set<String> LAB = Set.of("points", "weight", "deadline");
    private static final Set<String> LATE = Set.of("percentPerDay", "maxPercent", "zeroAfterDays");

    public GradingPolicy {
        labs = Map.copyOf(labs);
    }

    public static GradingPolicy read(Path file, Course course) throws InvalidCourseFile, IOException {
        if (!Files.isRegularFile(file)) {
            throw new InvalidCourseFile("there is no file " + file + "; give the path of the course's policy (JSON).");
        }
        String text = Files.readString(file, StandardCharsets.UTF_8);
        JsonNode root;
        try {
            root = JSON.readTree(text.startsWith("\uFEFF") ? text.substring(1) : text);
        } catch (JsonProcessingException e) {
            throw new InvalidCourseFile(file + " is not valid JSON (line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + "): " + e.getOriginalMessage());
        }
        try {
            return parse(root, course);
        } catch (InvalidCourseFile e) {
            throw new InvalidCourseFile(file + ": " + e.getMessage());
        }
    }

    static GradingPolicy parse(JsonNode root, Course course) throws InvalidCourseFile {
        if (root == null || !root.isObject()) {
            throw new InvalidCourseFile("the policy must be a JSON object: { \"labs\": { … }, \"latePenalty\": { … } }.");
        }
        known(root, TOP, "the policy");
        JsonNode labsNode = root.path("labs");
        if (!labsNode.isObject() || labsNode.isEmpty()) {
            throw new InvalidCourseFile("\"labs\" is missing or empty: give each lab by id, e.g. \"labs\": { \"01\": "
                    + "{ \"points\": 10, \"deadline\": \"2026-10-05T23:59:00+02:00\" } }.");
        }
        List<String> ids = course.labs().stream().map(Lab::id).toList();
        Map<String, LabRule> labs = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = labsNode.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String where = "labs." + e.getKey();
            if (!ids.contains(e.getKey())) {
                throw new InvalidCourseFile("\"" + where + "\": there is no lab " + e.getKey() + "; use a lab id of this course ("
                        + String.join(", ", ids) + ").");
            }
            JsonNode lab = e.getValue();
            if (!lab.isObject()) {
                throw new InvalidCourseFile("\"" + where + "\" must be an object, e.g. { \"points\": 10 }.");
            }
            known(lab, LAB, where);
            Double points = number(lab, "points", where, 0, Double.MAX_VALUE);
            Double weight = number(lab, "weight", where, 0, Double.MAX_VALUE);
            if (points != null && weight != null) {
                throw new InvalidCourseFile("\"" + where + "\" has both \"points\" and \"weight\": keep one (points scale the "
                        + "lab to that many points, a weight multiplies its raw points).");
            }
            labs.put(e.getKey(), new LabRule(points, weight, deadline(lab, where)));
        }
        Duration grace = Duration.ZERO;
        Double graceMinutes = number(root, "graceMinutes", "the policy", 0, Duration.ofDays(365).toMinutes());
        if (graceMinutes != null) {
            grace = Duration.ofSeconds(Math.round(graceMinutes * 60));
        }
        JsonNode lateNode = root.path("latePenalty");
        LatePenalty late = new LatePenalty(0, 0, null, grace);
        if (!lateNode.isMissingNode()) {
            if (!lateNode.isObject()) {
                throw new InvalidCourseFile("\"latePenalty\" must be an object, e.g. { \"percentPerDay\": 10, \"maxPercent\": 50 }.");
            }
            known(lateNode, LATE, "latePenalty");
            Double perDay = number(lateNode, "percentPerDay", "latePenalty", 0, 100);
            Double max = number(lateNode, "maxPercent", "latePenalty", 0, 100);
            Double zeroAfter = number(lateNode, "zeroAfterDays", "latePenalty", 0, 3650);
            if (zeroAfter != null && zeroAfter != Math.rint(zeroAfter)) {
                throw new InvalidCourseFile("\"latePenalty.zeroAfterDays\" is " + zeroAfter + "; write a whole number of days.");
            }
            if (perDay == null && zeroAfter == null) {
                throw new InvalidCourseFile("\"latePenalty\" needs \"percentPerDay\" or \"zeroAfterDays\" (or both): "
                        + "e.g. { \"percentPerDay\": 10, \"maxPercent\": 50, \"zeroAfterDays\": 7 }.");
            }
            late = new LatePenalty(perDay == null ? 0 : perDay, max == null ? 100 : max,
                    zeroAfter == null ? null : zeroAfter.intValue(), grace);
        }
        return new GradingPolicy(labs, late);
    }

    /** The lab under this policy: what its raw points count for and what lateness takes off. */
    public LabGrade grade(Lab lab, LabResult result, Optional<SubmissionTime> handedIn) {
        LabRule rule = labs.getOrDefault(lab.id(), new LabRule(null, null, null));
        double counted;
        double countedMax;
        if (rule.points() != null) {
            counted = result.max() == 0 ? 0 : result.score() / result.max() * rule.points();
            countedMax = rule.points();
        } else {
            double weight = rule.weight() == null ? 1 : rule.weight();
            counted = result.score() * weight;
            countedMax = result.max() * weight;
        }
        counted = Scores.round(counted);
        long days = 0;
        double percent = 0;
        // A lab not handed in scores nothing already; it is not late as well.
        if (rule.deadline() != null && handedIn.isPresent() && !result.notStarted()) {
            Duration late = Duration.between(rule.deadline().toInstant(), handedIn.get().instant());
            days = this.late.daysLate(late);
            percent = this.late.percent(late);
        }
        double penalty = Scores.round(counted * percent / 100);
        return new LabGrade(lab.folder(), result.score(), result.max(), counted, Scores.round(countedMax), handedIn,
                days, percent, penalty, Scores.round(counted - penalty));
    }

    private static void known(JsonNode node, Set<String> fields, String where) throws InvalidCourseFile {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!fields.contains(name)) {
                throw new InvalidCourseFile("\"" + name + "\" in " + where + " is not a field pglabs knows; use "
                        + String.join(", ", fields.stream().sorted().map(f -> "\"" + f + "\"").toList()) + ".");
            }
        }
    }

    private static Double number(JsonNode node, String field, String where, double min, double max) throws InvalidCourseFile {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        String name = where.equals("the policy") ? field : where + "." + field;
        if (!value.isNumber()) {
            throw new InvalidCourseFile("\"" + name + "\" is " + value + "; write a number without quotes, e.g. 10.");
        }
        double d = value.asDouble();
        if (d < min || d > max || Double.isNaN(d)) {
            throw new InvalidCourseFile("\"" + name + "\" is " + value + "; it must be between " + Scores.format(min) + " and "
                    + (max == Double.MAX_VALUE ? "any larger number" : Scores.format(max)) + ".");
        }
        return d;
    }

    private static ZonedDateTime deadline(JsonNode lab, String where) throws InvalidCourseFile {
        JsonNode value = lab.get("deadline");
        if (value == null || value.isNull()) {
            return null;
        }
        String example = "e.g. \"2026-10-05T23:59:00+02:00\" or \"2026-10-05T23:59:00+02:00[Europe/Berlin]\"";
        if (!value.isTextual()) {
            throw new InvalidCourseFile("\"" + where + ".deadline\" must be a date-time in quotes, " + example + ".");
        }
        try {
            return ZonedDateTime.parse(value.asText(), DateTimeFormatter.ISO_ZONED_DATE_TIME);
        } catch (DateTimeException e) {
            throw new InvalidCourseFile("\"" + where + ".deadline\" is \"" + value.asText() + "\", not an ISO date-time with "
                    + "its time zone offset; write it as " + example + ".");
        }
    }
}
