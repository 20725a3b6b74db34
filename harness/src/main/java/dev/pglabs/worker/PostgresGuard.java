package dev.pglabs.worker;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads the first message of a PostgreSQL connection from the sandbox and lets it through only for a role and
 * database the grader handed to this submission. The server behind the relay may trust every local connection
 * (a CI service container, a developer's server): without this, student code could log in there as a superuser.
 * Encryption is declined (the relay is a local hop), so the startup message is always readable.
 */
final class PostgresGuard {

    private static final int SSL_REQUEST = 80877103;
    private static final int GSS_REQUEST = 80877104;
    private static final int CANCEL_REQUEST = 80877102;
    private static final int PROTOCOL_3 = 196608;
    private static final int MAX_STARTUP = 10_000;

    private final Set<String> allowed = ConcurrentHashMap.newKeySet();

    /** Lets {@code user} connect to {@code database}. */
    void allow(String user, String database) {
        allowed.add(user + '\0' + database);
    }

    /** Lets no one through until {@link #allow} again (a reused worker's next grading has databases of its own). */
    void forgetAll() {
        allowed.clear();
    }

    /**
     * Reads the client's opening; returns the bytes to send upstream, or {@code null} after telling the client it
     * was refused.
     */
    byte[] admit(SocketChannel client) throws IOException {
        DataInputStream in = new DataInputStream(Channels.newInputStream(client));
        OutputStream out = Channels.newOutputStream(client);
        while (true) {
            int length = in.readInt();
            if (length < 8 || length > MAX_STARTUP) {
                return refuse(out, "the connection did not start like a PostgreSQL client");
            }
            byte[] body = in.readNBytes(length - 4);
            int code = ByteBuffer.wrap(body).getInt();
            if (code == SSL_REQUEST || code == GSS_REQUEST) {
                out.write('N');
                out.flush();
                continue;
            }
            byte[] message = ByteBuffer.allocate(length).putInt(length).put(body).array();
            if (code == CANCEL_REQUEST) {
                return message;  // carries the secret key of a session; useless without one
            }
            if (code != PROTOCOL_3) {
                return refuse(out, "unsupported protocol version");
            }
            Map<String, String> parameters = parameters(body);
            String user = parameters.getOrDefault("user", "");
            String database = parameters.getOrDefault("database", user);
            if (parameters.containsKey("replication") || !allowed.contains(user + '\0' + database)) {
                return refuse(out, "from the grading sandbox, only the role and database of the check may be used "
                        + "(role \"" + user + "\", database \"" + database + "\" are not)");
            }
            return message;
        }
    }

    private static Map<String, String> parameters(byte[] body) {
        Map<String, String> parameters = new LinkedHashMap<>();
        int i = 4;
        while (i < body.length && body[i] != 0) {
            int keyEnd = indexOf(body, i);
            int valueEnd = indexOf(body, keyEnd + 1);
            if (keyEnd < 0 || valueEnd < 0) {
                break;
            }
            parameters.put(new String(body, i, keyEnd - i, StandardCharsets.UTF_8),
                    new String(body, keyEnd + 1, valueEnd - keyEnd - 1, StandardCharsets.UTF_8));
            i = valueEnd + 1;
        }
        return parameters;
    }

    private static int indexOf(byte[] bytes, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                return i;
            }
        }
        return -1;
    }

    /** An ErrorResponse as a server sends it (FATAL, SQLSTATE 28000 invalid authorization), then nothing. */
    private static byte[] refuse(OutputStream out, String why) throws IOException {
        ByteArrayOutputStream fields = new ByteArrayOutputStream();
        for (String field : new String[] {"SFATAL", "VFATAL", "C28000", "M" + why}) {
            fields.write(field.getBytes(StandardCharsets.UTF_8));
            fields.write(0);
        }
        fields.write(0);
        ByteBuffer message = ByteBuffer.allocate(5 + fields.size()).put((byte) 'E').putInt(4 + fields.size())
                .put(fields.toByteArray());
        out.write(message.array());
        out.flush();
        return null;
    }
}
