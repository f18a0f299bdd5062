package nl.lekwacht.register;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The store contract in memory, for unit tests of the register's rules. */
final class InMemoryIncidentStore implements IncidentStore {

    private final Map<Long, Incident> incidents = new ConcurrentHashMap<>();
    final List<AuditEntry> audit = new ArrayList<>();
    private final Map<String, ReportLink> links = new ConcurrentHashMap<>();
    private final Map<String, Integer> submissions = new ConcurrentHashMap<>();
    private long next = 1;

    @Override
    public synchronized Opened open(Incident d, List<AuditEntry> entries) {
        if (!d.messageKey().isEmpty()) {
            Optional<Incident> existing = findByMessageKey(d.messageKey());
            if (existing.isPresent()) {
                return new Opened(existing.get(), false);
            }
        }
        long id = next++;
        Incident stored = new Incident(id, d.status(), d.origin(), d.messageKey(), d.message(), d.answers(),
                d.statusReason(), d.createdAt(), d.updatedAt());
        incidents.put(id, stored);
        entries.forEach(e -> audit.add(new AuditEntry(id, e.at(), e.actor(), e.field(), e.oldValue(), e.newValue())));
        return new Opened(stored, true);
    }

    private final Map<Long, Merge> merges = new ConcurrentHashMap<>();

    @Override
    public synchronized boolean merge(Merge merge, List<AuditEntry> entries) {
        if (merges.putIfAbsent(merge.incidentId(), merge) != null) {
            return false;
        }
        audit.addAll(entries);
        return true;
    }

    @Override
    public synchronized boolean unmerge(long incidentId, List<AuditEntry> entries) {
        if (merges.remove(incidentId) == null) {
            return false;
        }
        audit.addAll(entries);
        return true;
    }

    @Override
    public List<Merge> merges() {
        return List.copyOf(merges.values());
    }

    @Override
    public Optional<Incident> find(long id) {
        return Optional.ofNullable(incidents.get(id));
    }

    @Override
    public Optional<Incident> findByMessageKey(String key) {
        return incidents.values().stream().filter(i -> i.messageKey().equals(key)).findFirst();
    }

    @Override
    public List<Incident> list(Optional<Status> status) {
        return incidents.values().stream().filter(i -> status.map(s -> i.status() == s).orElse(true)).toList();
    }

    @Override
    public synchronized void update(Incident incident, List<AuditEntry> entries) {
        incidents.put(incident.id(), incident);
        audit.addAll(entries);
    }

    @Override
    public synchronized List<AuditEntry> audit(long id) {
        return audit.stream().filter(e -> e.incidentId() == id).toList();
    }

    @Override
    public void saveReportLink(ReportLink link) {
        links.put(link.tokenHash(), link);
    }

    @Override
    public boolean countReportSubmission(String tokenHash, int max) {
        int[] taken = {0};
        submissions.compute(tokenHash, (k, n) -> {
            int now = n == null ? 0 : n;
            taken[0] = now < max && links.containsKey(k) ? 1 : 0;
            return now + taken[0];
        });
        return taken[0] == 1;
    }

    @Override
    public Optional<ReportLink> findReportLink(String hash) {
        return Optional.ofNullable(links.get(hash));
    }

    @Override
    public int stripFinishedBefore(Instant before) {
        return 0;
    }

    @Override
    public int deleteAuditBefore(Instant before) {
        return 0;
    }

    @Override
    public int deleteReportLinksBefore(Instant before) {
        return 0;
    }
}
