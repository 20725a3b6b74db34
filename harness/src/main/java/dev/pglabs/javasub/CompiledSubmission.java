package dev.pglabs.javasub;

import dev.pglabs.provisioning.ScratchFolders;
import dev.pglabs.results.CheckStatus;
import dev.pglabs.submission.LabFiles;
import dev.pglabs.submission.SubmissionProblem;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A submission's compiled classes, loaded and ready to call. Closing it closes the class loader and
 * deletes the class files; close it with the check ({@link JavaSources} does).
 */
public final class CompiledSubmission implements AutoCloseable {

    /** Constructors and static initialisers are student code too: they get a limit of their own. */
    static final Duration CONSTRUCTOR_LIMIT = Duration.ofSeconds(10);

    private final LabFiles lab;
    private final String sourceRoot;
    private final Path classesDir;
    private final SubmissionClassLoader loader;

    CompiledSubmission(LabFiles lab, String sourceRoot, Path classesDir, ClassLoader parent) {
        this.lab = lab;
        this.sourceRoot = sourceRoot;
        this.classesDir = classesDir;
        this.loader = SubmissionClassLoader.of(classesDir, parent);
    }

    public Path classesDir() {
        return classesDir;
    }

    /**
     * What the compiled class (and its nested classes) calls and reads, from its class files: for a check that an
     * exercise really uses an API (a comment or a string that names it does not count).
     */
    public List<CodeReference> references(String className) {
        String internal = className.replace('.', '/');
        try (Stream<Path> walk = Files.walk(classesDir)) {
            List<CodeReference> found = new ArrayList<>();
            for (Path file : walk.filter(p -> {
                String name = classesDir.relativize(p).toString().replace('\\', '/');
                return name.equals(internal + ".class") || name.startsWith(internal + "$");
            }).sorted().toList()) {
                found.addAll(ClassFileScanner.references(Files.readAllBytes(file)));
            }
            return found;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public ClassLoader classLoader() {
        return loader;
    }

    /** A class of the submission (without running its static initialiser). */
    public Class<?> load(String className) {
        if (!loader.owns(className)) {
            throw new SubmissionProblem(CheckStatus.FAILED, "The class " + className + " is missing. Expected it in "
                    + expectedFile(className) + " (check the package line and the class name).");
        }
        try {
            return Class.forName(className, false, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            throw new SubmissionProblem(CheckStatus.ERROR, "The class " + className + " could not be loaded: " + e);
        }
    }

    /**
     * A new instance of the submission's class through its constructor without parameters; the class must
     * implement (or extend) {@code type}. The constructor runs under {@link JavaCalls} with its own limit.
     */
    public <T> T instantiate(String className, Class<T> type) {
        return instantiate(className, type, List.of());
    }

    /**
     * A new instance through the constructor that takes {@code parameterTypes}, called with {@code args}
     * (e.g. a repository built on an Ebean {@code Database}). The class must implement (or extend) {@code type};
     * the constructor runs under {@link JavaCalls} with its own limit.
     */
    public <T> T instantiate(String className, Class<T> type, List<Class<?>> parameterTypes, Object... args) {
        Class<?> loaded = load(className);
        String simple = loaded.getSimpleName();
        if (!type.isAssignableFrom(loaded)) {
            throw new SubmissionProblem(CheckStatus.FAILED, className + " does not " + (type.isInterface()
                    ? "implement " : "extend ") + type.getName() + ". Declare it as: public class " + simple
                    + (type.isInterface() ? " implements " : " extends ") + type.getSimpleName() + " { … }");
        }
        if (loaded.isInterface() || Modifier.isAbstract(loaded.getModifiers())) {
            throw new SubmissionProblem(CheckStatus.FAILED, className + " is abstract; the grader needs a concrete "
                    + "class it can create with new " + simple + "(" + parameterList(parameterTypes) + ").");
        }
        String call = "new " + simple + "(" + parameterList(parameterTypes) + ")";
        Constructor<?> constructor;
        try {
            constructor = loaded.getDeclaredConstructor(parameterTypes.toArray(Class<?>[]::new));
            constructor.setAccessible(true);
        } catch (NoSuchMethodException e) {
            throw new SubmissionProblem(CheckStatus.FAILED, className + " needs a public constructor "
                    + (parameterTypes.isEmpty() ? "without parameters (public " + simple + "() { … })"
                    : "public " + simple + "(" + parameterList(parameterTypes) + ") { … }")
                    + ", so the grader can create it.");
        } catch (RuntimeException e) {
            throw new SubmissionProblem(CheckStatus.ERROR, "The grader cannot call the constructor of " + className
                    + ": " + e.getMessage());
        }
        return type.cast(JavaCalls.call(() -> constructor.newInstance(args), CONSTRUCTOR_LIMIT, call));
    }

    private static String parameterList(List<Class<?>> parameterTypes) {
        return parameterTypes.stream().map(Class::getSimpleName).collect(Collectors.joining(", "));
    }

    @Override
    public void close() {
        try {
            loader.close();
        } catch (IOException ignored) {
            // Only the class folder is open; deleting it below is what matters.
        }
        ScratchFolders.deleteTree(classesDir);
    }

    private String expectedFile(String className) {
        return lab.dir().getFileName() + "/" + sourceRoot + "/" + className.replace('.', '/') + ".java";
    }
}
