package dev.pglabs.worker;

import dev.pglabs.concurrent.DaemonThreads;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/** Byte pipes between two connections, on daemon threads: what relays and bridges are made of. */
final class Pipes {

    private static final AtomicInteger THREADS = new AtomicInteger();
    private static final Set<Thread> OURS = Collections.newSetFromMap(new IdentityHashMap<>());

    private Pipes() {
    }

    /**
     * Copies both ways until either side closes, then closes both. Channel reads and writes directly: the stream
     * adapters of {@link java.nio.channels.Channels} lock a channel for reading and writing alike, which would
     * deadlock two directions on one socket.
     */
    static void join(SocketChannel a, SocketChannel b, String name) {
        Runnable closeBoth = () -> {
            quietly(a);
            quietly(b);
        };
        start(name + "-up", () -> copy(a, b, closeBoth));
        start(name + "-down", () -> copy(b, a, closeBoth));
    }

    private static void copy(SocketChannel from, SocketChannel to, Runnable done) {
        ByteBuffer buffer = ByteBuffer.allocate(16 * 1024);
        try {
            while (from.read(buffer) >= 0) {
                buffer.flip();
                while (buffer.hasRemaining()) {
                    to.write(buffer);
                }
                buffer.clear();
            }
        } catch (IOException | RuntimeException ignored) {
            // A side went away: the connection is over either way.
        } finally {
            done.run();
        }
    }

    static Thread start(String name, Runnable body) {
        Thread[] started = new Thread[1];
        synchronized (OURS) {  // registered before it runs: a reused worker's census never mistakes it for a stray
            started[0] = DaemonThreads.start("pglabs-" + name + "-" + THREADS.incrementAndGet(), () -> {
                try {
                    body.run();
                } finally {
                    synchronized (OURS) {
                        OURS.remove(Thread.currentThread());
                    }
                }
            });
            OURS.add(started[0]);
        }
        return started[0];
    }

    /**
     * Whether the thread is one of these pipes' (a task, a bridge, a relay), not one the student's code started: a
     * thread inherits its starter's group and daemon flag, so only this registry tells them apart.
     */
    static boolean ours(Thread thread) {
        synchronized (OURS) {
            return OURS.contains(thread);
        }
    }

    /** A listening Unix domain socket at {@code path} (an old socket file there is replaced). */
    static ServerSocketChannel listenUnix(Path path) throws IOException {
        Files.deleteIfExists(path);
        ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(path));
        return server;
    }

    static SocketChannel connectUnix(Path path) throws IOException {
        return SocketChannel.open(UnixDomainSocketAddress.of(path));
    }

    /** Accepts connections until the server closes, handing each to {@code each}. */
    static void acceptLoop(ServerSocketChannel server, String name, Consumer<SocketChannel> each) {
        start(name + "-accept", () -> {
            while (server.isOpen()) {
                try {
                    each.accept(server.accept());
                } catch (IOException | RuntimeException e) {
                    if (!server.isOpen()) {
                        return;
                    }
                }
            }
        });
    }

    static void quietly(AutoCloseable closeable) {
        try {
            if (closeable != null) {
                closeable.close();
            }
        } catch (Exception ignored) {
            // Closing is best effort: the other side may be gone already.
        }
    }
}
