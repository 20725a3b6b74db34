package dev.pglabs.worker;

import java.io.Serializable;

/**
 * An object kept in the worker between calls of one check (a pool the student built, a running server), named by
 * a number. A handle dies with the worker process that made it: a later task that uses it after a restart is told
 * so instead of finding another object.
 */
public record Handle(long worker, long id) implements Serializable {
}
