package dev.pglabs.grading;

import dev.pglabs.course.Lab;
import dev.pglabs.javasub.CompiledSubmission;
import dev.pglabs.javasub.JavaSources;
import dev.pglabs.orm.EbeanSession;
import dev.pglabs.worker.StudentJvm;

import java.lang.reflect.Method;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Which labs run the student's Java (their graders take compiled code, Ebean or a worker as a parameter), and which
 * of those still run it inside the grading JVM rather than in the worker ({@link StudentJvm}): their graders take no
 * worker.
 */
public final class StudentJava {

    private static final Set<Class<?>> JAVA_PARAMETERS = Set.of(StudentJvm.class, CompiledSubmission.class,
            JavaSources.class, EbeanSession.class);

    private StudentJava() {
    }

    public static boolean runs(Lab lab) {
        return graders(lab).anyMatch(g -> takes(g, JAVA_PARAMETERS));
    }

    public static List<Lab> among(List<Lab> labs) {
        return labs.stream().filter(StudentJava::runs).toList();
    }

    /** Whether the lab runs student Java in the grader's own JVM (no worker): only the bytecode policy guards it. */
    public static boolean inProcess(Lab lab) {
        return runs(lab) && graders(lab).noneMatch(g -> takes(g, Set.of(StudentJvm.class)));
    }

    public static List<Lab> inProcessAmong(List<Lab> labs) {
        return labs.stream().filter(StudentJava::inProcess).toList();
    }

    private static Stream<String> graders(Lab lab) {
        return Stream.of(lab.grader(), lab.hiddenGrader()).filter(Objects::nonNull);
    }

    private static boolean takes(String graderClass, Set<Class<?>> parameters) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        try {
            Class<?> grader = Class.forName(graderClass, false, loader != null ? loader : StudentJava.class.getClassLoader());
            for (Method m : grader.getDeclaredMethods()) {
                for (Class<?> p : m.getParameterTypes()) {
                    if (parameters.contains(p)) {
                        return true;
                    }
                }
            }
            return false;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;  // a release without the hidden grader: the visible one decides
        }
    }
}
