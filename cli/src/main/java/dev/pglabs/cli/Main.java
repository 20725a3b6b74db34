package dev.pglabs.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code pglabs} command. Each subcommand is its own class. */
@Command(name = "pglabs", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "A PostgreSQL course in Java: labs, graders and a real PostgreSQL.",
        subcommands = {ListCommand.class, GradeCommand.class, GradeClassCommand.class, MergeGradesCommand.class,
                GradescopeAutograderCommand.class, WatchCommand.class, HintCommand.class, VerifyCommand.class,
                DbCommand.class, BenchCommand.class, ClassBenchCommand.class, NotebookCommand.class,
                JshellCommand.class, ReleaseCommand.class, CommandLine.HelpCommand.class})
public final class Main {

    /** Exit status when the harness could not grade (the score itself never makes grade fail). */
    static final int CANNOT_GRADE = 1;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The command line with pglabs' error handling: a failure prints one clear message and exits 1. */
    static CommandLine commandLine() {
        return new CommandLine(new Main())
                .setExecutionExceptionHandler((e, cmd, parsed) -> {
                    cmd.getErr().println("pglabs: " + Errors.describe(e));
                    return CANNOT_GRADE;
                });
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[]{"pglabs " + dev.pglabs.grading.GradingRunner.VERSION};
        }
    }
}
