package dev.pglabs.javasub;

import dev.pglabs.provisioning.ProvisioningException;
import dev.pglabs.provisioning.ScratchFolders;
import dev.pglabs.results.CheckStatus;
import dev.pglabs.submission.LabFiles;
import dev.pglabs.submission.SubmissionProblem;

import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;
import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Compiles the Java sources of a submission's lab folder in process (no Maven run per student) against the
 * classpath the grader runs with, so student code sees JDBC, the course's interfaces and later Flyway and
 * Ebean, and loads the result in a class loader whose parent is the grader's: shared interfaces are the
 * same {@code Class} objects on both sides.
 *
 * <pre>{@code
 * try (CompiledSubmission code = JavaSubmission.compile(files, "src/main/java")) {
 *     TagCounter counter = code.instantiate("selftest.StudentTagCounter", TagCounter.class);
 * }
 * }</pre>
 *
 * The sources are untrusted: a missing folder fails the check, compile errors end it as an error with the
 * compiler's messages, and code that calls what {@link CodePolicy} forbids (exiting, threads, files, reflection…)
 * fails the check before any of it is loaded. The compiled code runs in the grader's JVM; run it through
 * {@link JavaCalls} so an endless loop, a huge allocation or an exception becomes feedback.
 */
public final class JavaSubmission {

    /** Far above any lab's honest code; keeps a runaway folder from stalling the compiler. */
    static final int MAX_SOURCE_FILES = 500;

    private final LabFiles lab;
    private final String sourceRoot;
    private ClassLoader parent = defaultParent();
    private boolean annotationProcessing;
    private boolean ebean;
    private CodePolicy policy = CodePolicy.standard();
    private CompileCache cache;

    private JavaSubmission(LabFiles lab, String sourceRoot) {
        this.lab = lab;
        this.sourceRoot = sourceRoot;
    }

    /** Compiles every {@code *.java} under {@code sourceRoot} (relative to the lab folder, e.g. "src/main/java"). */
    public static CompiledSubmission compile(LabFiles lab, String sourceRoot) {
        return sources(lab, sourceRoot).compile();
    }

    /** For non-default settings: {@code sources(lab, root).annotationProcessing().compile()}. */
    public static JavaSubmission sources(LabFiles lab, String sourceRoot) {
        return new JavaSubmission(lab, sourceRoot);
    }

    /** The loader the submission's classes delegate to; defaults to the context class loader. */
    public JavaSubmission parent(ClassLoader loader) {
        this.parent = loader;
        return this;
    }

    /** What the compiled code may not call; {@link CodePolicy#standard()} unless the lab needs more. */
    public JavaSubmission policy(CodePolicy codePolicy) {
        this.policy = codePolicy;
        return this;
    }

    /** Runs the annotation processors found on the classpath (e.g. Ebean's query beans); off by default. */
    public JavaSubmission annotationProcessing() {
        this.annotationProcessing = true;
        return this;
    }

    /**
     * Compiles as a project that uses Ebean builds: the query-bean generator runs (and no other annotation
     * processor), then the compiled entities and query beans are enhanced, like {@code mvn process-classes} with
     * the ebean-maven-plugin does. Without enhancement Ebean refuses the entities.
     */
    public JavaSubmission ebean() {
        this.ebean = true;
        return this;
    }

    /** Takes the classes from {@code kept} when the sources did not change since they were compiled (null: never). */
    public JavaSubmission reuse(CompileCache kept) {
        this.cache = kept;
        return this;
    }

    public CompiledSubmission compile() {
        Path root = lab.dir().resolve(sourceRoot).normalize();
        if (!root.startsWith(lab.dir())) {
            throw new IllegalArgumentException("grader asked for a source root outside the lab: " + sourceRoot);
        }
        if (cache == null) {
            return compile(root);
        }
        CompileCache.Key key = CompileCache.key(root, annotationProcessing, ebean, parent, policy);
        String before = CompileCache.fingerprint(root);
        Path kept = cache.copyOf(key, before);
        if (kept != null) {
            return new CompiledSubmission(lab, sourceRoot, kept, parent);
        }
        CompiledSubmission compiled = compile(root);
        // Kept only if no save came in while javac read the sources: else these classes are of neither version.
        if (before != null && before.equals(CompileCache.fingerprint(root))) {
            cache.keep(key, before, compiled.classesDir());
        }
        return compiled;
    }

