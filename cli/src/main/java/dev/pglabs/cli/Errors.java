package dev.pglabs.cli;

/** Turns an exception that stopped a command into one clear line (with its causes) for the user. */
final class Errors {
    private Errors() {
    }

    static String describe(Throwable e) {
        StringBuilder sb = new StringBuilder(e.getMessage() == null ? e.toString() : e.getMessage());
        for (Throwable cause = e.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            if (cause.getMessage() != null && !sb.toString().contains(cause.getMessage())) {
                sb.append("\n  caused by: ").append(cause.getMessage());
            }
        }
        return sb.toString();
    }
}
