package dev.pglabs.authoring;

import dev.pglabs.course.Course;
import dev.pglabs.course.Lab;
import dev.pglabs.notebook.Notebook;
import dev.pglabs.notebook.NotebookSession;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Every lab's README is a notebook with recorded outputs: at least one cell, and the outputs the notebook test
 * compares with ({@code ./pglabs notebook NN --run} records them).
 */
final class RecordedNotebookRule implements CourseRule {

    @Override
    public String name() {
        return "recorded-notebook";
    }

    @Override
    public String requires() {
        return "every lab README has notebook cells and their recorded outputs";
    }

    @Override
    public List<Finding> check(Course course) {
        List<Finding> findings = new ArrayList<>();
        for (Lab lab : course.labs()) {
            Path readme = CourseFiles.readme(course, lab);
            String file = CourseFiles.relative(course, readme);
            if (!Files.isRegularFile(readme)) {
                findings.add(new Finding(name(), file, 0, "lab " + lab.folder() + " has no README",
                        "write the lesson there: prose, ```sql cells, the exercises and a ## Hints section"));
                continue;
            }
            Notebook notebook = NotebookSession.readme(course, lab);
            if (notebook.cells().isEmpty()) {
                findings.add(new Finding(name(), file, 0, "the README has no notebook cell (no ```sql or ```java block)",
                        "add at least one example as a ```sql block, then run ./pglabs notebook " + lab.id() + " --run"));
            } else if (!notebook.hasRecordedOutputs()) {
                findings.add(new Finding(name(), file, 0, "the README's notebook cells have no recorded outputs",
                        "run ./pglabs notebook " + lab.id() + " --run and review the outputs it writes into the README"));
            }
        }
        return findings;
    }
}
