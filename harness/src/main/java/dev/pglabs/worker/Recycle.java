package dev.pglabs.worker;

/** Asks a worker to ready itself for another grading ({@link WorkerContext#recycle}): null, or what was left. */
record Recycle() implements StudentTask<String> {

    @Override
    public String run(WorkerContext context) {
        return context.recycle();
    }
}
