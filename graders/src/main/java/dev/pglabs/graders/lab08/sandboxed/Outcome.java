package dev.pglabs.graders.lab08.sandboxed;

import java.io.Serializable;
import java.util.List;

/**
 * What a call of the repository came to, read in the worker: the result as the grader reads it (plain rows and
 * values), or the exception the call or the reading threw, and every statement sent meanwhile (lazy loads included).
 */
public record Outcome(Serializable value, Failure failure, List<Sent> entries) implements Serializable {
}
