package dev.pglabs.worker;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The grader's end of a way into the sandbox: a TCP port on the grader's loopback. Each client that connects there
 * waits while the worker is asked (one byte on the control connection, see {@link Bridge#in}) to dial a connection
 * to the grader's Unix socket; the two are joined in arrival order (all lead to the same server, so any pairing is
 * right). A client the worker does not dial for within a few seconds is closed.
 */
final class Inbound implements AutoCloseable {

    private static final long DIAL_WAIT_SECONDS = 10;

    private final ServerSocketChannel unix;
    private final ServerSocketChannel tcp;
    private final BlockingQueue<SocketChannel> waiting = new LinkedBlockingQueue<>();
    private SocketChannel control;

    Inbound(Path socket) throws IOException {
        this.unix = Pipes.listenUnix(socket);
        this.tcp = ServerSocketChannel.open();
        tcp.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    }

    int port() throws IOException {
        return ((InetSocketAddress) tcp.getLocalAddress()).getPort();
    }

    /** After the worker connected its control connection: start carrying clients. */
    void start(int insidePort) throws IOException {
        control = unix.accept();
        Pipes.acceptLoop(unix, "inbound-dialled-" + insidePort, dialled -> {
            try {
                SocketChannel client = waiting.poll(DIAL_WAIT_SECONDS, TimeUnit.SECONDS);
                if (client == null) {
                    Pipes.quietly(dialled);
                } else {
                    Pipes.join(client, dialled, "inbound-" + insidePort);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                Pipes.quietly(dialled);
            }
        });
        Pipes.acceptLoop(tcp, "inbound-" + insidePort, client -> {
            waiting.add(client);
            try {
                synchronized (this) {
                    control.write(ByteBuffer.wrap(new byte[] {1}));
                }
            } catch (IOException e) {
                waiting.remove(client);
                Pipes.quietly(client);  // the worker is gone
            }
        });
    }

    @Override
    public void close() {
        Pipes.quietly(tcp);
        Pipes.quietly(unix);
        Pipes.quietly(control);
        for (SocketChannel client; (client = waiting.poll()) != null; ) {
            Pipes.quietly(client);
        }
    }
}
