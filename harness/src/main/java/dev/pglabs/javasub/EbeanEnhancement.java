package dev.pglabs.javasub;

import dev.pglabs.results.CheckStatus;
import dev.pglabs.submission.SubmissionProblem;
import io.ebean.enhance.Transformer;
import io.ebean.enhance.ant.OfflineFileTransform;
import io.ebean.enhance.ant.TransformationListener;

import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What Ebean's Maven plugin does at {@code process-classes}, done on the folder the harness compiled a submission
 * into: rewrites entity classes (lazy loading, dirty checking, {@code _ebean_*} members) and query beans in place,
 * before any of them is loaded. The agent decides what to enhance from the classes themselves and from
 * {@code META-INF/ebean-generated-info.mf}, which the query-bean generator wrote next to them at compile time.
 */
final class EbeanEnhancement {

    /** The processor that writes query beans ({@code QUser} for {@code User}); named so no other processor runs. */
    static final String QUERY_BEAN_PROCESSOR = "io.ebean.querybean.generator.Processor";

    private EbeanEnhancement() {
    }

    /** Enhances every class below {@code classes}; {@code parent} resolves the classes they use (Ebean, the JDK). */
    static void enhance(Path classes, ClassLoader parent) {
        List<String> errors = new ArrayList<>();
        // A throwaway loader over the folder: the agent reads class bytes and manifests through it. The submission's
        // own loader is created only after enhancement, so it never sees an unenhanced class.
        try (URLClassLoader loader = new URLClassLoader(new URL[] {url(classes)}, parent)) {
            Transformer transformer = new Transformer(loader, "debug=0");
            OfflineFileTransform transform = new OfflineFileTransform(transformer, loader, classes.toString());
            transform.setListener(new TransformationListener() {
                @Override
                public void logEvent(String msg) {
                    // Per-class progress; not news for a student.
                }

                @Override
                public void logError(String msg) {
                    errors.add(msg);
                }
            });
            transform.process((String) null);
        } catch (IOException e) {
            errors.add(e.toString());
        } catch (RuntimeException | LinkageError e) {
            errors.add("the enhancer stopped: " + e);
        }
        if (!errors.isEmpty()) {
            throw new SubmissionProblem(CheckStatus.ERROR, "Your code compiled, but Ebean's enhancer (what `mvn "
                    + "process-classes` runs in your build) could not enhance it:\n- " + String.join("\n- ", errors));
        }
    }

    private static URL url(Path dir) {
        try {
            return dir.toUri().toURL();
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }
}
