package dev.pglabs.graders.lab09.sandboxed;

import dev.pglabs.worker.Handle;
import dev.pglabs.worker.StudentTask;
import dev.pglabs.worker.WorkerContext;

/**
 * Starts the configured app on the sandbox's loopback, on a port the system chooses; answers the port (the grader
 * exposes it to its own side). From here on the worker serves requests between calls.
 */
public record StartServer(Handle api) implements StudentTask<Integer> {

    @Override
    public Integer run(WorkerContext context) {
        Api kept = context.kept(api, Api.class);
        kept.app.start("127.0.0.1", 0);
        return kept.app.port();
    }
}
