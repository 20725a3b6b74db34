package dev.pglabs.javasub;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * What student Java may not call, checked on the compiled classes before any of them is loaded.
 *
 * <p>Student code runs inside the grader's JVM (that is what makes grading a whole class fast), so code that
 * ends the process, starts programs or threads the grader cannot stop, loads code by reflection, reads the
 * grader's files or talks to the network on its own would reach past its check. The labs never need any of
 * that: a submission that does it fails the checks that run its code, with the place and the reason, and runs
 * nothing. Libraries the labs use (JDBC, Flyway, HikariCP, Ebean, the AWS SDK, an HTTP server library) are the
 * grader's own code and keep their rights; only the student's own classes are read.
 *
 * <p>Time and memory are limited separately, while the code runs ({@link JavaCalls}).
 */
public final class CodePolicy {

    /** A family of forbidden uses and why, in words for a student. */
    record Rule(String reason, Predicate<CodeReference> matches) {
    }

    private static final String PROCESS = "would end or reconfigure the grader's own Java process, and with it "
            + "the grading. Return a result or throw an exception instead";
    private static final String PROGRAMS = "starts or controls other programs, which graded code may not do";
    private static final String THREADS = "starts threads of its own; the grader runs your code with a time "
            + "limit and cannot stop threads it did not start. Do the work on the calling thread";
    private static final String DYNAMIC = "loads or inspects code by reflection or at run time, which graded "
            + "code may not do. Call your classes directly";
    private static final String FILES = "reads or writes files; graded code gets everything it needs from "
            + "the grader (a DataSource, a folder, a string), so it must not open files itself";
    private static final String NETWORK = "opens network connections of its own; reach the database through "
            + "JDBC (the DataSource or URL you are given)";
    private static final String GRADER = "uses the grader's own classes, which graded code may not do";

