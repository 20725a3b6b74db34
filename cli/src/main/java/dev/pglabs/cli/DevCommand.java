package dev.pglabs.cli;

import dev.pglabs.authoring.CourseCheck;
import dev.pglabs.authoring.CourseRule;
import dev.pglabs.authoring.Finding;
import dev.pglabs.course.Course;
import picocli.CommandLine.Command;

import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code pglabs dev …}: commands for the people who write the course. */
@Command(name = "dev", description = "Commands for course authors (see docs/authoring.md).",
        subcommands = {DevCommand.CheckCommand.class, MutantsCommand.class})
final class DevCommand {

    /** {@code pglabs dev check}: the course's own rules, without a database; exit 1 on findings. */
    @Command(name = "check", description = {"Check the course's files without grading: course.json agrees with the "
            + "graders, solutions/ mirrors labs/, starters have their TODO, check ids are unique, and every lab has "
            + "hints that give no answer, golden scenarios and a recorded notebook. Exits 1 when something is wrong."}, footer = "Grading the course (solutions full marks, starters zero) is 'pglabs verify'.")
    static final class CheckCommand implements Callable<Integer> {

        @Override
        public Integer call() {
            return report(Course.locate(), System.out);
        }

        /** Prints the findings on the course, or that there are none; 1 when there are some. */
        static int report(Course course, PrintStream out) {
            List<Finding> findings = CourseCheck.run(course);
            for (Finding finding : findings) {
                out.println(finding);
            }
            if (findings.isEmpty()) {
                out.println("The course keeps all " + CourseCheck.RULES.size() + " rules:");
                for (CourseRule rule : CourseCheck.RULES) {
                    out.println("  " + rule.name() + ": " + rule.requires());
                }
                return 0;
            }
            out.println(findings.size() + (findings.size() == 1 ? " problem" : " problems") + " found: see above.");
            return 1;
        }
    }
}
