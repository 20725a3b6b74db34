package dev.pglabs.graders;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.concurrent.atomic.AtomicInteger;

/** A port on the grader's loopback that counts the connections reaching it (none may, from a sandbox). */
final class CountingListener implements AutoCloseable {

    private final ServerSocket socket;
    private final AtomicInteger reached = new AtomicInteger();

    CountingListener() throws IOException {
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

    int port() {
        return socket.getLocalPort();
    }

    int reached() {
        return reached.get();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
