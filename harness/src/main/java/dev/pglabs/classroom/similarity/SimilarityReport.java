package dev.pglabs.classroom.similarity;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pglabs.classroom.Student;
import dev.pglabs.course.Course;
import dev.pglabs.course.Lab;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What the similarity report shows: identical lab folders, pairs of students whose answers are alike in a way
 * that is rare in the class, and the clusters those pairs form. A hint for a human to look at, never a verdict.
 *
 * @param students   how many students were compared
 * @param exercises  how many exercises (SQL files) were compared
 * @param answers    how many answers were compared
 * @param tokenOnly  how many of them the parser could not read (compared as tokens)
 * @param notes      files that could not be compared, and why
 */
public record SimilarityReport(List<String> labs, int students, int exercises, int answers, int tokenOnly,
                               double threshold, List<IdenticalSubmissions.Group> identical,
                               List<SimilarityIndex.Pair> pairs, List<List<String>> clusters, List<String> notes) {

    public static final String HTML = "similarity.html";
    public static final String JSON = "similarity.json";

    /** Compares every student's answers to the given labs. */
    public static SimilarityReport of(Course course, List<Lab> labs, List<Student> students) {
        List<Exercise> exercises = new ArrayList<>();
        labs.forEach(lab -> exercises.addAll(AnswerCollector.exercises(course, lab)));
        try (SqlNormaliser normaliser = new SqlNormaliser()) {
            AnswerCollector collector = new AnswerCollector(normaliser);
            List<Answer> answers = collector.answers(students, exercises);
            List<SimilarityIndex.Pair> pairs = SimilarityIndex.pairs(answers, SimilarityIndex.THRESHOLD);
            return new SimilarityReport(labs.stream().map(Lab::folder).toList(), students.size(), exercises.size(),
                    answers.size(), (int) answers.stream().filter(a -> !a.parsed()).count(), SimilarityIndex.THRESHOLD,
                    IdenticalSubmissions.find(course, labs, students), pairs, SimilarityIndex.clusters(pairs),
                    collector.notes());
        }
    }

    /** The report for tools: scores and where to look, without the students' answers. */
    public void writeJson(Path file) throws IOException {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = mapper.createObjectNode();
        root.put("threshold", threshold);
        root.set("labs", mapper.valueToTree(labs));
        root.put("students", students).put("exercises", exercises).put("answers", answers).put("tokenOnly", tokenOnly);
        ArrayNode same = root.putArray("identical");
        identical.forEach(g -> same.addObject().put("lab", g.lab()).put("sha256", g.hash())
                .set("students", mapper.valueToTree(g.students())));
        ArrayNode list = root.putArray("pairs");
        for (SimilarityIndex.Pair p : pairs) {
            ObjectNode pair = list.addObject().put("first", p.first()).put("second", p.second())
                    .put("score", Math.round(p.score() * 100) / 100.0);
            ArrayNode shared = pair.putArray("shared");
            p.shared().forEach(s -> shared.addObject().put("exercise", s.exercise().name())
                    .put("weight", Math.round(s.weight() * 100) / 100.0).put("sharedBy", s.sharedBy())
                    .put("answered", s.answered()));
        }
        root.set("clusters", mapper.valueToTree(clusters));
        root.set("notes", mapper.valueToTree(notes));
        Files.createDirectories(file.toAbsolutePath().getParent());
        mapper.writeValue(file.toFile(), root);
    }
}
