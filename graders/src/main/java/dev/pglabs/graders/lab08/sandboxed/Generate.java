package dev.pglabs.graders.lab08.sandboxed;

import dev.pglabs.results.CheckStatus;
import dev.pglabs.submission.SubmissionProblem;
import dev.pglabs.worker.CodeRef;
import dev.pglabs.worker.StudentTask;
import dev.pglabs.worker.WorkerContext;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Runs the student's {@code blog.GenerateMigration.generate(lab, "5", "add bookmarks")} on a lab folder of its own
 * (in the worker's temporary space) that holds only the models below version 5, as the student's folder did before
 * the generation: the SQL it writes is what the student's V5 must be. The value is that SQL (null when it wrote no
 * V5__*.sql); an exception of the generator comes back as the failure.
 *
 * @param models a shared folder with the student's model files below version 5
 */
public record Generate(CodeRef code, String models, String sourceRoot) implements StudentTask<Outcome> {

    static final String CLASS = "blog.GenerateMigration";

    @Override
    public Outcome run(WorkerContext context) throws Exception {
        Class<?> generator = Blog.load(context, code, CLASS, sourceRoot);
        Method generate;
        try {
            generate = generator.getMethod("generate", Path.class, String.class, String.class);
        } catch (NoSuchMethodException e) {
            throw new SubmissionProblem(CheckStatus.FAILED, CLASS + " has no public static method generate(Path, "
                    + "String, String). Keep the starter's signature.");
        }
        Path lab = Files.createTempDirectory("pglabs-08-generate-");
        Path dbmigration = Files.createDirectories(lab.resolve("src/main/resources/dbmigration/model"));
        try (Stream<Path> given = Files.list(Path.of(models))) {
            for (Path model : given.toList()) {
                Files.copy(model, dbmigration.resolve(model.getFileName().toString()));
            }
        }
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(context.loader(code));
        try {
            generate.invoke(null, lab, "5", "add bookmarks");
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException | e.getCause() instanceof IOException) {
                return new Outcome(null, Failure.of(e.getCause()), List.of());
            }
            throw e;
        } finally {
            thread.setContextClassLoader(previous);
        }
        try (Stream<Path> written = Files.list(dbmigration.getParent())) {
            List<Path> v5 = written.filter(p -> p.getFileName().toString().startsWith("V5__")
                    && p.getFileName().toString().endsWith(".sql")).toList();
            return new Outcome(v5.isEmpty() ? null : Files.readString(v5.get(0)), null, List.of());
        }
    }
}
