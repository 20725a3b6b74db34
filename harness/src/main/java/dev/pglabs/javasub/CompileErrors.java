package dev.pglabs.javasub;

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
        out.append("\nFix the first error first: later ones often follow from it.");
        return out.toString();
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
        } catch (java.io.IOException | RuntimeException e) {
            return "";
        }
    }

    /** The offending source line, so the student sees the code without opening the file. */
    private static java.util.Optional<String> codeLine(Diagnostic<? extends JavaFileObject> error) {
        if (error.getSource() == null || error.getLineNumber() <= 0) {
            return java.util.Optional.empty();
        }
        try {
            String text = error.getSource().getCharContent(true).toString();
            return text.lines().skip(error.getLineNumber() - 1).findFirst().map(String::strip)
                    .filter(s -> !s.isEmpty())
                    .map(s -> s.length() > 160 ? s.substring(0, 160) + "…" : s);
        } catch (java.io.IOException | RuntimeException e) {
            return java.util.Optional.empty();
        }
    }
}
