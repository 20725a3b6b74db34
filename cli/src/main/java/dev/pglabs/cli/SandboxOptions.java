package dev.pglabs.cli;

import dev.pglabs.course.Lab;
import dev.pglabs.grading.StudentJava;
import dev.pglabs.worker.SandboxPolicy;
import picocli.CommandLine.Option;

import java.util.List;
import java.util.Optional;

/**
 * {@code --unsafe-no-sandbox}, for the commands that grade other people's work: without it they refuse to run a
 * Java lab where the OS sandbox is not available.
 */
final class SandboxOptions {

    @Option(names = "--unsafe-no-sandbox",
            description = "Grade Java labs even where the OS sandbox (bubblewrap) is not available: student code then "
                    + "runs in a plain process that can read this machine's files and reach its network.")
    boolean unsafeNoSandbox;

    /** The policy for grading others' work (hidden checks, a class, Gradescope). */
    SandboxPolicy forOthers() {
        return unsafeNoSandbox ? SandboxPolicy.ALLOW_UNSANDBOXED : SandboxPolicy.REQUIRE;
    }

    /**
     * Under {@code policy}, whether these labs can be graded here; if not, prints why and returns false. Checked
     * before grading starts, so nothing is half done.
     */
    static boolean permits(SandboxPolicy policy, List<Lab> labs) {
        if (StudentJava.among(labs).isEmpty()) {
            return true;
        }
        Optional<String> forced = Optional.ofNullable(System.getProperty(SandboxPolicy.PROPERTY));
        if (policy.choose(forced).isEmpty()) {
            System.err.println("pglabs: " + SandboxPolicy.refusal(forced));
            return false;
        }
        return true;
    }
}
