package dev.pglabs.notebook;

import jdk.jshell.execution.LocalExecutionControl;
import jdk.jshell.spi.ExecutionControl;
import jdk.jshell.spi.ExecutionControlProvider;
import jdk.jshell.spi.ExecutionEnv;

import java.util.Map;

/**
 * jshell's local execution with the student's compiled classes loadable. jshell's {@code --class-path} reaches only
 * the compiler when snippets run in this JVM ("local"), so {@code app.db.Greeter.hi()} compiled and then failed
 * with NoClassDefFoundError; this engine adds the folder to the snippets' class loader too. Found by jshell through
 * {@link java.util.ServiceLoader} under the name {@value #NAME}: {@code --execution pglabs:classes(/path)}.
 */
public final class StudentClassesExecution implements ExecutionControlProvider {

    static final String NAME = "pglabs";
    private static final String CLASSES = "classes";

    /** The {@code --execution} value that runs snippets here with {@code classes} (a folder) loadable. */
    static String spec(String classes) {
        return NAME + ":" + CLASSES + "(" + classes + ")";
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Map<String, String> defaultParameters() {
        return Map.of(CLASSES, "");
    }

    @Override
    public ExecutionControl generate(ExecutionEnv env, Map<String, String> parameters) throws Throwable {
        LocalExecutionControl control = new LocalExecutionControl();
        String classes = parameters.getOrDefault(CLASSES, "");
        if (!classes.isEmpty()) {
            control.addToClasspath(classes);
        }
        return control;
    }
}
