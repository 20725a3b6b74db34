package dev.pglabs.notebook;

import jdk.jshell.execution.LocalExecutionControl;
import jdk.jshell.spi.ExecutionControl;
import jdk.jshell.spi.ExecutionControlProvider;
import jdk.jshell.spi.ExecutionEnv;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * jshell's local execution with the student's compiled classes loadable. jshell's {@code --class-path} reaches only
 * the compiler when snippets run in this JVM ("local"), so {@code app.db.Greeter.hi()} compiled and then failed
 * with NoClassDefFoundError; this engine adds the folder to the snippets' class loader too. Found by jshell through
 * {@link java.util.ServiceLoader} under the name {@value #NAME}: {@code --execution pglabs:classes(/path)}. In an
 * Ebean lab ({@code ebean(true)}) the classes of snippets are enhanced as they load, as in the notebook.
 */
public final class StudentClassesExecution implements ExecutionControlProvider {

    static final String NAME = "pglabs";
    private static final String CLASSES = "classes";
    private static final String EBEAN = "ebean";

    /** The {@code --execution} value that runs snippets here with {@code classes} (a folder) loadable. */
    static String spec(String classes) {
        return spec(classes, false);
    }

    /** The same, with the snippets' classes enhanced for Ebean when {@code ebean}; {@code classes} may be empty. */
    static String spec(String classes, boolean ebean) {
        String folder = classes.isEmpty() ? "" : CLASSES + "(" + classes + ")";
        String enhance = ebean ? EBEAN + "(true)" : "";
        return NAME + ":" + folder + (folder.isEmpty() || enhance.isEmpty() ? "" : ",") + enhance;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Map<String, String> defaultParameters() {
        return Map.of(CLASSES, "", EBEAN, "false");
    }

    @Override
    public ExecutionControl generate(ExecutionEnv env, Map<String, String> parameters) throws Throwable {
        String classes = parameters.getOrDefault(CLASSES, "");
        LocalExecutionControl control = "true".equals(parameters.get(EBEAN))
                ? new Enhancing(new CellEnhancement(() -> classes.isEmpty() ? Optional.empty()
                        : Optional.of(Path.of(classes))))
                : new LocalExecutionControl();
        if (!classes.isEmpty()) {
            control.addToClasspath(classes);
        }
        return control;
    }

    /** Local execution whose snippet classes go through {@link CellEnhancement} first. */
    private static final class Enhancing extends LocalExecutionControl {
        private final CellEnhancement enhancement;

        Enhancing(CellEnhancement enhancement) {
            this.enhancement = enhancement;
        }

        @Override
        public void load(ClassBytecodes[] classes) throws ClassInstallException, NotImplementedException,
                EngineTerminationException {
            super.load(enhancement.apply(classes));
        }
    }
}
