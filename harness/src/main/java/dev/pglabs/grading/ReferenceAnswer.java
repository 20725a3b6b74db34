package dev.pglabs.grading;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * A reference answer named by a grader: the SQL lives in a resource beside the grader class,
 * {@code references/<name>.sql} in its package, not in the check's code, so a check reads as its rubric and the
 * student release can leave the references out. Only its name is needed to look up what a student release stores
 * in its place (the expected result, see {@link ExpectedResults}); the text is read when a check runs it.
 */
public final class ReferenceAnswer {

    private final Class<?> grader;
    private final String name;

    private ReferenceAnswer(Class<?> grader, String name) {
        if (name == null || !name.matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
            throw new IllegalArgumentException("A reference name is a file name without .sql, not '" + name + "'");
        }
        this.grader = grader;
        this.name = name;
    }

    /** The reference {@code references/<name>.sql} in the package of {@code grader}. */
    public static ReferenceAnswer beside(Class<?> grader, String name) {
        return new ReferenceAnswer(grader, name);
    }

    public String name() {
        return name;
    }

    /** Where the SQL lives on the class path (the student release leaves every such folder out). */
    public String resource() {
        return grader.getPackageName().replace('.', '/') + "/" + FOLDER + "/" + name + ".sql";
    }

    /** The folder, beside each grader class, that holds its references. */
    public static final String FOLDER = "references";

    /** The SQL of the reference. */
    public String sql() {
        try (InputStream in = grader.getResourceAsStream(FOLDER + "/" + name + ".sql")) {
            if (in == null) {
                throw new IllegalStateException("The reference " + resource() + " is not on the class path (a bug in "
                        + "the grader, or a student release asked to run a reference it does not hold).");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("Could not read the reference " + resource(), e);
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
