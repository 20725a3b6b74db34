package dev.pglabs.grading;

import dev.pglabs.course.Lab;
import dev.pglabs.javasub.CompiledSubmission;
import dev.pglabs.javasub.JavaSources;
import dev.pglabs.results.CheckFailure;
import dev.pglabs.worker.SandboxPolicy;
import dev.pglabs.worker.StudentJvm;
import dev.pglabs.provisioning.CheckDatabase;
import dev.pglabs.submission.LabFiles;
import dev.pglabs.submission.SubmissionProblem;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

import java.util.Optional;
import java.util.Set;

/**
 * Gives {@link Check} methods what they grade with: the lab's files, a fresh database per check, the SQL
 * helper, the lab's Java sources ({@link JavaSources}, compiled per check, or a {@link CompiledSubmission} compiled
 * once for all checks of the grader) and the session. Databases are created only when a check
 * asks for one, and dropped after it; compiled Java is closed with its check (or grader).
 */
public final class GradingExtension implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(GradingExtension.class);
    private static final Set<Class<?>> SUPPORTED = Set.of(LabFiles.class, CheckDatabase.class, SqlCheck.class,
            GradingSession.class, Lab.class, JavaSources.class, CompiledSubmission.class, StudentJvm.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return SUPPORTED.contains(parameter.getParameter().getType());
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        if (type == GradingSession.class) {
            return session(context);
        }
        if (type == Lab.class) {
            return lab(context);
        }
        if (type == LabFiles.class) {
            return files(context);
        }
        if (type == CheckDatabase.class) {
            return database(context);
        }
        if (type == JavaSources.class) {
            return javaSources(context);
        }
        if (type == CompiledSubmission.class) {
            return compiledOnce(context);
        }
        if (type == StudentJvm.class) {
            return studentJvm(context);
        }
        CheckVariant variant = CheckVariants.current(context);
        return new SqlCheck(files(context), () -> database(context), lab(context).folder(),
                variant == null ? "default" : variant.dataset(), session(context).expectedResults());
    }

    private static GradingSession session(ExtensionContext context) {
        return LabRun.of(context).session();
    }

    private static Lab lab(ExtensionContext context) {
        return LabRun.of(context).lab();
    }

    private static LabFiles files(ExtensionContext context) {
        return session(context).submission().lab(lab(context).folder());
    }

    private static CheckDatabase database(ExtensionContext context) {
        CheckVariant variant = CheckVariants.current(context);
        String dataset = variant == null ? "default" : variant.dataset();
        // One database per check, closed (and dropped) by JUnit when the check's context ends.
        return context.getStore(NAMESPACE).computeIfAbsent("database",
                key -> session(context).newDatabase(lab(context), dataset), CheckDatabase.class);
    }

    /**
     * The lab's {@code src/main/java}, compiled once for all checks of the lab run, its grader's and its hidden
     * checks' (compiling is most of the cost of a check that only calls a few methods), and closed after the last
     * one. A problem that stops the build (a compile error, a forbidden call, a missing folder) is explained in full
     * under the first check that needs the classes; the others say they did not run and point there, so that the
     * student reads the compiler's errors once. Checks share the classes, so static state of the student's code
     * carries over between them; graders that must start each check from fresh classes take {@link JavaSources}.
     */
    private static CompiledSubmission compiledOnce(ExtensionContext context) {
        LabFiles files = files(context);
        ClassLoader loader = context.getRequiredTestClass().getClassLoader();
        boolean ebean = AnnotationSupport.findAnnotation(context.getRequiredTestClass(), Grader.class)
                .map(Grader::ebean).orElse(false);
        String check = context.getTestMethod().flatMap(m -> AnnotationSupport.findAnnotation(m, Check.class))
                .map(Check::id).orElse(context.getDisplayName());
        // Keyed by the lab's folder: a plain JUnit run (the course's own tests) runs every lab's graders in one root.
        String key = "compiled-once:" + files.dir().toAbsolutePath().normalize();
        return context.getRoot().getStore(NAMESPACE).computeIfAbsent(key,
                k -> new CompiledOnce(new JavaSources(files, loader, session(context).compileCache().orElse(null)),
                        ebean), CompiledOnce.class)
                .get(check, context.getUniqueId());
    }

    /**
     * The worker that runs the student's Java for this grader's checks: one per grader run (a lab of one
     * submission), started on its first call, restarted after a call that broke a limit, ended after the last check
     * (or, in a session that keeps workers, kept for the next grading if it is left clean).
     */
    private static StudentJvm studentJvm(ExtensionContext context) {
        ExtensionContext graderLevel = LabRun.graderLevel(context);
        GradingSession session = session(context);
        Class<?> grader = context.getRequiredTestClass();
        Optional<String> forced = context.getConfigurationParameter(SandboxPolicy.PROPERTY)
                .or(() -> Optional.ofNullable(System.getProperty(SandboxPolicy.PROPERTY)));
        return graderLevel.getStore(NAMESPACE).computeIfAbsent("student-jvm",
                key -> session.studentJvm(grader, forced), KeptWorkers.Lease.class).jvm();
    }

    /** A compilation shared by the checks of one grader run: its classes, or the problem that stopped it. */
    private static final class CompiledOnce implements AutoCloseable {
        private final JavaSources sources;
        private final boolean ebean;
        private CompiledSubmission compiled;
        private RuntimeException failure;
        /** The check whose feedback explains the failure in full (its id, and its unique id in this run). */
        private String explainedUnder;
        private String explainedIn;

        CompiledOnce(JavaSources sources, boolean ebean) {
            this.sources = sources;
            this.ebean = ebean;
        }

        synchronized CompiledSubmission get(String check, String uniqueId) {
            if (compiled == null && failure == null) {
                try {
                    compiled = ebean ? sources.compileEbean() : sources.compile();
                } catch (RuntimeException e) {
                    failure = e;
                }
            }
            if (failure == null) {
                return compiled;
            }
            if (explainedIn == null || explainedIn.equals(uniqueId)
                    || !(failure instanceof CheckFailure shown)) {
                explainedUnder = check;
                explainedIn = uniqueId;
                throw failure;
            }
            String first = shown.getMessage().lines().findFirst().orElse("your code could not be built").strip();
            first = first.endsWith(":") || first.endsWith(".") ? first.substring(0, first.length() - 1) : first;
            CheckFailure pointer = new SubmissionProblem(shown.status(), "Did not run: "
                    + Character.toLowerCase(first.charAt(0)) + first.substring(1)
                    + ". The details are shown once, under check " + explainedUnder + ".").explainedElsewhere();
            throw shown.isNotAttempted() ? pointer.notAttempted() : pointer;
        }

        @Override
        public void close() {
            sources.close();
        }
    }

    private static JavaSources javaSources(ExtensionContext context) {
        // Compiled classes load below the grader's loader (shared interfaces match) and are closed with the check.
        return context.getStore(NAMESPACE).computeIfAbsent("java", key -> new JavaSources(files(context),
                context.getRequiredTestClass().getClassLoader()), JavaSources.class);
    }
}
