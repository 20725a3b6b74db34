package dev.pglabs.cli;

import dev.pglabs.course.Course;
import dev.pglabs.grading.ExpectedResults;
import dev.pglabs.results.Scores;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code pglabs release OUT}: writes the repository students get (see {@link StudentRelease}). */
@Command(name = "release", description = {"Write the student copy of the course to OUT (a new or empty folder): "
        + "everything to build pglabs and grade the labs, without solutions/, hidden checks and their data, the "
        + "graders' reference answers and the course's own tests.", "It grades solutions/ to store what the visible "
        + "checks compare with (the references' results on the visible data), so it needs a database (--db).", "Students' 'pglabs grade' there runs the visible checks and says how many hidden ones "
        + "you grade."})
final class ReleaseCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "OUT", description = "Where to write the student repository.")
    Path out;

    @Mixin
    DatabaseOptions database;

    @Override
    public Integer call() throws Exception {
        Course course = Course.locate();
        Path target = out.toAbsolutePath().normalize();
        StudentRelease release = new StudentRelease(course);
        String unusable = release.unusable(target);
        if (unusable != null) {
            System.err.println("pglabs: cannot write the release: " + unusable);
            return Main.CANNOT_GRADE;
        }
        StudentRelease.Summary summary = release.write(target, database.provider());
        System.out.println("Wrote the student release to " + target + " (" + summary.files() + " files).");
        System.out.println("Left out:");
        summary.leftOut().forEach(item -> System.out.println("  " + item));
        System.out.println("Expected results stored in place of the references (" + ExpectedResults.FOLDER
                + "/):");
        summary.expectedResults().forEach((lab, count) -> System.out.printf("  %-24s %d%n", lab, count));
        System.out.println("Hidden checks (graded by you with this repository: grade-class, gradescope-autograder, "
                + "grade --all):");
        summary.hiddenChecks().forEach((lab, count) -> System.out.printf("  %-24s %d checks, %s points%n", lab,
                count.checks(), Scores.format(count.points())));
        System.out.println("Next: cd " + target + " && git init && ./pglabs grade 01   (or push it as the template "
                + "repository of your GitHub Classroom assignment).");
        return 0;
    }
}
