package dev.pglabs.authoring;

/**
 * One problem {@code pglabs dev check} found in the course: what is wrong, where, and how to fix it. An error fails
 * the check; a warning (work the course has listed as not done yet, e.g. a requirement map's {@code todo}) is
 * printed and counted but does not.
 *
 * @param rule    the rule that found it (its {@link CourseRule#name()})
 * @param file    the file, relative to the course root with '/', or the folder when no single file is at fault
 * @param line    the line in {@code file}, or 0 when not known
 * @param problem what is wrong, in one sentence
 * @param fix     what to do about it
 * @param warning whether this is a warning rather than an error
 */
public record Finding(String rule, String file, int line, String problem, String fix, boolean warning) {

    /** An error. */
    public Finding(String rule, String file, int line, String problem, String fix) {
        this(rule, file, line, problem, fix, false);
    }

    static Finding warning(String rule, String file, int line, String problem, String fix) {
        return new Finding(rule, file, line, problem, fix, true);
    }

    /** "course.json:12" or "labs/90-demo". */
    public String where() {
        return line > 0 ? file + ":" + line : file;
    }

    /** Two lines: where and what (a warning says so), then how to fix it. */
    @Override
    public String toString() {
        return where() + ": " + (warning ? "warning: " : "") + problem + " [" + rule + "]\n    fix: " + fix;
    }
}
