package dev.pglabs.authoring;

import dev.pglabs.course.Course;
import dev.pglabs.course.Lab;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Every lab has golden scenarios: at least one folder {@code graders/src/test/resources/golden/<lab>/<scenario>/}
 * with an {@code expected.json} (the format is in that folder's README; dev.pglabs.scenarios reads it).
 */
final class GoldenScenariosRule implements CourseRule {

    @Override
    public String name() {
        return "golden-scenarios";
    }

    @Override
    public String requires() {
        return "every lab has golden scenarios (graders/src/test/resources/golden/NN-slug/<scenario>/expected.json)";
    }

    @Override
    public List<Finding> check(Course course) {
        List<Finding> findings = new ArrayList<>();
        for (Lab lab : course.labs()) {
            Path golden = CourseFiles.golden(course, lab);
            if (scenarios(golden) == 0) {
                findings.add(new Finding(name(), CourseFiles.relative(course, golden), 0,
                        "lab " + lab.folder() + " has no golden scenario",
                        "add a folder <scenario>/ there holding what a wrong submission changes in the solution ("
                                + lab.folder() + "/… files or a changes.diff) and an expected.json of the checks"
                                + " it fails; see golden/README.md"));
            }
        }
        return findings;
    }

    private static long scenarios(Path golden) {
        if (!Files.isDirectory(golden)) {
            return 0;
        }
        try (Stream<Path> dirs = Files.list(golden)) {
            return dirs.filter(d -> Files.isRegularFile(d.resolve("expected.json"))).count();
        } catch (IOException e) {
            return 0;
        }
    }
}
