package dev.pglabs.authoring;

import dev.pglabs.grading.Check;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Grader classes as the harness loads them: from the class path, without running their initialisers. */
final class GraderClasses {

    private GraderClasses() {
    }

    static Optional<Class<?>> load(String className) {
        try {
            return Optional.of(Class.forName(className, false, Thread.currentThread().getContextClassLoader()));
        } catch (ClassNotFoundException | LinkageError e) {
            return Optional.empty();
        }
    }

    /** The {@code @Check} methods of a class, in name order (the order checks run in). */
    static List<Method> checks(Class<?> type) {
        List<Method> checks = new ArrayList<>();
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Method m : c.getDeclaredMethods()) {
                if (m.isAnnotationPresent(Check.class)) {
                    checks.add(m);
                }
            }
        }
        checks.sort(Comparator.comparing(Method::getName));
        return checks;
    }

    /** A check's id: its {@code id}, or else the method name (as the harness names it). */
    static String id(Method check) {
        String id = check.getAnnotation(Check.class).id();
        return id.isEmpty() ? check.getName() : id;
    }
}
