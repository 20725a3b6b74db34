package dev.pglabs.authoring;

import dev.pglabs.course.Course;
import dev.pglabs.course.Lab;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code solutions/} mirrors {@code labs/}: each lab has both folders, every lab file (but the README) has its
 * solution at the same path, and a solution file without a starter is one the README tells the student to create
 * (lab 08's generated migration, for instance): the README names it.
 */
final class SolutionsMirrorRule implements CourseRule {

    @Override
    public String name() {
        return "solutions-mirror";
    }

    @Override
    public String requires() {
        return "solutions/ mirrors labs/: the same files, path for path (a solution-only file is named in the README)";
    }

    @Override
    public List<Finding> check(Course course) {
        List<Finding> findings = new ArrayList<>();
        for (Lab lab : course.labs()) {
            Path labDir = course.labsDir().resolve(lab.folder());
            Path solDir = course.solutionsDir().resolve(lab.folder());
            for (Path dir : List.of(labDir, solDir)) {
                if (!Files.isDirectory(dir)) {
                    findings.add(new Finding(name(), CourseFiles.relative(course, dir), 0,
                            "lab " + lab.folder() + " has no folder " + CourseFiles.relative(course, dir),
                            "create it (./pglabs new-lab writes a lab's folders), or fix the id and slug in course.json"));
                }
            }
            if (!Files.isDirectory(labDir) || !Files.isDirectory(solDir)) {
                continue;
            }
            Map<String, Path> starters = CourseFiles.files(labDir);
            Map<String, Path> solutions = CourseFiles.files(solDir);
            for (String rel : starters.keySet()) {
                if (!rel.equals("README.md") && !solutions.containsKey(rel)) {
                    findings.add(new Finding(name(), CourseFiles.relative(course, labDir.resolve(rel)), 0,
                            "this lab file has no solution at solutions/" + lab.folder() + "/" + rel,
                            "add the reference answer there (verify requires it to get full marks)"));
                }
            }
            String readme = read(CourseFiles.readme(course, lab));
            for (String rel : solutions.keySet()) {
                String fileName = rel.substring(rel.lastIndexOf('/') + 1);
                if (!starters.containsKey(rel) && !readme.contains(fileName)) {
                    findings.add(new Finding(name(), CourseFiles.relative(course, solDir.resolve(rel)), 0,
                            "this solution file has no starter at labs/" + lab.folder() + "/" + rel
                                    + ", and the lab's README does not tell the student to create " + fileName,
                            "add the starter (with its TODO), or say in the README which file the student creates"));
                }
            }
        }
        return findings;
    }

    private static String read(Path file) {
        try {
            return Files.isRegularFile(file) ? Files.readString(file) : "";
        } catch (IOException e) {
            return "";
        }
    }
}
