package dev.pglabs.worker;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;

/**
 * The worker's end of the ways in and out of the sandbox. Its network namespace has only its own loopback; a
 * server the grader allows (the check's database, lab 10's TLS server, lab 11's emulator) is reached through a
 * Unix socket in the shared folder, on which the grader's {@link Relay} listens and decides what may pass. The way
 * in (to a server the student's code runs, lab 09) is dialled from inside too: the grader asks for a connection
 * over a control connection and the worker opens it, so the shared folder stays read-only for the sandbox.
 */
record Bridge(boolean outbound, int port, String socket) implements StudentTask<Integer> {

    /** Listens on 127.0.0.1:{@code port} in the sandbox and carries each connection to the grader's relay. */
    static Bridge out(int port, Path socket) {
        return new Bridge(true, port, socket.toString());
    }

    /**
     * Connects a control connection to the grader's {@code socket}; for each byte the grader sends on it, opens one
     * more connection to that socket and joins it to the server at 127.0.0.1:{@code port} in the sandbox.
     */
    static Bridge in(int port, Path socket) {
        return new Bridge(false, port, socket.toString());
    }

    @Override
    public Integer run(WorkerContext context) throws IOException {
        if (outbound) {
            ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.INET);
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            Pipes.acceptLoop(server, "bridge-out-" + port, inside -> {
                try {
                    Pipes.join(inside, Pipes.connectUnix(Path.of(socket)), "bridge-out-" + port);
                } catch (IOException e) {
                    Pipes.quietly(inside);
                }
            });
            return ((InetSocketAddress) server.getLocalAddress()).getPort();
        }
        SocketChannel control = Pipes.connectUnix(Path.of(socket));
        Pipes.start("bridge-in-" + port, () -> {
            ByteBuffer signal = ByteBuffer.allocate(1);
            try {
                while (control.read(signal.clear()) >= 0) {
                    SocketChannel toGrader = Pipes.connectUnix(Path.of(socket));
                    try {
                        Pipes.join(toGrader, SocketChannel.open(new InetSocketAddress(InetAddress.getLoopbackAddress(),
                                port)), "bridge-in-" + port);
                    } catch (IOException refused) {
                        Pipes.quietly(toGrader);  // the server is gone: the grader's client sees the close
                    }
                }
            } catch (IOException e) {
                // The grader closed the control connection: no more ways in.
            } finally {
                Pipes.quietly(control);
            }
        });
        return port;
    }
}
