package dev.pglabs.cli;

import dev.pglabs.course.Course;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code pglabs new-lab NN-slug [--sql | --java]}: the skeleton of a new SQL or Java lab, which {@code verify}
 * accepts as written.
 */
@Command(name = "new-lab", description = {"Write the skeleton of a new lab: README (notebook cells, ## Hints), "
        + "a starter with its TODO and its solution, a grader, a dataset with a hidden variant, golden scenarios and "
        + "the requirement map they prove, the course.json entry and the README table row. './pglabs verify NN' "
        + "accepts it at once; then make it yours (docs/authoring.md)."})
final class NewLabCommand implements Callable<Integer> {

    @Parameters(paramLabel = "NN-slug", description = "The lab's folder name: its number and slug, e.g. 12-window-functions.")
    String folder;

    @ArgGroup(exclusive = true)
    Kind kind = new Kind();

    /** The kind of lab, one of the two options; SQL when neither is given. */
    static final class Kind {
        @Option(names = "--sql", description = "An SQL lab: exercises are .sql files (the default).")
        boolean sql;

        @Option(names = "--java", description = "A Java lab: a Maven project whose methods the student completes, "
                + "each given a JDBC Connection; the grader calls them in the sandboxed worker.")
        boolean java;
    }

    @Override
    public Integer call() {
        Course course = Course.locate();
        LabSkeleton skeleton = LabSkeleton.of(folder, kind.java ? LabSkeleton.Kind.JAVA : LabSkeleton.Kind.SQL);
        List<Path> written = skeleton.write(course);
        System.out.println("Wrote lab " + skeleton.folder() + ":");
        written.forEach(p -> System.out.println("  " + course.home().relativize(p).toString().replace('\\', '/')));
        System.out.println("Next: ./pglabs verify " + folder.substring(0, 2) + " and ./pglabs dev check; "
                + "docs/authoring.md says how to make the lab yours.");
        return 0;
    }
}
