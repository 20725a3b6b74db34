package dev.pglabs.cli;

/**
 * What pglabs may write to the terminal: colour only on a terminal and without {@code NO_COLOR}; text from
 * submissions (folder names, messages) with its control characters neutralised, so it cannot steer the terminal.
 */
final class Terminal {
    private Terminal() {
    }

    /** Standard input and output are a terminal (a pipe, a file or a CI log is not). */
    static boolean isTerminal() {
        return System.console() != null;
    }

    /** Colour escape codes may be written: a terminal, and the user did not ask for none (https://no-color.org). */
    static boolean colour() {
        return isTerminal() && System.getenv("NO_COLOR") == null;
    }

    static String safe(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        text.codePoints().forEach(c -> sb.appendCodePoint(Character.isISOControl(c) ? '?' : c));
        return sb.toString();
    }
}
