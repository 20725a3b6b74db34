package dev.pglabs.cli;

import dev.pglabs.course.Course;
import dev.pglabs.course.Lab;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

import java.util.List;

/** Turns the LAB arguments of a command into labs; an unknown name is a usage error (exit 2). */
final class LabSelection {
    private LabSelection() {
    }

    static List<Lab> resolve(Course course, List<String> references, CommandSpec spec) {
        if (references.isEmpty()) {
            return course.labs();
        }
        try {
            return references.stream().map(course::lab).distinct().toList();
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
    }
}
