package dev.pglabs.authoring;

import dev.pglabs.course.Lab;
import dev.pglabs.grading.Check;
import dev.pglabs.grading.Grader;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

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

    /** The grader and hidden grader classes a lab names (either may be null in course.json). */
    static List<String> classNames(Lab lab) {
        return Stream.of(lab.grader(), lab.hiddenGrader()).filter(c -> c != null && !c.isBlank()).toList();
    }

    /**
     * Every check id of a lab as results name them: each check's id, and {@code <id>:hidden} for a check that also
     * runs on a variant ({@code hiddenOn}). Empty when a class is not on the class path or grades another lab (the
     * grader-lab rule says so).
     */
    static Optional<Set<String>> checkIds(Lab lab) {
        Set<String> ids = new TreeSet<>();
        for (String className : classNames(lab)) {
            Class<?> type = load(className).orElse(null);
            Grader grader = type == null ? null : type.getAnnotation(Grader.class);
            if (grader == null || !grader.lab().equals(lab.folder())) {
                return Optional.empty();  // another lab's grader, or none: rule grader-lab says so, once
            }
            for (Method m : checks(type)) {
                ids.add(id(m));
                if (!m.getAnnotation(Check.class).hiddenOn().isEmpty()) {
                    ids.add(id(m) + ":hidden");
                }
            }
        }
        return Optional.of(ids);
    }
}
