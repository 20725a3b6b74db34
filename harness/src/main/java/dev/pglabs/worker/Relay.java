package dev.pglabs.worker;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;

/**
 * The grader's end of one way out of the sandbox: listens on a Unix socket in the shared folder and connects each
 * connection to one server, nothing else. With a {@link PostgresGuard} only the check's own role gets through.
 */
final class Relay implements AutoCloseable {

    private final ServerSocketChannel server;

    Relay(Path socket, String host, int port, PostgresGuard guard) throws IOException {
        this.server = Pipes.listenUnix(socket);
        Pipes.acceptLoop(server, "relay-" + port, client -> Pipes.start("relay-open-" + port,
                () -> open(client, host, port, guard)));
    }

    private static void open(SocketChannel client, String host, int port, PostgresGuard guard) {
        SocketChannel upstream = null;
        try {
            byte[] opening = guard == null ? new byte[0] : guard.admit(client);
            if (opening == null) {
                Pipes.quietly(client);
                return;
            }
            upstream = SocketChannel.open(new InetSocketAddress(host, port));
            upstream.write(ByteBuffer.wrap(opening));
            Pipes.join(client, upstream, "relay-" + port);
        } catch (IOException | RuntimeException e) {
            Pipes.quietly(client);
            Pipes.quietly(upstream);
        }
    }

    @Override
    public void close() {
        Pipes.quietly(server);
    }
}
