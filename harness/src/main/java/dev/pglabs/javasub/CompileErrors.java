package dev.pglabs.javasub;

import java.io.IOException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** Turns the compiler's errors into feedback a beginner can act on: file, line, message, the code line. */
final class CompileErrors {

    static final int SHOWN = 10;

    private CompileErrors() {
    }

    static String describe(List<Diagnostic<? extends JavaFileObject>> diagnostics, Path labDir) {
        List<Diagnostic<? extends JavaFileObject>> errors = diagnostics.stream()
                .filter(d -> d.getKind() == Diagnostic.Kind.ERROR).toList();
        StringBuilder out = new StringBuilder("Your Java code does not compile:");
        for (Diagnostic<? extends JavaFileObject> error : errors.subList(0, Math.min(SHOWN, errors.size()))) {
            out.append("\n  ").append(location(error, labDir)).append(": ");
            // Some messages span lines ("cannot find symbol / symbol: … / location: …"): keep them indented.
            out.append(String.join("\n      ", error.getMessage(Locale.ENGLISH).strip().lines()
                    .map(String::strip).toList()));
            codeLine(error).ifPresent(line -> out.append("\n      > ").append(line).append(caret(error, line)));
        }
        if (errors.size() > SHOWN) {
            out.append("\n  … and ").append(errors.size() - SHOWN).append(" more errors.");
        }
        if (errors.isEmpty()) {
            out.append("\n  (the compiler reported no details)");
        }
        queryBeanNote(errors).ifPresent(note -> out.append("\n").append(note));
        out.append("\nFix the first error first: later ones often follow from it.");
        return out.toString();
    }

    private static final Pattern QUERY_BEANS = Pattern.compile(
            "package ([\\w.]+\\.query) does not exist|symbol:\\s+class (Q[A-Z]\\w*)");

    /**
     * Ebean's query beans ({@code QPost} in {@code blog.model.query}) are generated, not written: a student who
     * reads "package blog.model.query does not exist" looks for a file to create. Say where they come from.
     */
    private static Optional<String> queryBeanNote(List<Diagnostic<? extends JavaFileObject>> errors) {
        for (Diagnostic<? extends JavaFileObject> error : errors) {
            Matcher m = QUERY_BEANS.matcher(error.getMessage(Locale.ENGLISH));
            if (m.find()) {
                String what = m.group(1) != null ? "package " + m.group(1) : "class " + m.group(2);
                return Optional.of("About " + what + ": query beans (QPost, QTag, … in a package ending in "
                        + ".query) are not files you write. Ebean's generator writes one while compiling for each "
                        + "class annotated @Entity, so they appear once the entity they are named after is mapped "
                        + "(@Entity, @Id, its columns). Map that entity first; these errors then go away.");
            }
        }
        return Optional.empty();
    }

    private static String location(Diagnostic<? extends JavaFileObject> error, Path labDir) {
        if (error.getSource() == null) {
            return "(compiler)";
        }
        String file;
        try {
            Path path = Path.of(error.getSource().toUri());
            file = path.startsWith(labDir) ? labDir.relativize(path).toString() : path.getFileName().toString();
        } catch (IllegalArgumentException | UnsupportedOperationException e) {
            file = error.getSource().getName();
        }
        file = file.replace('\\', '/');
        return error.getLineNumber() > 0 ? file + ":" + error.getLineNumber() : file;
    }

    /** A caret under the column the compiler names, on a line of its own; empty when it cannot point. */
    private static String caret(Diagnostic<? extends JavaFileObject> error, String shownLine) {
        try {
            String text = error.getSource().getCharContent(true).toString();
            String raw = text.lines().skip(error.getLineNumber() - 1).findFirst().orElse("");
            int indent = raw.length() - raw.stripLeading().length();
            long column = error.getColumnNumber() - 1 - indent;
            if (column < 0 || column > shownLine.length() || shownLine.endsWith("…") && column >= 160) {
                return "";
            }
            return "\n        " + " ".repeat((int) column) + "^";
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    /** The offending source line, so the student sees the code without opening the file. */
    private static Optional<String> codeLine(Diagnostic<? extends JavaFileObject> error) {
        if (error.getSource() == null || error.getLineNumber() <= 0) {
            return Optional.empty();
        }
        try {
            String text = error.getSource().getCharContent(true).toString();
            return text.lines().skip(error.getLineNumber() - 1).findFirst().map(String::strip)
                    .filter(s -> !s.isEmpty())
                    .map(s -> s.length() > 160 ? s.substring(0, 160) + "…" : s);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
