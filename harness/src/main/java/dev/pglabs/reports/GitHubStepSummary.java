package dev.pglabs.reports;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.Optional;

/**
 * GitHub Actions shows the Markdown a step appends to the file named by {@code $GITHUB_STEP_SUMMARY} on the run's
 * page. Outside GitHub Actions the variable is not set and nothing is written.
 */
public final class GitHubStepSummary {

    public static final String VARIABLE = "GITHUB_STEP_SUMMARY";
    /** GitHub refuses summaries above 1 MiB per step; stay well below. */
    static final int MAX_BYTES = 900 * 1024;

    private GitHubStepSummary() {
    }

    /** The summary file of this environment, if any. */
    public static Optional<Path> file(Map<String, String> environment) {
        String value = environment.get(VARIABLE);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(Path.of(value));
    }

    /** Appends the Markdown when the environment names a summary file; returns the file written, if any. */
    public static Optional<Path> append(String markdown, Map<String, String> environment) throws IOException {
        Optional<Path> file = file(environment);
        if (file.isPresent()) {
            String text = markdown;
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            if (bytes.length > MAX_BYTES) {
                text = new String(bytes, 0, MAX_BYTES, StandardCharsets.UTF_8)
                        + "\n\n… (summary cut at GitHub's size limit; see the uploaded results)\n";
            }
            Files.writeString(file.get(), text + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        }
        return file;
    }
}
