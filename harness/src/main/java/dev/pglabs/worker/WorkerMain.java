package dev.pglabs.worker;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;

/**
 * The worker process: runs the tasks the grader sends, each on a thread of its own, and answers with what they
 * returned or threw. Started by {@link StudentJvm} (inside the OS sandbox where there is one); it ends when the
 * grader closes its standard input or kills it.
 */
public final class WorkerMain {

    private WorkerMain() {
    }

    public static void main(String[] args) throws IOException {
        long incarnation = Long.parseLong(args[0]);
        // The protocol owns the real standard streams; the student's prints go nowhere (an output flood costs
        // nothing) and System.in is empty.
        DataOutputStream replies = new DataOutputStream(new BufferedOutputStream(new FileOutputStream(FileDescriptor.out)));
        DataInputStream requests = new DataInputStream(new BufferedInputStream(new FileInputStream(FileDescriptor.in)));
        PrintStream discard = new PrintStream(OutputStream.nullOutputStream(), false, StandardCharsets.UTF_8);
        System.setOut(discard);
        System.setErr(discard);
        System.setIn(new ByteArrayInputStream(new byte[0]));
        WorkerContext context = new WorkerContext(incarnation);
        Wire.writeFrame(replies, new Wire.Reply(0, "ready", null));
        try {
            for (byte[] frame; (frame = Wire.readFrame(requests)) != null; ) {
                Wire.Request request;
                try {
                    request = (Wire.Request) Wire.readRequest(frame);
                } catch (ClassNotFoundException | RuntimeException e) {
                    throw new IOException("unreadable request: " + e, e);
                }
                Pipes.start("task-" + request.id(), () -> answer(request, context, replies));
            }
        } finally {
            Runtime.getRuntime().halt(0);  // the student's threads do not keep a worker alive
        }
    }

    private static void answer(Wire.Request request, WorkerContext context, DataOutputStream replies) {
        Wire.Reply reply;
        try {
            Serializable value = null;
            if (request.release() != null) {
                context.release(request.release());
            } else {
                value = request.task().run(context);
            }
            reply = new Wire.Reply(request.id(), value, null);
        } catch (Throwable t) {
            reply = new Wire.Reply(request.id(), null, WorkerContext.thrown(t));
        }
        try {
            Wire.writeFrame(replies, reply);
        } catch (IOException e) {
            try {  // e.g. a task that returned something not serializable: say so rather than go silent
                Wire.writeFrame(replies, new Wire.Reply(request.id(), null, WorkerContext.thrown(
                        new IllegalStateException("the task's answer could not be sent: " + e))));
            } catch (IOException gone) {
                Runtime.getRuntime().halt(1);
            }
        }
    }
}
