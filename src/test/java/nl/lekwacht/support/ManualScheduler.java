package nl.lekwacht.support;

import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedList;
import java.util.List;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.Callable;
import java.util.concurrent.Delayed;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * The executors of a gateway's background loops, run by the test instead of by threads: a task handed
 * to one ({@code execute}, a wake-up) waits in a queue until {@link #runQueued}, a periodic one runs
 * once per {@link #runRound}. So a test runs exactly the rounds it wants, on its own thread, and an
 * assertion that nothing happened is made after the loop really ran, never after a sleep.
 * Pass {@link #byName} as {@code Gateway.Time}'s background. Thread-safe.
 */
public final class ManualScheduler {

    /** The loop names the gateway gives its executors. */
    public static final String HOLD_LOOP = "lekwacht-hold-loop";
    public static final String REGISTER_SWEEP = "lekwacht-register-sweep";

    private record Task(String executor, Runnable work) {
    }

    private final Deque<Task> queued = new LinkedList<>();
    private final List<Task> periodic = new ArrayList<>();

    /** Makes the executor named {@code name}: {@code Gateway.Time}'s background. */
    public Function<String, ScheduledExecutorService> byName() {
        return Named::new;
    }

    /** Runs every queued task, and those they queue in turn, until none is left; returns how many ran. */
    public int runQueued() {
        int ran = 0;
        for (Task task = next(); task != null; task = next()) {
            task.work().run();
            if (++ran > 10_000) {
                throw new IllegalStateException("background tasks keep queueing each other");
            }
        }
        return ran;
    }

    /** Runs each periodic task of the executor {@code name} once, then what is queued. */
    public void runRound(String name) {
        List<Task> due;
        synchronized (this) {
            due = periodic.stream().filter(t -> t.executor().equals(name)).toList();
        }
        if (due.isEmpty()) {
            throw new IllegalStateException("no periodic task on " + name);
        }
        due.forEach(t -> t.work().run());
        runQueued();
    }

    /** How many tasks wait in the queue. */
    public synchronized int queuedCount() {
        return queued.size();
    }

    private synchronized Task next() {
        return queued.pollFirst();
    }

    private synchronized void queue(Task task) {
        queued.addLast(task);
    }

    private synchronized void repeat(Task task) {
        periodic.add(task);
    }

    private synchronized List<Runnable> drop(String name) {
        List<Runnable> dropped = new ArrayList<>();
        queued.removeIf(t -> t.executor().equals(name) && dropped.add(t.work()));
        periodic.removeIf(t -> t.executor().equals(name));
        return dropped;
    }

    /** One named executor; shutting it down drops its tasks. */
    private final class Named extends AbstractExecutorService implements ScheduledExecutorService {
        private final String name;
        private volatile boolean shut;

        Named(String name) {
            this.name = name;
        }

        @Override
        public void execute(Runnable command) {
            if (!shut) {
                queue(new Task(name, command));
            }
        }

        @Override
        public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
            throw new UnsupportedOperationException("a delayed one-shot task: run it with execute, or make it periodic");
        }

        @Override
        public <V> ScheduledFuture<V> schedule(Callable<V> callable, long delay, TimeUnit unit) {
            throw new UnsupportedOperationException("a delayed one-shot task: run it with execute, or make it periodic");
        }

        @Override
        public ScheduledFuture<?> scheduleAtFixedRate(Runnable command, long initialDelay, long period, TimeUnit unit) {
            return scheduleWithFixedDelay(command, initialDelay, period, unit);
        }

        @Override
        public ScheduledFuture<?> scheduleWithFixedDelay(Runnable command, long initialDelay, long delay,
                                                         TimeUnit unit) {
            Task task = new Task(name, command);
            if (!shut) {
                repeat(task);
            }
            return new Handle(task);
        }

        @Override
        public void shutdown() {
            shut = true;
            drop(name);
        }

        @Override
        public List<Runnable> shutdownNow() {
            shut = true;
            return drop(name);
        }

        @Override
        public boolean isShutdown() {
            return shut;
        }

        @Override
        public boolean isTerminated() {
            return shut;
        }

        @Override
        public boolean awaitTermination(long timeout, TimeUnit unit) {
            return true;
        }
    }

    /** The handle of a periodic task: cancelling stops its rounds. */
    private final class Handle implements ScheduledFuture<Object> {
        private final Task task;
        private volatile boolean cancelled;

        Handle(Task task) {
            this.task = task;
        }

        @Override
        public boolean cancel(boolean mayInterruptIfRunning) {
            synchronized (ManualScheduler.this) {
                periodic.remove(task);
            }
            cancelled = true;
            return true;
        }

        @Override
        public boolean isCancelled() {
            return cancelled;
        }

        @Override
        public boolean isDone() {
            return cancelled;
        }

        @Override
        public Object get() {
            return null;
        }

        @Override
        public Object get(long timeout, TimeUnit unit) {
            return null;
        }

        @Override
        public long getDelay(TimeUnit unit) {
            return 0;
        }

        @Override
        public int compareTo(Delayed other) {
            return Long.compare(getDelay(TimeUnit.NANOSECONDS), other.getDelay(TimeUnit.NANOSECONDS));
        }
    }
}
