package io.wamonitor.worker.journal;

import io.wamonitor.contracts.event.SendResult;
import io.wamonitor.worker.session.SendLedger;
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
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.h2.mvstore.MVMap;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** The {@link SendLedger} in the journal file; entries are kept a day (longer than any command can be redelivered). */
@Component
class StoredSendLedger implements SendLedger {

    static final Duration KEEP = Duration.ofHours(24);

    private final JournalStore store;
    private final MVMap<String, byte[]> sends;
    private final Clock clock;

    StoredSendLedger(JournalStore store, Clock clock) {
        this.store = store;
        this.sends = store.map("sends");
        this.clock = clock;
    }

    private record Stored(UUID account, String to, String keyId, Instant startedAt, SendResult result) {}

    @Override
    public Optional<SendResult> finished(UUID commandId) {
        return Optional.ofNullable(sends.get(commandId.toString()))
                .map(StoredSendLedger::decode)
                .map(Stored::result);
    }

    @Override
    public synchronized boolean start(UUID commandId, UUID account, String to, String keyId) {
        if (sends.containsKey(commandId.toString())) {
            return false;
        }
        sends.put(commandId.toString(), encode(new Stored(account, to, keyId, clock.instant(), null)));
        store.commit();
        return true;
    }

    @Override
    public synchronized void finish(UUID commandId, SendResult result) {
        byte[] raw = sends.get(commandId.toString());
        Stored started = raw == null ? new Stored(null, null, null, clock.instant(), null) : decode(raw);
        sends.put(
                commandId.toString(),
                encode(new Stored(started.account(), started.to(), started.keyId(), started.startedAt(), result)));
        store.commit();
    }

    @Override
    public List<StartedSend> unfinished(UUID account) {
        List<StartedSend> unfinished = new ArrayList<>();
        for (Iterator<Map.Entry<String, byte[]>> it = sends.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<String, byte[]> entry = it.next();
            Stored stored = decode(entry.getValue());
            if (stored.result() == null && account.equals(stored.account())) {
                unfinished.add(new StartedSend(UUID.fromString(entry.getKey()), stored.to(), stored.keyId()));
            }
        }
        return unfinished;
    }

    @Scheduled(initialDelay = 60_000, fixedDelay = 3_600_000)
    synchronized void purge() {
        Instant cutoff = clock.instant().minus(KEEP);
        List<String> old = new ArrayList<>();
        for (Iterator<Map.Entry<String, byte[]>> it = sends.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<String, byte[]> entry = it.next();
            Stored stored = decode(entry.getValue());
            if (stored.result() != null && stored.startedAt().isBefore(cutoff)) {
                old.add(entry.getKey());
            }
        }
        if (!old.isEmpty()) {
            old.forEach(sends::remove);
            store.commit();
        }
    }

    private static byte[] encode(Stored stored) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream();
                DataOutputStream data = new DataOutputStream(out)) {
            writeNullable(
                    data, stored.account() == null ? null : stored.account().toString());
            writeNullable(data, stored.to());
            writeNullable(data, stored.keyId());
            data.writeLong(stored.startedAt().toEpochMilli());
            SendResult r = stored.result();
            data.writeBoolean(r != null);
            if (r != null) {
                data.writeBoolean(r.ok());
                writeNullable(data, r.code());
                writeNullable(data, r.message());
                writeNullable(data, r.messageId());
                data.writeInt(r.ack() == null ? Integer.MIN_VALUE : r.ack());
                data.writeLong(r.timestamp() == null ? Long.MIN_VALUE : r.timestamp());
                writeNullable(data, r.commandId() == null ? null : r.commandId().toString());
            }
            data.flush();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Stored decode(byte[] raw) {
        try (DataInputStream data = new DataInputStream(new ByteArrayInputStream(raw))) {
            String account = readNullable(data);
            String to = readNullable(data);
            String keyId = readNullable(data);
            Instant startedAt = Instant.ofEpochMilli(data.readLong());
            SendResult result = null;
            if (data.readBoolean()) {
                boolean ok = data.readBoolean();
                String code = readNullable(data);
                String message = readNullable(data);
                String messageId = readNullable(data);
                int ack = data.readInt();
                long timestamp = data.readLong();
                String commandId = readNullable(data);
                result = new SendResult(
                        ok,
                        code,
                        message,
                        messageId,
                        ack == Integer.MIN_VALUE ? null : ack,
                        timestamp == Long.MIN_VALUE ? null : timestamp,
                        commandId == null ? null : UUID.fromString(commandId));
            }
            return new Stored(account == null ? null : UUID.fromString(account), to, keyId, startedAt, result);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeNullable(DataOutputStream data, String value) throws IOException {
        data.writeBoolean(value != null);
        if (value != null) {
            data.writeUTF(value.length() > 4_000 ? value.substring(0, 4_000) : value);
        }
    }

    private static String readNullable(DataInputStream data) throws IOException {
        return data.readBoolean() ? data.readUTF() : null;
    }
}
