package dev.pglabs.notebook;

import io.ebean.enhance.Transformer;
import jdk.jshell.spi.ExecutionControl.ClassBytecodes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.instrument.IllegalClassFormatException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Ebean's enhancement of the classes that cells declare, as they are loaded: in a lab that uses Ebean, an
 * {@code @Entity} written in a cell works like one of the application (lazy loading, dirty checking). The build does
 * the same with {@code mvn process-classes}; a cell has no build, so the notebook's execution engine does it (the
 * agent leaves other classes as they are). The agent can read the student's classes too, which cells may use.
 */
final class CellEnhancement {

    private final Supplier<Optional<Path>> studentClasses;
    private Transformer transformer;
    private ClassLoader loader;

    CellEnhancement(Supplier<Optional<Path>> studentClasses) {
        this.studentClasses = studentClasses;
    }

    /** The classes with entities and query-bean callers enhanced; the others unchanged. */
    synchronized ClassBytecodes[] apply(ClassBytecodes[] classes) {
        if (transformer == null) {
            // Made at the first cell's classes: the student's build is done by then.
            ClassLoader harness = CellEnhancement.class.getClassLoader();
            loader = studentClasses.get().<ClassLoader>map(dir -> new URLClassLoader(new URL[] {url(dir)}, harness))
                    .orElse(harness);
            transformer = new Transformer(loader, "debug=0");
        }
        ClassBytecodes[] out = new ClassBytecodes[classes.length];
        for (int i = 0; i < classes.length; i++) {
            ClassBytecodes c = classes[i];
            byte[] enhanced = null;
            try {
                enhanced = transformer.transform(loader, c.name().replace('.', '/'), null, null, c.bytecodes());
            } catch (IllegalClassFormatException | RuntimeException | LinkageError e) {
                // Left as javac wrote it: Ebean then says what is missing when the class is used.
            }
            out[i] = enhanced == null ? c : new ClassBytecodes(c.name(), enhanced);
        }
        return out;
    }

    private static URL url(Path dir) {
        try {
            return dir.toUri().toURL();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
