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

    /** {@code pglabs dev check}: the course's own rules, without a database; exit 1 on errors (warnings pass). */
    @Command(name = "check", description = {"Check the course's files without grading: course.json agrees with the "
            + "graders, solutions/ mirrors labs/, starters have their TODO, check ids are unique and check methods "
            + "named after them, and every lab has hints that give no answer, golden scenarios, a requirement map "
            + "covering its task statements and a recorded notebook. Exits 1 on an error; warnings (statements a "
            + "map lists as todo) are printed and counted but pass."},
            footer = "Grading the course (solutions full marks, starters zero) is 'pglabs verify'.")
    static final class CheckCommand implements Callable<Integer> {

        @Override
        public Integer call() {
            return report(Course.locate(), System.out);
        }

        /** Prints the findings on the course, or that there are none; 1 when there are errors. */
        static int report(Course course, PrintStream out) {
            List<Finding> findings = CourseCheck.run(course);
            for (Finding finding : findings) {
                out.println(finding);
            }
            int errors = CourseCheck.errors(findings).size();
            int warnings = findings.size() - errors;
            String warned = warnings == 0 ? "" : warnings + (warnings == 1 ? " warning" : " warnings");
            if (errors == 0) {
                out.println("The course keeps all " + CourseCheck.RULES.size() + " rules"
                        + (warnings == 0 ? ":" : " (" + warned + " above: work listed as not done yet):"));
                for (CourseRule rule : CourseCheck.RULES) {
                    out.println("  " + rule.name() + ": " + rule.requires());
                }
                return 0;
            }
            out.println(errors + (errors == 1 ? " problem" : " problems") + " found" + (warnings == 0 ? "" : " and "
                    + warned) + ": see above.");
            return 1;
        }
    }
}
