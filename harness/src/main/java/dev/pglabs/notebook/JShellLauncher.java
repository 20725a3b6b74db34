package dev.pglabs.notebook;

import dev.pglabs.javasub.JavaSources;
import jdk.jshell.tool.JavaShellToolBuilder;

import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Opens the real jshell tool in this JVM with the notebook's start-up: the course class path, the local
 * execution engine (so snippets share this process's lab database and helpers), the helper imports, and a
 * stepper for {@code next()}, {@code run(n)} and {@code where()}.
 */
public final class JShellLauncher {

    /**
     * jshell keeps its history in java.util.prefs, which logs "Created user preferences directory" the first
     * time; that line means nothing to a student. Held here so the logger (and its level) is not collected.
     */
    private static final Logger PREFS_LOG = Logger.getLogger("java.util.prefs");

    private JShellLauncher() {
    }

    /** Runs jshell on the terminal until the user leaves it; returns jshell's exit status. */
    public static int start(NotebookSession session, PrintStream out) throws Exception {
        return start(session, out, JavaShellToolBuilder.builder());
    }

    /** The same with jshell's input and output chosen by the caller (a test drives it through streams). */
    static int start(NotebookSession session, PrintStream out, JavaShellToolBuilder jshell) throws Exception {
        PREFS_LOG.setLevel(Level.WARNING);
        Path dir = Files.createTempDirectory("pglabs-jshell-");
        Optional<StudentClasses> student = StudentClasses.of(session.labFiles());
        try {
            Path startup = dir.resolve("pglabs.jsh");
            Files.writeString(startup, String.join("\n", JavaRunner.IMPORTS) + "\n", StandardCharsets.UTF_8);
            session.useStepper(new Stepper(session, out, dir));
            out.println(banner(session));
            String classPath = Classpath.forCompiler();
            String execution = "local";
            if (student.isPresent()) {
                // Compiled (and enhanced, in an Ebean lab) as the grader compiles it; a build that fails is said
                // once here, and jshell still opens with the course's classes.
                Optional<String> problem = student.get().refresh();
                Optional<Path> classes = student.get().classesDir();
                if (classes.isPresent()) {
                    classPath += File.pathSeparator + classes.get();
                    execution = StudentClassesExecution.spec(classes.get().toString(), student.get().ebean());
                    out.println("  Your classes of " + JavaSources.MAIN + " are on the class path, as compiled now:"
                            + " after changing them, /exit and start pglabs jshell again.");
                }
                problem.ifPresent(out::println);
                if (classes.isEmpty() && student.get().ebean()) {
                    execution = StudentClassesExecution.spec("", true);  // entities of snippets still enhanced
                }
            }
            return jshell.start("--execution", execution, "--class-path", classPath,
                    "--startup", "DEFAULT", "--startup", startup.toString());
        } finally {
            student.ifPresent(StudentClasses::close);
            deleteQuietly(dir);
        }
    }

    static String banner(NotebookSession session) {
        Notebook notebook = session.notebook();
        return """
                pglabs jshell · %s · %d cells · a fresh database of lab %s, as your student role
                  next()  run the next cell of the README     run(n)  run cell n     where()  where am I
                  sql("…")  query("…")  explain("…")  connection()  check()  grade your exercise files
                  Java cells are handed to jshell's /open. /exit leaves.""".formatted(notebook.displayName(),
                notebook.cells().size(), session.lab().folder());
    }

    private static void deleteQuietly(Path dir) {
        try (var files = Files.list(dir)) {
            for (Path f : files.toList()) {
                Files.deleteIfExists(f);
            }
            Files.deleteIfExists(dir);
        } catch (IOException e) {
            // A temporary folder; the OS cleans it eventually.
        }
    }
}
