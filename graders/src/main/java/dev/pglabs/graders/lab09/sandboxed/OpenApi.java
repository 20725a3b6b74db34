package dev.pglabs.graders.lab09.sandboxed;

import dev.pglabs.orm.EbeanSession;
import dev.pglabs.provisioning.ConnectionTarget;
import dev.pglabs.worker.CodeRef;
import dev.pglabs.worker.Handle;
import dev.pglabs.worker.StudentTask;
import dev.pglabs.worker.WorkerContext;

import java.nio.file.Path;

/** Starts Ebean on the student's enhanced entities, on the check's database, and keeps it for the check's API. */
public record OpenApi(CodeRef code, ConnectionTarget inside) implements StudentTask<Handle> {

    @Override
    public Handle run(WorkerContext context) {
        return context.keep(new Api(EbeanSession.openInWorker(context.loader(code), Path.of(code.folder()), inside)));
    }
}
