package dev.pglabs.javasub;

import dev.pglabs.submission.LabFiles;

import java.util.ArrayList;
import java.util.List;

/**
 * The Java sources of the lab being graded, as a {@link dev.pglabs.grading.Check} parameter. Compiles on
 * request; everything compiled is closed (class loader, class files) when the check ends.
 */
public final class JavaSources implements AutoCloseable {

    /** Where Maven projects, and so the Java labs, keep their code. */
    public static final String MAIN = "src/main/java";

    private final LabFiles lab;
    private final ClassLoader parent;
    private final List<CompiledSubmission> compiled = new ArrayList<>();
    private final CompileCache kept;

    public JavaSources(LabFiles lab, ClassLoader parent) {
        this(lab, parent, null);
    }

    /** Compiles only sources that changed since {@code kept} last saw them (null: always compiles). */
    public JavaSources(LabFiles lab, ClassLoader parent, CompileCache kept) {
        this.lab = lab;
        this.parent = parent;
        this.kept = kept;
    }

    public LabFiles lab() {
        return lab;
    }

    /** Compiles {@code src/main/java} of the lab. */
    public CompiledSubmission compile() {
        return compile(MAIN);
    }

    /** Compiles the sources under {@code sourceRoot} (relative to the lab folder). */
    public CompiledSubmission compile(String sourceRoot) {
        return track(JavaSubmission.sources(lab, sourceRoot).parent(parent).reuse(kept).compile());
    }

    /** Compiles with annotation processors on (e.g. Ebean's query-bean generator). */
    public CompiledSubmission compileWithAnnotationProcessing(String sourceRoot) {
        return track(JavaSubmission.sources(lab, sourceRoot).parent(parent).reuse(kept).annotationProcessing().compile());
    }

    /**
     * Compiles {@code src/main/java} as a Maven build with Ebean does up to {@code process-classes}: query beans
     * generated, entities and query beans enhanced. Open an Ebean Database on it with
     * {@link dev.pglabs.orm.EbeanSession}.
     */
    public CompiledSubmission compileEbean() {
        return compileEbean(MAIN);
    }

    /** {@link #compileEbean()} for the sources under {@code sourceRoot} (relative to the lab folder). */
    public CompiledSubmission compileEbean(String sourceRoot) {
        return track(JavaSubmission.sources(lab, sourceRoot).parent(parent).reuse(kept).ebean().compile());
    }

    private synchronized CompiledSubmission track(CompiledSubmission submission) {
        compiled.add(submission);
        return submission;
    }

    @Override
    public synchronized void close() {
        compiled.forEach(CompiledSubmission::close);
        compiled.clear();
    }
}
