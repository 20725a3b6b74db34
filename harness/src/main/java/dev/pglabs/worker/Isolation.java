package dev.pglabs.worker;

/** How student Java runs: in a worker process inside the OS sandbox, or in a plain worker process. */
public enum Isolation {
    /** bubblewrap: no network but the grader's relays, no file of the machine but the JDK and the libraries. */
    BUBBLEWRAP("bubblewrap"),
    /** A separate process with an empty environment and the same limits, but the machine's files and network. */
    PROCESS("process (no OS sandbox)");

    private final String label;

    Isolation(String label) {
        this.label = label;
    }

    /** What results record as {@code run.sandbox}. */
    public String label() {
        return label;
    }
}
