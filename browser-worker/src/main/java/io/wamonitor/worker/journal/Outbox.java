package io.wamonitor.worker.journal;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.h2.mvstore.MVMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Events the worker captured and the broker has not confirmed yet, in the order they were captured. An event is
 * recorded here (durably) before anyone may rely on it, handed to the broker from here, and removed only once the
 * broker confirmed it; after a crash the relay starts again from the oldest. Bounded by
 * {@code WORKER_JOURNAL_MAX_BYTES}.
 */
@Component
public class Outbox {

    private static final Logger log = LoggerFactory.getLogger(Outbox.class);

    /**
     * One recorded event.
     *
     * @param messageId   WhatsApp's message id when the event is a captured message (for the capture cursor)
     * @param messageTime the message's WhatsApp timestamp (epoch seconds), 0 when not a message
     */
    public record Entry(
            long seq,
            UUID account,
            String type,
            UUID envelopeId,
            String messageId,
            long messageTime,
            Instant recordedAt,
            byte[] body) {

        long size() {
            return body.length + 128L;
        }
    }

    private final JournalStore store;
    private final MVMap<Long, byte[]> entries;
    private final long maxBytes;
    private final Clock clock;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition recorded = lock.newCondition();
    private final Set<String> pendingMessages = new HashSet<>();
    private final Counter rejected;
    private long bytes;
    private long nextSeq;

    Outbox(JournalStore store, JournalSettings settings, Clock clock, MeterRegistry meters) {
        this.store = store;
        this.entries = store.map("outbox");
        this.maxBytes = settings.maxBytes();
        this.clock = clock;
        for (Iterator<Map.Entry<Long, byte[]>> it = entries.entrySet().iterator(); it.hasNext(); ) {
            Entry entry = decode(it.next().getValue());
            bytes += entry.size();
            if (entry.messageId() != null) {
                pendingMessages.add(key(entry.account(), entry.messageId()));
            }
        }
        Long last = entries.lastKey();
        this.nextSeq = last == null ? 1 : last + 1;
        if (!entries.isEmpty()) {
            log.info(
                    "The journal holds {} events the broker has not confirmed yet; they are sent first",
                    entries.size());
        }
        Gauge.builder("wamonitor.worker.journal.events", this, Outbox::depth)
                .description("Captured events not yet confirmed by the broker (kept in the worker's journal)")
                .register(meters);
        Gauge.builder("wamonitor.worker.journal.size", this, Outbox::bytes)
                .baseUnit("bytes")
                .description("Size of the unconfirmed events, media included (WORKER_JOURNAL_MAX_BYTES bounds it)")
                .register(meters);
        Gauge.builder("wamonitor.worker.journal.limit", this, o -> o.maxBytes)
                .baseUnit("bytes")
                .description("WORKER_JOURNAL_MAX_BYTES: beyond it new messages wait in WhatsApp Web")
                .register(meters);
        Gauge.builder(
                        "wamonitor.worker.journal.oldest.age",
                        this,
                        o -> o.oldestAge().toMillis() / 1000.0)
                .baseUnit("seconds")
                .description("How long the oldest unconfirmed event has waited")
                .register(meters);
        this.rejected = Counter.builder("wamonitor.worker.journal.rejected")
                .description("Events not recorded because the journal was full (messages are fetched again later)")
                .register(meters);
    }

