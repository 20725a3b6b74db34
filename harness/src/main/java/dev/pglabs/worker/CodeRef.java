package dev.pglabs.worker;

import java.io.Serializable;

/**
 * Compiled student classes as the worker sees them: a folder inside the sandbox, shared read-only by
 * {@link StudentJvm#code}. Tasks carry it to say which classes to load.
 */
public record CodeRef(String folder) implements Serializable {
}
