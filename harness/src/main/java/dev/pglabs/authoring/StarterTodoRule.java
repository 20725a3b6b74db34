package dev.pglabs.authoring;

import dev.pglabs.course.Course;
import dev.pglabs.course.Lab;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Every starter says where the answer goes. A starter is a file of {@code labs/<lab>/} that differs from its
 * solution (files identical in both are scaffolding the student does not change); it must contain "TODO".
 */
final class StarterTodoRule implements CourseRule {

    static final String MARK = "TODO";

    @Override
    public String name() {
        return "starter-todo";
    }

    @Override
    public String requires() {
        return "every starter (a lab file that differs from its solution) has a TODO where the answer goes";
    }

    @Override
    public List<Finding> check(Course course) {
        List<Finding> findings = new ArrayList<>();
        for (Lab lab : course.labs()) {
            Path solutions = course.solutionsDir().resolve(lab.folder());
            for (Map.Entry<String, Path> starter : CourseFiles.files(course.labsDir().resolve(lab.folder())).entrySet()) {
                if (starter.getKey().equals("README.md") || same(starter.getValue(), solutions.resolve(starter.getKey()))) {
                    continue;
                }
                if (!contains(starter.getValue(), MARK)) {
                    findings.add(new Finding(name(), CourseFiles.relative(course, starter.getValue()), 0,
                            "this starter differs from its solution but has no TODO saying where the answer goes",
                            "add a line such as \"-- TODO: write your query here\" (SQL) or \"// TODO: …\" (Java) "
                                    + "where the student's answer goes"));
                }
            }
        }
        return findings;
    }

    private static boolean same(Path a, Path b) {
        try {
            return Files.isRegularFile(b) && Arrays.equals(Files.readAllBytes(a), Files.readAllBytes(b));
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean contains(Path file, String text) {
        try {
            return new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1).contains(text);
        } catch (IOException e) {
            return false;
        }
    }
}