    /**
     * Records an event durably. False when the journal is full: the caller must not treat the event as handled
     * (a message is then left to the capture cursor).
     */
    public boolean record(UUID account, String type, UUID envelopeId, String messageId, long messageTime, byte[] body) {
        lock.lock();
        try {
            Entry entry = new Entry(nextSeq, account, type, envelopeId, messageId, messageTime, clock.instant(), body);
            if (bytes + entry.size() > maxBytes && !entries.isEmpty()) {
                rejected.increment();
                log.warn("The journal is full ({} bytes); not recording {} for account {}", bytes, type, account);
                return false;
            }
            entries.put(entry.seq(), encode(entry));
            store.commit();
            nextSeq++;
            bytes += entry.size();
            if (messageId != null) {
                pendingMessages.add(key(account, messageId));
            }
            recorded.signalAll();
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** Whether a message of the account is recorded and waiting for the broker. */
    public boolean holdsMessage(UUID account, String messageId) {
        lock.lock();
        try {
            return pendingMessages.contains(key(account, messageId));
        } finally {
            lock.unlock();
        }
    }

    /** The oldest events, at most {@code max} (and about {@code maxBytes} together), waiting up to {@code wait}. */
    public List<Entry> oldest(int max, long batchBytes, Duration wait) throws InterruptedException {
        lock.lock();
        try {
            if (entries.isEmpty()) {
                recorded.await(wait.toMillis(), TimeUnit.MILLISECONDS);
            }
            List<Entry> batch = new ArrayList<>();
            long size = 0;
            for (Iterator<Map.Entry<Long, byte[]>> it = entries.entrySet().iterator();
                    it.hasNext() && batch.size() < max && (batch.isEmpty() || size < batchBytes); ) {
                Entry entry = decode(it.next().getValue());
                batch.add(entry);
                size += entry.size();
            }
            return batch;
        } finally {
            lock.unlock();
        }
    }

    /** The broker confirmed these events: they are done. */
    public void confirmed(List<Entry> batch) {
        lock.lock();
        try {
            for (Entry entry : batch) {
                if (entries.remove(entry.seq()) != null) {
                    bytes -= entry.size();
                    if (entry.messageId() != null) {
                        pendingMessages.remove(key(entry.account(), entry.messageId()));
                    }
                }
            }
            store.commit();
        } finally {
            lock.unlock();
        }
    }

    /** Drops what is waiting for a deleted account (its gateway record is gone too). */
    public void forget(UUID account) {
        lock.lock();
        try {
            List<Long> seqs = new ArrayList<>();
            for (Iterator<Map.Entry<Long, byte[]>> it = entries.entrySet().iterator(); it.hasNext(); ) {
                Map.Entry<Long, byte[]> e = it.next();
                Entry entry = decode(e.getValue());
                if (account.equals(entry.account())) {
                    seqs.add(e.getKey());
                    bytes -= entry.size();
                }
            }
            seqs.forEach(entries::remove);
            pendingMessages.removeIf(k -> k.startsWith(account + "|"));
            store.commit();
        } finally {
            lock.unlock();
        }
    }

    public int depth() {
        return entries.size();
    }

    public long bytes() {
        lock.lock();
        try {
            return bytes;
        } finally {
            lock.unlock();
        }
    }

    /** Whether there is room for about {@code size} more bytes. */
    public boolean hasRoom(long size) {
        return bytes() + size < maxBytes;
    }

    Duration oldestAge() {
        Long first = entries.firstKey();
        if (first == null) {
            return Duration.ZERO;
        }
        byte[] raw = entries.get(first);
        return raw == null ? Duration.ZERO : Duration.between(decode(raw).recordedAt(), clock.instant());
    }

    private static String key(UUID account, String messageId) {
        return account + "|" + messageId;
    }

    private static byte[] encode(Entry entry) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream(entry.body().length + 128);
                DataOutputStream data = new DataOutputStream(out)) {
            data.writeLong(entry.seq());
            data.writeUTF(entry.account() == null ? "" : entry.account().toString());
            data.writeUTF(entry.type());
            data.writeUTF(entry.envelopeId().toString());
            data.writeUTF(entry.messageId() == null ? "" : entry.messageId());
            data.writeLong(entry.messageTime());
            data.writeLong(entry.recordedAt().toEpochMilli());
            data.writeInt(entry.body().length);
            data.write(entry.body());
            data.flush();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Entry decode(byte[] raw) {
        try (DataInputStream data = new DataInputStream(new ByteArrayInputStream(raw))) {
            long seq = data.readLong();
            String account = data.readUTF();
            String type = data.readUTF();
            UUID envelopeId = UUID.fromString(data.readUTF());
            String messageId = data.readUTF();
            long messageTime = data.readLong();
            Instant recordedAt = Instant.ofEpochMilli(data.readLong());
            byte[] body = new byte[data.readInt()];
            data.readFully(body);
            return new Entry(
                    seq,
                    account.isEmpty() ? null : UUID.fromString(account),
                    type,
                    envelopeId,
                    messageId.isEmpty() ? null : messageId,
                    messageTime,
                    recordedAt,
                    body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
