package nl.lekwacht.faults;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * What the retrying client saw, message by message, and when: the final answers, every temporary
 * failure, and whether each failure came during the fault. Threads of the client report here; the
 * fault's driver waits here for the moment to act (no sleeping: it wakes on each report).
 */
final class FaultLog {

    private final Map<String, RetryingMta.Outgoing> finalAnswer = new HashMap<>();
    private final Set<String> held = new HashSet<>();
    private final Set<String> deliveredByReply = new HashSet<>();
    private final Set<String> refusedPermanently = new HashSet<>();
    private final Set<String> failedAtEndOfData = new HashSet<>();
    private final Set<String> bsnAcceptedAsDelivered = new HashSet<>();
    private int accepted;
    private int temporary4xx;
    private int broken;
    private int duringFault4xx;
    private int duringFaultBroken;
    private boolean inFault;
    private final java.util.Map<String, Integer> answersDuringFault = new java.util.TreeMap<>();

    synchronized void accepted(RetryingMta.Outgoing message, String reply) {
        if (finalAnswer.putIfAbsent(message.messageId(), message) == null) {
            accepted++;
        }
        if (reply.contains("Held for sender confirmation")) {
            held.add(message.messageId());
        } else {
            deliveredByReply.add(message.messageId());
            if (message.bsn()) {
                bsnAcceptedAsDelivered.add(message.messageId());
            }
        }
        notifyAll();
    }

    synchronized void refused(RetryingMta.Outgoing message, String reply) {
        finalAnswer.putIfAbsent(message.messageId(), message);
        refusedPermanently.add(message.messageId() + " " + reply.lines().findFirst().orElse(""));
        notifyAll();
    }

    synchronized void temporary(RetryingMta.Outgoing message, String reply, boolean atEndOfData) {
        boolean fourXx = reply.startsWith("4");
        if (fourXx) {
            temporary4xx++;
        } else {
            broken++;
        }
        if (inFault) {
            answersDuringFault.merge(reply.lines().findFirst().orElse("").replaceAll("\\(ref [A-Z0-9]+\\)|"
                    + "[0-9a-f]{8,}", "…"), 1, Integer::sum);
            if (fourXx) {
                duringFault4xx++;
            } else {
                duringFaultBroken++;
            }
        }
        if (atEndOfData) {
            failedAtEndOfData.add(message.messageId());
        }
        notifyAll();
    }

    synchronized void faultBegins() {
        inFault = true;
    }

    synchronized void faultEnds() {
        inFault = false;
    }

    /** Waits until {@code count} messages were accepted; false after {@code limit}. */
    synchronized boolean awaitAccepted(int count, Duration limit) throws InterruptedException {
        return await(() -> accepted >= count, limit);
    }

    /** Waits until the fault produced {@code count} temporary failures (4xx or broken); false after {@code limit}. */
    synchronized boolean awaitFailuresDuringFault(int count, Duration limit) throws InterruptedException {
        return await(() -> duringFault4xx + duringFaultBroken >= count, limit);
    }

    /** Waits until the fault produced {@code count} 4xx answers; false after {@code limit}. */
    synchronized boolean awaitFourXxDuringFault(int count, Duration limit) throws InterruptedException {
        return await(() -> duringFault4xx >= count, limit);
    }

    private boolean await(java.util.function.BooleanSupplier done, Duration limit) throws InterruptedException {
        long end = System.nanoTime() + limit.toNanos();
        while (!done.getAsBoolean()) {
            long left = end - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return true;
    }

    /** The first lines of the temporary failures during the fault, with how often each came. */
    synchronized java.util.Map<String, Integer> answersDuringFault() {
        return java.util.Map.copyOf(answersDuringFault);
    }

    synchronized int accepted() {
        return accepted;
    }

    synchronized Set<String> held() {
        return Set.copyOf(held);
    }

    synchronized Set<String> deliveredByReply() {
        return Set.copyOf(deliveredByReply);
    }

    synchronized Set<String> answered() {
        return Set.copyOf(finalAnswer.keySet());
    }

    synchronized Set<String> refusedPermanently() {
        return Set.copyOf(refusedPermanently);
    }

    synchronized Set<String> failedAtEndOfData() {
        return Set.copyOf(failedAtEndOfData);
    }

    synchronized Set<String> bsnAcceptedAsDelivered() {
        return Set.copyOf(bsnAcceptedAsDelivered);
    }

    synchronized int temporary4xx() {
        return temporary4xx;
    }

    synchronized int broken() {
        return broken;
    }

    synchronized int duringFault4xx() {
        return duringFault4xx;
    }

    synchronized int duringFaultBroken() {
        return duringFaultBroken;
    }
}