    private CompiledSubmission compile(Path root) {
        List<JavaFileObject> sources = sourceFiles(root).stream().map(this::read).toList();
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        if (compiler == null) {
            throw new ProvisioningException("Grading Java needs a JDK, but this is a JRE without a compiler "
                    + "(java.home=" + System.getProperty("java.home") + "). Run pglabs with a JDK 17 or newer.", null);
        }
        Path classes = createTempDir();
        // Sources that annotation processors write (query beans) go to a folder of their own, deleted below; javac
        // would otherwise put them among the class files.
        Path generated = annotationProcessing || ebean ? createTempDir() : null;
        try {
            DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
            boolean ok;
            try (StandardJavaFileManager files = compiler.getStandardFileManager(diagnostics, null,
                    StandardCharsets.UTF_8)) {
                // Only the submission's sources: javac would otherwise look for more on the classpath.
                files.setLocation(StandardLocation.SOURCE_PATH, List.of());
                JavaCompiler.CompilationTask task = compiler.getTask(new StringWriter(), files, diagnostics,
                        options(classes, generated), null, sources);
                ok = task.call();
            }
            if (!ok) {
                throw new SubmissionProblem(CheckStatus.ERROR, CompileErrors.describe(diagnostics.getDiagnostics(),
                        lab.dir()));
            }
            // Before any class is loaded (a static initialiser is student code too), and before Ebean's enhancer
            // adds its own code: only what the student wrote (and the generated query beans) is judged.
            List<CodePolicy.Violation> violations = policy.check(classes);
            if (!violations.isEmpty()) {
                throw new SubmissionProblem(CheckStatus.FAILED, CodePolicy.feedback(violations,
                        lab.dir().getFileName() + "/" + sourceRoot));
            }
            if (ebean) {
                EbeanEnhancement.enhance(classes, parent);
            }
            return new CompiledSubmission(lab, sourceRoot, classes, parent);
        } catch (IOException e) {
            ScratchFolders.deleteTree(classes);
            throw new UncheckedIOException(e);
        } catch (RuntimeException | Error e) {
            ScratchFolders.deleteTree(classes);
            throw e;
        } finally {
            if (generated != null) {
                ScratchFolders.deleteTree(generated);
            }
        }
    }

    private List<String> options(Path classes, Path generated) {
        List<String> options = new ArrayList<>(List.of("--release", "17", "-encoding", "UTF-8", "-nowarn",
                "-d", classes.toString(), "-classpath", classpath(parent)));
        if (generated != null) {
            options.addAll(List.of("-s", generated.toString()));
        }
        if (ebean) {
            // Only the query-bean generator: other processors on the grader's classpath are none of our business.
            options.addAll(List.of("-processor", EbeanEnhancement.QUERY_BEAN_PROCESSOR));
        } else if (!annotationProcessing) {
            options.add("-proc:none");
        }
        return options;
    }

    /** Every {@code .java} below the root (links to directories are not followed). */
    private List<Path> sourceFiles(Path root) {
        String shown = lab.dir().getFileName() + "/" + sourceRoot;
        if (!Files.isDirectory(root, LinkOption.NOFOLLOW_LINKS)) {
            throw new SubmissionProblem(CheckStatus.FAILED, shown + " is missing. Put your Java code there, one "
                    + "folder per package (the starter lab shows the layout).").notAttempted();
        }
        List<Path> sources;
        try (Stream<Path> walk = Files.walk(root)) {
            sources = walk.filter(p -> p.getFileName().toString().endsWith(".java")).sorted().toList();
        } catch (IOException | UncheckedIOException e) {
            throw new SubmissionProblem(CheckStatus.ERROR, shown + " could not be read: " + e.getMessage());
        }
        if (sources.isEmpty()) {
            throw new SubmissionProblem(CheckStatus.FAILED, shown + " has no .java files: your Java code is "
                    + "missing. Put it there, one folder per package.").notAttempted();
        }
        if (sources.size() > MAX_SOURCE_FILES) {
            throw new SubmissionProblem(CheckStatus.ERROR, shown + " holds " + sources.size() + " .java files; "
                    + "a lab needs far fewer (at most " + MAX_SOURCE_FILES + "). Keep only your lab's code there.");
        }
        return sources;
    }

    /**
     * The source as the lab's other files are read: size-capped, no links out of the submission, valid UTF-8
     * (javac would only warn and compile a replacement character). The compiler gets this text, not the file.
     */
    private JavaFileObject read(Path source) {
        String relative = lab.dir().relativize(source).toString().replace('\\', '/');
        String text = lab.text(relative);
        return new SimpleJavaFileObject(source.toUri(), JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return text;
            }
        };
    }

    /**
     * The running JVM's classpath (javac follows a launcher jar's manifest Class-Path, as the CLI's and
     * Surefire's use), plus the URLs of URL class loaders above the parent, for graders loaded dynamically.
     */
    static String classpath(ClassLoader parent) {
        Set<String> entries = new LinkedHashSet<>();
        for (String entry : System.getProperty("java.class.path", "").split(File.pathSeparator)) {
            if (!entry.isBlank()) {
                entries.add(entry);
            }
        }
        for (ClassLoader l = parent; l != null; l = l.getParent()) {
            if (l instanceof URLClassLoader urls) {
                for (URL url : urls.getURLs()) {
                    try {
                        if (url.getProtocol().equals("file")) {
                            entries.add(Path.of(url.toURI()).toString());
                        }
                    } catch (URISyntaxException | IllegalArgumentException ignored) {
                        // Not a plain file; the compiler could not use it anyway.
                    }
                }
            }
        }
        return String.join(File.pathSeparator, entries);
    }

    private static ClassLoader defaultParent() {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        return context != null ? context : JavaSubmission.class.getClassLoader();
    }

    private static Path createTempDir() {
        try {
            return ScratchFolders.create("pglabs-classes-");
        } catch (IOException e) {
            throw new ProvisioningException("Could not create a folder for the compiled classes: " + e.getMessage(), e);
        }
    }
}
