package dev.pglabs.classroom;

import java.text.Normalizer;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Safe, unique file names for the students' reports. A student's folder name is untrusted: it may hold
 * characters no file system or browser link likes, or be a reserved name; the report files get a tame copy.
 */
public final class ReportFileNames {

    private static final int MAX_LENGTH = 80;

    private ReportFileNames() {
    }

    /** One base name (no extension) per student, in the given order; collisions get "-2", "-3", … */
    public static Map<String, String> assign(List<String> studentNames) {
        Map<String, String> names = new LinkedHashMap<>();
        Set<String> taken = new HashSet<>();
        for (String student : studentNames) {
            String base = tame(student);
            String name = base;
            for (int n = 2; !taken.add(name.toLowerCase(Locale.ROOT)); n++) {
                name = base + "-" + n;
            }
            names.put(student, name);
        }
        return names;
    }

    /** Letters and digits of any script stay (José, Zoë, 李); everything a file system or a link minds becomes '_'. */
    static String tame(String name) {
        StringBuilder sb = new StringBuilder();
        Normalizer.normalize(name, Normalizer.Form.NFC).codePoints().forEach(c ->
                sb.appendCodePoint(Character.isLetterOrDigit(c) || c == '-' || c == '_' || c == '.' ? c : '_'));
        String tame = sb.toString().replaceAll("^[._-]+", "");
        if (tame.codePointCount(0, tame.length()) > MAX_LENGTH) {
            tame = tame.substring(0, tame.offsetByCodePoints(0, MAX_LENGTH));
        }
        if (tame.matches("(?i)(con|prn|aux|nul|com[0-9]|lpt[0-9])(\\..*)?")) {
            tame = "_" + tame;  // reserved device names on Windows
        }
        return tame.isEmpty() ? "student" : tame;
    }
}
