package dev.pglabs.results;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * Everything one grading run found about one submission. Serialised as the JSON result documented in
 * docs/results-json.md.
 */
public record SubmissionResult(String submission, double score, double max, List<LabResult> labs,
                               RunInfo run, @JsonInclude(JsonInclude.Include.NON_NULL) HiddenNotRun hiddenNotRun) {

    public SubmissionResult(String submission, double score, double max, List<LabResult> labs, RunInfo run) {
        this(submission, score, max, labs, run, HiddenNotRun.sum(labs.stream().map(LabResult::hiddenNotRun)));
    }

    /**
     * Where and with what the grading ran, so a result can be reproduced and trusted.
     *
     * @param submissionSha256 SHA-256 (hex) of the graded lab folders' files, see
     *                         {@link dev.pglabs.submission.SubmissionHash}: the same hash means the same files
     * @param sandbox          how student Java ran ({@link dev.pglabs.worker.Isolation#label()}: "bubblewrap", or
     *                         "process (no OS sandbox)"); {@code null} when no student Java ran
     */
    public record RunInfo(String graderVersion, String postgresVersion, String provider, String gradedAt,
                          long durationMs, String submissionSha256, String sandbox) {
    }

    public static SubmissionResult of(String submission, List<LabResult> labs, RunInfo run) {
        return new SubmissionResult(submission, Scores.round(labs.stream().mapToDouble(LabResult::score).sum()),
                Scores.round(labs.stream().mapToDouble(LabResult::max).sum()), List.copyOf(labs), run);
    }
}
