package dev.pglabs.authoring;

/**
 * One problem {@code pglabs dev check} found in the course: what is wrong, where, and how to fix it.
 *
 * @param rule    the rule that found it (its {@link CourseRule#name()})
 * @param file    the file, relative to the course root with '/', or the folder when no single file is at fault
 * @param line    the line in {@code file}, or 0 when not known
 * @param problem what is wrong, in one sentence
 * @param fix     what to do about it
 */
public record Finding(String rule, String file, int line, String problem, String fix) {

    /** "course.json:12" or "labs/90-demo". */
    public String where() {
        return line > 0 ? file + ":" + line : file;
    }

    /** Two lines: where and what, then how to fix it. */
    @Override
    public String toString() {
        return where() + ": " + problem + " [" + rule + "]\n    fix: " + fix;
    }
}
