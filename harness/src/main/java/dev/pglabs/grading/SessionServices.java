package dev.pglabs.grading;

import dev.pglabs.concurrent.DaemonThreads;
import dev.pglabs.course.Course;

import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@link LabService}s of a session and of the sessions derived from it: each made through {@link ServiceLoader}
 * and started the first time a check (or {@link GradingSession#startServices}) asks for it, reused while healthy,
 * stopped with the owning session. Only the labs that use a service pay its start-up.
 */
public final class SessionServices implements AutoCloseable {

    private final Course course;
    private final Map<Class<? extends LabService>, Starting> started = new ConcurrentHashMap<>();
    private boolean closed;

    /** One instance and its start, on a thread of its own. */
    private record Starting(LabService service, CompletableFuture<LabService> up) {
    }

    /** Services of their own, stopped by {@link #close()} (a notebook's, apart from its grading session's). */
    public SessionServices(Course course) {
        this.course = course;
    }

    /** Starts the service on a thread of its own, unless it is starting or running already. */
    public void startAhead(Class<? extends LabService> type) {
        starting(type);
    }

    private synchronized Starting starting(Class<? extends LabService> type) {
        if (closed) {
            throw new IllegalStateException("The grading session is closed");
        }
        return started.computeIfAbsent(type, t -> {
            LabService service = create(t);
            return new Starting(service, CompletableFuture.supplyAsync(() -> {
                service.start(course);
                return service;
            }, task -> DaemonThreads.start("pglabs-service-" + t.getSimpleName(), task)));
        });
    }

    /** What the service is ({@link LabService#description()}), without waiting for it to start. */
    public String description(Class<? extends LabService> type) {
        return starting(type).service().description();
    }

    /**
     * The running service. One that did not start reports the same problem to every check, without trying again (the
     * exception its start threw, unchanged); one that stopped answering is closed and started anew.
     */
    public <S extends LabService> S get(Class<S> type) {
        Starting starting = starting(type);
        LabService service = join(starting);
        if (!service.healthy()) {
            synchronized (this) {
                if (started.get(type) == starting) {
                    started.remove(type);
                    service.close();
                }
            }
            service = join(starting(type));
        }
        return type.cast(service);
    }

    private static LabService join(Starting starting) {
        try {
            return starting.up().join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    /** A new instance of a registered service; a class that is not registered is a mistake in the course. */
    private static LabService create(Class<? extends LabService> type) {
        return ServiceLoader.load(LabService.class, type.getClassLoader()).stream()
                .filter(provider -> provider.type() == type)
                .findFirst()
                .map(ServiceLoader.Provider::get)
                .orElseThrow(() -> new IllegalStateException(type.getName() + " is not registered in META-INF/services/"
                        + LabService.class.getName()));
    }

    @Override
    public synchronized void close() {
        closed = true;
        RuntimeException failure = null;
        for (Starting starting : started.values()) {
            try {
                starting.up().join().close();
            } catch (CompletionException e) {
                // It never started: nothing to stop.
            } catch (RuntimeException e) {
                failure = failure == null ? e : failure;
            }
        }
        started.clear();
        if (failure != null) {
            throw failure;
        }
    }
}
