package dev.pglabs.cli;

import dev.pglabs.course.Course;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code pglabs new-lab NN-slug}: the skeleton of a new SQL lab, which {@code verify} accepts as written. */
@Command(name = "new-lab", description = {"Write the skeleton of a new SQL lab: README (a notebook cell, ## Hints), "
        + "a starter with its TODO and its solution, a grader, a dataset with a hidden variant, a golden scenario, the "
        + "course.json entry and the README table row. './pglabs verify NN' accepts it at once; then make it yours "
        + "(docs/authoring.md)."})
final class NewLabCommand implements Callable<Integer> {

    @Parameters(paramLabel = "NN-slug", description = "The lab's folder name: its number and slug, e.g. 12-window-functions.")
    String folder;

    // The kind of lab. SQL is the only kind new-lab writes so far (a Java lab needs worker tasks of its own: copy the
    // pattern of lab 10); the option is accepted so that scripts can say which kind they mean.
    @Option(names = "--sql", description = "An SQL lab: exercises are .sql files (the default, and the only kind yet).")
    boolean sql = true;

    @Override
    public Integer call() {
        Course course = Course.locate();
        LabSkeleton skeleton = LabSkeleton.of(folder);
        List<Path> written = skeleton.write(course);
        System.out.println("Wrote lab " + skeleton.folder() + ":");
        written.forEach(p -> System.out.println("  " + course.home().relativize(p).toString().replace('\\', '/')));
        System.out.println("Next: ./pglabs verify " + folder.substring(0, 2) + " and ./pglabs dev check; "
                + "docs/authoring.md says how to make the lab yours.");
        return 0;
    }
}
