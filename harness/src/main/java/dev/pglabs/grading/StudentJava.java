package dev.pglabs.grading;

import dev.pglabs.course.Lab;
import dev.pglabs.javasub.CompiledSubmission;
import dev.pglabs.javasub.JavaSources;
import dev.pglabs.worker.StudentJvm;

import java.lang.reflect.Method;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Which labs run the student's Java: their graders take compiled code or a worker ({@link StudentJvm}, where all of
 * it runs) as a parameter.
 */
public final class StudentJava {

    private static final Set<Class<?>> JAVA_PARAMETERS = Set.of(StudentJvm.class, CompiledSubmission.class,
            JavaSources.class);

    private StudentJava() {
    }

    public static boolean runs(Lab lab) {
        return graders(lab).anyMatch(g -> takes(g, JAVA_PARAMETERS));
    }

    public static List<Lab> among(List<Lab> labs) {
        return labs.stream().filter(StudentJava::runs).toList();
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
