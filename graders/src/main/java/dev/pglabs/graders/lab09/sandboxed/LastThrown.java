package dev.pglabs.graders.lab09.sandboxed;

import dev.pglabs.worker.Handle;
import dev.pglabs.worker.StudentTask;
import dev.pglabs.worker.Thrown;
import dev.pglabs.worker.WorkerContext;

/** What a handler threw while answering the last request, {@code route} ("PATCH /api/posts/3"); null if nothing. */
public record LastThrown(Handle api, String route) implements StudentTask<Thrown> {

    @Override
    public Thrown run(WorkerContext context) {
        return context.kept(api, Api.class).thrown(route);
    }
}