    private static final List<Rule> STANDARD = List.of(
            new Rule(PROCESS, members("java/lang/System", "exit", "setOut", "setErr", "setIn", "setProperty",
                    "setProperties", "clearProperty", "load", "loadLibrary", "setSecurityManager",
                    "inheritedChannel")),
            new Rule(PROCESS, allBut("java/lang/Runtime", "getRuntime", "availableProcessors", "freeMemory",
                    "maxMemory", "totalMemory", "version")),
            new Rule(PROGRAMS, packages("java/lang/ProcessBuilder", "java/lang/Process", "java/lang/ProcessHandle",
                    "java/awt/", "java/lang/management/", "javax/management/")),
            new Rule(THREADS, allBut("java/lang/Thread", "sleep", "currentThread", "interrupted", "isInterrupted",
                    "interrupt", "onSpinWait", "yield", "getName", "getId", "threadId", "holdsLock", "isDaemon",
                    "getState", "isAlive", "isVirtual", "toString", "getPriority")),
            new Rule(THREADS, packages("java/lang/ThreadGroup", "java/lang/ref/Cleaner", "java/util/Timer",
                    "java/util/concurrent/Executors", "java/util/concurrent/ThreadPoolExecutor",
                    "java/util/concurrent/ScheduledThreadPoolExecutor", "java/util/concurrent/ForkJoinPool",
                    "java/util/concurrent/ForkJoinTask", "java/util/concurrent/StructuredTaskScope")),
            new Rule(THREADS, r -> r.owner().equals("java/util/concurrent/CompletableFuture")
                    && (r.member().endsWith("Async") || r.member().equals("delayedExecutor"))),
            new Rule(THREADS, r -> (r.member().equals("parallelStream") && r.owner().startsWith("java/util/"))
                    || (r.member().equals("parallel") && r.owner().startsWith("java/util/stream/"))),
            new Rule(DYNAMIC, members("java/lang/Class", "forName", "getClassLoader", "getModule",
                    "getProtectionDomain", "newInstance", "getResource", "getResourceAsStream",
                    "getDeclaredMethod", "getDeclaredMethods", "getMethod", "getMethods", "getDeclaredField",
                    "getDeclaredFields", "getField", "getFields", "getDeclaredConstructor",
                    "getDeclaredConstructors", "getConstructor", "getConstructors", "getRecordComponents",
                    "getEnclosingMethod", "getEnclosingConstructor")),
            new Rule(DYNAMIC, members("java/lang/Thread", "getContextClassLoader", "setContextClassLoader")),
            new Rule(DYNAMIC, r -> r.owner().startsWith("java/lang/reflect/")
                    && !r.owner().equals("java/lang/reflect/Array")),
            new Rule(DYNAMIC, packages("java/lang/invoke/", "java/lang/ClassLoader", "java/net/URLClassLoader",
                    "java/security/SecureClassLoader", "java/lang/Module", "java/lang/ModuleLayer",
                    "java/lang/instrument/", "javax/script/", "javax/tools/", "jdk/", "sun/", "com/sun/",
                    "javax/naming/", "java/rmi/", "java/beans/", "java/io/ObjectInputStream",
                    "java/util/ServiceLoader")),
            new Rule(FILES, packages("java/io/File", "java/io/RandomAccessFile", "java/nio/file/Files",
                    "java/nio/file/FileSystem", "java/nio/file/spi/", "java/nio/channels/FileChannel",
                    "java/nio/channels/AsynchronousFileChannel", "java/util/prefs/",
                    "java/util/logging/FileHandler", "java/util/zip/ZipFile", "java/util/jar/JarFile")
                    .and(r -> !r.owner().endsWith("Exception"))),  // catching FileNotFoundException is fine
            new Rule(FILES, r -> r.member().equals("<init>") && r.descriptor().startsWith("(Ljava/lang/String;")
                    && Set.of("java/io/PrintStream", "java/io/PrintWriter", "java/util/Formatter")
                    .contains(r.owner())),
            new Rule(FILES, r -> !r.owner().startsWith("java/nio/file/Path") && parameters(r.descriptor())
                    .anyMatch(Set.of("Ljava/io/File;", "Ljava/nio/file/Path;")::contains)),
            new Rule(NETWORK, packages("java/net/Socket", "java/net/ServerSocket", "java/net/DatagramSocket",
                    "java/net/MulticastSocket", "java/net/URLConnection", "java/net/HttpURLConnection",
                    "java/net/http/", "java/nio/channels/SocketChannel", "java/nio/channels/ServerSocketChannel",
                    "java/nio/channels/DatagramChannel", "java/nio/channels/AsynchronousSocketChannel",
                    "java/nio/channels/AsynchronousServerSocketChannel")),
            new Rule(NETWORK, members("java/net/URL", "openConnection", "openStream", "getContent")),
            // Implementing a course interface is the point; calling into the grader's classes is not.
            new Rule(GRADER, r -> r.owner().startsWith("dev/pglabs/") && !r.interfaceCall()));

    private final List<Rule> rules;
    private final List<String> allowed;

    private CodePolicy(List<Rule> rules, List<String> allowed) {
        this.rules = rules;
        this.allowed = allowed;
    }

    /** The policy every lab gets unless its grader allows more. */
    public static CodePolicy standard() {
        return new CodePolicy(STANDARD, List.of());
    }

    /**
     * Nothing forbidden: for code that runs as the student's own program (in the notebook, on their machine),
     * not as a submission being graded.
     */
    public static CodePolicy none() {
        return new CodePolicy(List.of(), List.of());
    }

    /**
     * The same policy with the classes under {@code ownerPrefix} (internal name, e.g.
     * {@code "com/sun/net/httpserver/"}) allowed: for a lab whose exercise is to use them.
     */
    /** Equal for two policies that refuse the same uses (a compilation kept under one holds for the other). */
    Object sameness() {
        return List.of(rules, allowed);
    }

    public CodePolicy allowing(String ownerPrefix) {
        List<String> more = new ArrayList<>(allowed);
        more.add(ownerPrefix);
        return new CodePolicy(rules, List.copyOf(more));
    }

