package dev.pglabs.notebook;

import jdk.jshell.execution.LocalExecutionControl;
import jdk.jshell.spi.ExecutionControl;
import jdk.jshell.spi.ExecutionControlProvider;
import jdk.jshell.spi.ExecutionEnv;

import java.util.Map;
import java.util.Optional;

/**
 * JShell's local execution engine, telling when user code starts and ends. The cell time limit counts only
 * that time: compiling a snippet can take seconds on a busy machine and must not count against the cell.
 * In a lab that uses Ebean, the classes of cells are enhanced as they are loaded ({@link CellEnhancement}).
 */
final class TimedExecutionControl extends LocalExecutionControl {

    /** Called on JShell's thread around each run of user code. */
    interface Listener {
        void entered();

        void left();
    }

    private final Listener listener;
    private final Optional<CellEnhancement> enhancement;

    private TimedExecutionControl(Listener listener, Optional<CellEnhancement> enhancement) {
        this.listener = listener;
        this.enhancement = enhancement;
    }

    static ExecutionControlProvider provider(Listener listener, Optional<CellEnhancement> enhancement) {
        return new ExecutionControlProvider() {
            @Override
            public String name() {
                return "pglabs-local";
            }

            @Override
            public ExecutionControl generate(ExecutionEnv env, Map<String, String> parameters) {
                return new TimedExecutionControl(listener, enhancement);
            }
        };
    }

    @Override
    public void load(ClassBytecodes[] classes) throws ClassInstallException, NotImplementedException,
            EngineTerminationException {
        super.load(enhancement.isPresent() ? enhancement.get().apply(classes) : classes);
    }

    @Override
    protected void clientCodeEnter() {
        super.clientCodeEnter();
        listener.entered();
    }

    @Override
    protected void clientCodeLeave() {
        listener.left();
        super.clientCodeLeave();
    }
}
