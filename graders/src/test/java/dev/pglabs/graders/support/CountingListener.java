package dev.pglabs.graders.support;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.concurrent.atomic.AtomicInteger;

/** A port on the grader's loopback that counts the connections reaching it (none may, from a sandbox). */
public final class CountingListener implements AutoCloseable {

    private final ServerSocket socket;
    private final AtomicInteger reached = new AtomicInteger();

    public CountingListener() throws IOException {
        socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread counter = new Thread(() -> {
            while (!socket.isClosed()) {
                try {
                    socket.accept().close();
                    reached.incrementAndGet();
                } catch (IOException e) {
                    return;  // closed
                }
            }
        }, "hostile-listener");
        counter.setDaemon(true);
        counter.start();
    }

    public int port() {
        return socket.getLocalPort();
    }

    public int reached() {
        return reached.get();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
