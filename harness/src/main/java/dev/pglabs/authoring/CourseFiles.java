package dev.pglabs.authoring;

import dev.pglabs.course.Course;
import dev.pglabs.course.Lab;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Where the rules look: the course's folders and the source of its graders, and finding a line in a file. */
final class CourseFiles {

    private CourseFiles() {
    }

    static String relative(Course course, Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        return (absolute.startsWith(course.home()) ? course.home().relativize(absolute) : absolute).toString()
                .replace('\\', '/');
    }

    /** The source file of a class under graders/src/main/java (it may not exist). */
    static Path graderSource(Course course, String className) {
        return course.home().resolve("graders/src/main/java").resolve(className.replace('.', '/') + ".java");
    }

    /** The lab's golden scenarios folder. */
    static Path golden(Course course, Lab lab) {
        return course.home().resolve("graders/src/test/resources/golden").resolve(lab.folder());
    }

    static Path readme(Course course, Lab lab) {
        return course.labsDir().resolve(lab.folder()).resolve("README.md");
    }

    /** The first line (from 1) of the file that contains {@code text}, or 0. */
    static int lineOf(Path file, String text) {
        return lineOf(file, text, 0);
    }

    /** The first line after line {@code after} (from 1) of the file that contains {@code text}, or 0. */
    static int lineOf(Path file, String text, int after) {
        if (!Files.isRegularFile(file)) {
            return 0;
        }
        List<String> lines = lines(file);
        for (int i = after; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i + 1;
            }
        }
        return 0;
    }

    /** The line of course.json that names this lab's id, for findings about its entry. */
    static int manifestLine(Course course, Lab lab, String text) {
        Path manifest = course.home().resolve(Course.MANIFEST);
        int line = lineOf(manifest, text);
        return line > 0 ? line : lineOf(manifest, "\"id\": \"" + lab.id() + "\"");
    }

    static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            // Not UTF-8 or unreadable: the rule that reads it reports no line, the file is still named.
            return List.of();
        }
    }

    /** Regular files under a folder by relative path with '/', skipping build output and dot files. */
    static Map<String, Path> files(Path root) {
        Map<String, Path> files = new TreeMap<>();
        if (!Files.isDirectory(root)) {
            return files;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            walk.filter(Files::isRegularFile).forEach(p -> {
                String rel = root.relativize(p).toString().replace('\\', '/');
                if (!rel.startsWith("target/") && !rel.contains("/target/") && !rel.startsWith(".")
                        && !rel.contains("/.")) {
                    files.put(rel, p);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("Could not list " + root, e);
        }
        return files;
    }
}
