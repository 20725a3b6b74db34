package dev.pglabs.course;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The hints of a lab, read from the "## Hints" section of its README: one {@code ### <exercise>} heading per
 * exercise, then its hints from gentle to specific — {@code <details><summary>…</summary>…</details>} blocks
 * (the course's format, which GitHub folds), or else list items or paragraphs.
 */
public final class LabHints {

    /** One hint: a short label ("Nudge") and its text. */
    public record Hint(String label, String text) {
    }

    private static final Pattern DETAILS = Pattern.compile(
            "<details>\\s*<summary>(.*?)</summary>(.*?)</details>", Pattern.DOTALL | Pattern.CASE_INSENSITIVE);

    private final Map<String, List<Hint>> byExercise;

    private LabHints(Map<String, List<Hint>> byExercise) {
        this.byExercise = byExercise;
    }

    public static LabHints read(Path readme) {
        try {
            return parse(Files.exists(readme) ? Files.readString(readme) : "");
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + readme, e);
        }
    }

    static LabHints parse(String markdown) {
        Map<String, List<Hint>> hints = new LinkedHashMap<>();
        Matcher section = Pattern.compile("(?m)^## +Hints\\b.*$").matcher(markdown);
        if (!section.find()) {
            return new LabHints(hints);
        }
        String rest = markdown.substring(section.end());
        Matcher next = Pattern.compile("(?m)^## ").matcher(rest);
        String body = next.find() ? rest.substring(0, next.start()) : rest;
        String[] parts = body.split("(?m)^### +");
        for (int i = 1; i < parts.length; i++) {
            int newline = parts[i].indexOf('\n');
            String heading = (newline < 0 ? parts[i] : parts[i].substring(0, newline)).strip().replace("`", "");
            String text = newline < 0 ? "" : parts[i].substring(newline + 1);
            hints.put(heading, levels(text));
        }
        return new LabHints(hints);
    }

    private static List<Hint> levels(String text) {
        List<Hint> levels = new ArrayList<>();
        Matcher details = DETAILS.matcher(text);
        while (details.find()) {
            levels.add(new Hint(details.group(1).strip(), details.group(2).strip()));
        }
        if (!levels.isEmpty()) {
            return levels;
        }
        // Fallback for plain Markdown: list items, or else paragraphs, in order.
        List<String> chunks = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.matches("\\s*([-*]|\\d+[.)])\\s+.*")) {
                chunks.add(line.replaceFirst("\\s*([-*]|\\d+[.)])\\s+", ""));
            } else if (!line.isBlank() && !chunks.isEmpty() && line.startsWith("  ")) {
                chunks.set(chunks.size() - 1, chunks.get(chunks.size() - 1) + " " + line.strip());
            }
        }
        if (chunks.isEmpty()) {
            for (String paragraph : text.strip().split("\n\\s*\n")) {
                if (!paragraph.isBlank()) {
                    chunks.add(paragraph.strip());
                }
            }
        }
        for (int i = 0; i < chunks.size(); i++) {
            levels.add(new Hint("Hint " + (i + 1), chunks.get(i)));
        }
        return levels;
    }

    /** The exercises that have hints, in README order. */
    public List<String> exercises() {
        return List.copyOf(byExercise.keySet());
    }

    /**
     * The hints of an exercise named by a check id or file name: "03-latest-published", "03-latest-published:hidden",
     * "03-latest-published.sql" or just "03".
     */
    public Optional<Map.Entry<String, List<Hint>>> forExercise(String reference) {
        String ref = reference.replaceFirst(":.*$", "").replaceFirst("\\.(sql|java)$", "").toLowerCase(Locale.ROOT);
        for (Map.Entry<String, List<Hint>> e : byExercise.entrySet()) {
            String name = e.getKey().replaceFirst("\\.(sql|java)$", "").toLowerCase(Locale.ROOT);
            if (name.equals(ref) || name.startsWith(ref + "-") || ref.startsWith(name)) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }
}
