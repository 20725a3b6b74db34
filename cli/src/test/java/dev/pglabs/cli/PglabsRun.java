package dev.pglabs.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;

/** Runs pglabs in process, as users call it, and captures its exit status and output. */
record PglabsRun(int exit, String out, String err) {

    static synchronized PglabsRun of(String... args) {
        PrintStream originalOut = System.out;
        PrintStream originalErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        StringWriter picocliErr = new StringWriter();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int exit = Main.commandLine().setErr(new PrintWriter(picocliErr, true)).execute(args);
            return new PglabsRun(exit, out.toString(StandardCharsets.UTF_8),
                    err.toString(StandardCharsets.UTF_8) + picocliErr);
        } finally {
            System.setOut(originalOut);
            System.setErr(originalErr);
        }
    }
}
