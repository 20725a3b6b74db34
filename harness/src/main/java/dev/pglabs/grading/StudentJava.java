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

/** Which labs run the student's Java: those whose graders take compiled code or a worker as a parameter. */
public final class StudentJava {

    private static final Set<Class<?>> JAVA_PARAMETERS = Set.of(StudentJvm.class, CompiledSubmission.class,
            JavaSources.class, EbeanSession.class);

    private StudentJava() {
    }

    public static boolean runs(Lab lab) {
        return Stream.of(lab.grader(), lab.hiddenGrader()).filter(Objects::nonNull).anyMatch(StudentJava::takesJava);
    }

    public static List<Lab> among(List<Lab> labs) {
        return labs.stream().filter(StudentJava::runs).toList();
    }

    private static boolean takesJava(String graderClass) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        try {
            Class<?> grader = Class.forName(graderClass, false, loader != null ? loader : StudentJava.class.getClassLoader());
            for (Method m : grader.getDeclaredMethods()) {
                for (Class<?> p : m.getParameterTypes()) {
                    if (JAVA_PARAMETERS.contains(p)) {
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
