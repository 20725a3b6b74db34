package dev.pglabs.cli;

import dev.pglabs.grading.GradingRunner;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code pglabs} command. Each subcommand is its own class. */
@Command(name = "pglabs", mixinStandardHelpOptions = true, scope = CommandLine.ScopeType.INHERIT,
        versionProvider = Main.Version.class,
        description = "A PostgreSQL course in Java: labs, graders and a real PostgreSQL.",
        footer = {"", "For instructors and course authors: " + Main.INSTRUCTOR_COMMANDS
                + " (pglabs COMMAND --help)."},
        subcommands = {ListCommand.class, GradeCommand.class, GradeClassCommand.class, MergeGradesCommand.class,
                GradeDiffCommand.class,
                GradescopeAutograderCommand.class, WatchCommand.class, HintCommand.class, VerifyCommand.class,
                DbCommand.class, BenchCommand.class, ClassBenchCommand.class, NotebookCommand.class,
                JshellCommand.class, ReleaseCommand.class, NewLabCommand.class, DevCommand.class,
                CommandLine.HelpCommand.class})
public final class Main {

    /** Exit status when the harness could not grade (the score itself never makes grade fail). */
    static final int CANNOT_GRADE = 1;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The command line with pglabs' error handling: a failure prints one clear message and exits 1. */
    static CommandLine commandLine() {
        CommandLine line = new CommandLine(new Main())
                .setExecutionExceptionHandler((e, cmd, parsed) -> {
                    cmd.getErr().println("pglabs: " + Errors.describe(e));
                    return CANNOT_GRADE;
                })
                .setParameterExceptionHandler(Main::usageMistake);
        // A student's help lists a student's commands; the others are one line of the footer, and work as ever.
        for (String name : INSTRUCTOR_COMMANDS.split(", ")) {
            line.getSubcommands().get(name).getCommandSpec().usageMessage().hidden(true);
        }
        return line;
    }

    /** Commands for instructors and course authors, left out of the student's command list. */
    static final String INSTRUCTOR_COMMANDS = "grade-class, merge-grades, grade-diff, gradescope-autograder, release, "
            + "verify, bench, bench-class, new-lab, dev";

    /** A mistake on the command line: the message and where help is, in two lines, not the whole usage. */
    private static int usageMistake(CommandLine.ParameterException e, String[] args) {
        CommandLine cmd = e.getCommandLine();
        String message = e.getMessage();
        if (e instanceof CommandLine.UnmatchedArgumentException unmatched && cmd.getCommandSpec().parent() == null
                && !unmatched.getUnmatched().isEmpty() && !unmatched.getUnmatched().get(0).startsWith("-")) {
            message = "there is no command '" + unmatched.getUnmatched().get(0) + "'.";
        }
        cmd.getErr().println("pglabs: " + message);
        cmd.getErr().println("See '" + cmd.getCommandSpec().qualifiedName() + " --help'.");
        return cmd.getCommandSpec().exitCodeOnInvalidInput();
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[]{"pglabs " + GradingRunner.VERSION};
        }
    }
}
