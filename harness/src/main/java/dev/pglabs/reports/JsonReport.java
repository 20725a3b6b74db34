package dev.pglabs.reports;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.pglabs.results.SubmissionResult;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** Our own JSON result format, documented in docs/results-json.md. */
public final class JsonReport {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private JsonReport() {
    }

    public static void write(SubmissionResult result, OutputStream out) throws IOException {
        MAPPER.writeValue(new NonClosing(out), result);
        out.write('\n');
        out.flush();
    }

    public static void write(SubmissionResult result, Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try (OutputStream out = Files.newOutputStream(file)) {
            write(result, out);
        }
    }

    public static SubmissionResult read(Path file) throws IOException {
        return MAPPER.readValue(file.toFile(), SubmissionResult.class);
    }

    /** Jackson closes the stream it writes to; standard output must stay open. */
    private static final class NonClosing extends FilterOutputStream {
        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
