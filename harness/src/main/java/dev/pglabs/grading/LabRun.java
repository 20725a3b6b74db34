package dev.pglabs.grading;

import dev.pglabs.course.Lab;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.engine.support.store.Namespace;
import org.junit.platform.launcher.LauncherSession;

/**
 * What the checks of a grader grade with: the session (submission, databases, services), the lab and which of its
 * checks run.
 *
 * <p>It reaches JUnit one way, through the store of the JUnit Platform {@link LauncherSession} that runs the grader
 * ({@link ExtensionContext.StoreScope#LAUNCHER_SESSION}). {@link GradingRunner} opens a launcher session per lab and
 * puts the run there ({@link #handTo}), so runs on several threads of one JVM (grade-class, the golden tests) never see
 * each other's. A launch nobody prepared (Surefire, an IDE) has none: the first grader opens a session from
 * configuration parameters and keeps it in the same store, closed when the launcher session ends, and each grader
 * class gets a run for the lab its {@link Grader} names.
 */
record LabRun(GradingSession session, Lab lab, CheckScope scope) {

    static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(LabRun.class);

    /** Makes this the run of every grader the launcher session executes. */
    void handTo(LauncherSession launch) {
        launch.getStore().put(Namespace.create(NAMESPACE.getParts()),
                LabRun.class, this);
    }

    /** The run the checks of this context grade with. */
    static LabRun of(ExtensionContext context) {
        ExtensionContext.Store launch = context.getStore(ExtensionContext.StoreScope.LAUNCHER_SESSION, NAMESPACE);
        LabRun handed = launch.get(LabRun.class, LabRun.class);
        if (handed != null) {
            return handed;
        }
        Class<?> graderClass = context.getRequiredTestClass();
        return graderLevel(context).getStore(NAMESPACE).computeIfAbsent(LabRun.class, key -> {
            GradingSession session = launch.computeIfAbsent(GradingSession.class,
                    k -> GradingSession.fromConfiguration(context::getConfigurationParameter), GradingSession.class);
            Grader grader = AnnotationSupport.findAnnotation(graderClass, Grader.class)
                    .orElseThrow(() -> new ParameterResolutionException(graderClass.getName() + " lacks @Grader"));
            // All checks where the hidden ones exist, the visible ones in a student release, unless configured.
            CheckScope scope = context.getConfigurationParameter(CheckScope.KEY).map(CheckScope::parse)
                    .orElse(session.course().studentRelease() ? CheckScope.VISIBLE : CheckScope.ALL);
            return new LabRun(session, session.course().lab(grader.lab()), scope);
        }, LabRun.class);
    }

    /** The context of the grader class that {@code context} (a check, a variant, the class itself) belongs to. */
    static ExtensionContext graderLevel(ExtensionContext context) {
        ExtensionContext level = context;
        while (level.getTestMethod().isPresent() && level.getParent().isPresent()) {
            level = level.getParent().get();
        }
        return level;
    }
}
