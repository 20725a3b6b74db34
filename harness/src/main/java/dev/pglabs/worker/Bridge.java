package dev.pglabs.worker;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;

/**
 * The worker's end of the ways in and out of the sandbox. Its network namespace has only its own loopback; a
 * server the grader allows (the check's database, lab 10's TLS server, lab 11's emulator) is reached through a
 * Unix socket in the shared folder, on which the grader's {@link Relay} listens and decides what may pass.
 */
record Bridge(boolean outbound, int port, String socket) implements StudentTask<Integer> {

    /** Listens on 127.0.0.1:{@code port} in the sandbox and carries each connection to the grader's relay. */
    static Bridge out(int port, Path socket) {
        return new Bridge(true, port, socket.toString());
    }

    /** Makes a server the student's code runs in the sandbox (lab 09) reachable from the grader's side. */
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
        ServerSocketChannel inbound = Pipes.listenUnix(Path.of(socket));
        Pipes.acceptLoop(inbound, "bridge-in-" + port, fromGrader -> {
            try {
                Pipes.join(fromGrader, SocketChannel.open(new InetSocketAddress(InetAddress.getLoopbackAddress(),
                        port)), "bridge-in-" + port);
            } catch (IOException e) {
                Pipes.quietly(fromGrader);
            }
        });
        return port;
    }
}
