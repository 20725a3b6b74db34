package dev.pglabs.notebook;

import dev.pglabs.javasub.CodePolicy;
import dev.pglabs.javasub.CompiledSubmission;
import dev.pglabs.javasub.JavaSources;
import dev.pglabs.javasub.JavaSubmission;
import dev.pglabs.submission.LabFiles;
import dev.pglabs.submission.SubmissionProblem;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The student's own Java of a Java lab ({@code src/main/java} of their lab folder), compiled the way the grader
 * compiles it (entities enhanced for a lab that uses Ebean) for the notebook's JShell, and compiled again when a
 * file there changes. It is not graded here: it runs as the student's own program, so no code policy applies.
 */
final class StudentClasses implements AutoCloseable {

    private final LabFiles lab;
    private final boolean ebean;
    private String builtFrom;
    private CompiledSubmission compiled;

    private StudentClasses(LabFiles lab, boolean ebean) {
        this.lab = lab;
        this.ebean = ebean;
    }

    /** For a lab folder with {@code src/main/java}; empty for an SQL lab. */
    static Optional<StudentClasses> of(LabFiles lab) {
        if (!Files.isDirectory(lab.dir().resolve(JavaSources.MAIN))) {
            return Optional.empty();
        }
        Path pom = lab.dir().resolve("pom.xml");
        boolean ebean;
        try {
            ebean = Files.isRegularFile(pom) && Files.readString(pom).contains("io.ebean");
        } catch (IOException e) {
            ebean = false;  // an unreadable pom: compiled without enhancement, and Ebean will say what is missing
        }
        return Optional.of(new StudentClasses(lab, ebean));
    }

    /** Whether the lab uses Ebean: its classes, and those of cells, are enhanced. */
    boolean ebean() {
        return ebean;
    }

    /** Where the last build's classes are, if it compiled. */
    synchronized Optional<Path> classesDir() {
        return Optional.ofNullable(compiled).map(CompiledSubmission::classesDir);
    }

    /**
     * Compiles when the sources differ from the last build (or there was none).
     *
     * @return empty when nothing changed, else what the reader should know (compiled again, or why not)
     */
    synchronized Optional<String> refresh() {
        String now = fingerprint();
        if (now.equals(builtFrom)) {
            return Optional.empty();
        }
        boolean first = builtFrom == null;
        builtFrom = now;
        if (compiled != null) {
            compiled.close();
            compiled = null;
        }
        String where = lab.dir().getFileName() + "/" + JavaSources.MAIN;
        try {
            JavaSubmission sources = JavaSubmission.sources(lab, JavaSources.MAIN).policy(CodePolicy.none())
                    .parent(StudentClasses.class.getClassLoader());
            compiled = (ebean ? sources.ebean() : sources).compile();
            return first ? Optional.empty() : Optional.of("Your Java in " + where
                    + " changed: compiled again. Java variables of earlier cells start anew.");
        } catch (SubmissionProblem e) {
            return Optional.of("Your Java in " + where + " cannot be used in the notebook until this is fixed"
                    + " (the notebook compiles it again when the files change):\n" + e.getMessage());
        }
    }

    /** Names, sizes and modification times of the sources: cheap, and any save changes it. */
    private String fingerprint() {
        Path root = lab.dir().resolve(JavaSources.MAIN);
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(p -> p.toString().endsWith(".java")).sorted().map(p -> {
                try {
                    return p + ":" + Files.size(p) + ":" + Files.getLastModifiedTime(p).toMillis();
                } catch (IOException e) {
                    return p + ":unreadable";
                }
            }).collect(Collectors.joining("\n"));
        } catch (IOException | UncheckedIOException e) {
            return "unreadable: " + e.getMessage();
        }
    }

    @Override
    public synchronized void close() {
        if (compiled != null) {
            compiled.close();
            compiled = null;
        }
    }
}