    /**
     * The forbidden uses in the class files under {@code classesDir}, in file order. References to the
     * submission's own classes are never forbidden: they are checked where they are defined.
     */
    public List<Violation> check(Path classesDir) {
        List<Path> classFiles;
        try (Stream<Path> walk = Files.walk(classesDir)) {
            classFiles = walk.filter(p -> p.getFileName().toString().endsWith(".class")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Set<String> own = Set.copyOf(classFiles.stream()
                .map(p -> classesDir.relativize(p).toString().replace('\\', '/'))
                .map(name -> name.substring(0, name.length() - ".class".length())).toList());
        List<Violation> violations = new ArrayList<>();
        for (Path file : classFiles) {
            byte[] bytes;
            try {
                bytes = Files.readAllBytes(file);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            for (CodeReference reference : ClassFileScanner.references(bytes)) {
                if (own.contains(reference.owner()) || allowed.stream().anyMatch(reference.owner()::startsWith)) {
                    continue;
                }
                rules.stream().filter(rule -> rule.matches().test(reference)).findFirst()
                        .ifPresent(rule -> violations.add(new Violation(reference, rule.reason())));
            }
        }
        return violations;
    }

    /** A forbidden use and why it is forbidden. */
    public record Violation(CodeReference reference, String reason) {
    }

    /** Most places shown per reason: enough to find the pattern, short enough to read. */
    private static final int SHOWN_PLACES = 5;

    /**
     * Feedback for a student: each reason once, with the calls and where they are.
     *
     * @param sourceRoot how the student sees the source folder, e.g. {@code 07-migrations-flyway/src/main/java}
     */
    public static String feedback(List<Violation> violations, String sourceRoot) {
        Map<String, List<Violation>> byReason = new LinkedHashMap<>();
        violations.forEach(v -> byReason.computeIfAbsent(v.reason(), k -> new ArrayList<>()).add(v));
        StringBuilder text = new StringBuilder("The grader did not run your Java code: it uses something graded "
                + "code may not use.");
        byReason.forEach((reason, list) -> {
            List<String> calls = list.stream().map(v -> v.reference().shown()).distinct().toList();
            text.append("\n- ").append(String.join(", ", calls)).append(' ').append(reason).append('.');
            list.stream().map(v -> sourceRoot + "/" + v.reference().sourcePath()
                            + (v.reference().line() > 0 ? " line " + v.reference().line() : "")
                            + ": " + v.reference().shown())
                    .distinct().limit(SHOWN_PLACES).forEach(place -> text.append("\n    at ").append(place));
        });
        text.append("\nRemove those calls and grade again.");
        return text.toString();
    }

    private static Predicate<CodeReference> members(String owner, String... names) {
        Set<String> set = Set.of(names);
        return r -> r.owner().equals(owner) && set.contains(r.member());
    }

    private static Predicate<CodeReference> allBut(String owner, String... names) {
        Set<String> set = Set.of(names);
        return r -> r.owner().equals(owner) && !set.contains(r.member());
    }

    /** Classes whose internal name starts with one of the prefixes ("java/io/File" also covers FileReader). */
    private static Predicate<CodeReference> packages(String... prefixes) {
        return r -> Stream.of(prefixes).anyMatch(r.owner()::startsWith);
    }

    /** The parameter types of a method descriptor, each as written there ({@code I}, {@code Ljava/io/File;}). */
    static Stream<String> parameters(String descriptor) {
        if (!descriptor.startsWith("(")) {
            return Stream.of(descriptor);  // a field: its type
        }
        List<String> types = new ArrayList<>();
        int i = 1;
        while (i < descriptor.length() && descriptor.charAt(i) != ')') {
            int start = i;
            while (descriptor.charAt(i) == '[') {
                i++;
            }
            i = descriptor.charAt(i) == 'L' ? descriptor.indexOf(';', i) + 1 : i + 1;
            types.add(descriptor.substring(start, i));
        }
        return types.stream();
    }
}
