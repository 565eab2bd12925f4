package io.wamonitor.worker.journal;

import io.wamonitor.worker.session.CaptureLog;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.UUID;
import org.h2.mvstore.MVMap;
import org.springframework.stereotype.Component;

/**
 * Capture cursors, kept in the journal file: per account the floor (when capture started: history before it is
 * never reported), the WhatsApp time of the newest confirmed message, and the ids of the messages confirmed
 * recently (within the backfill slack), so that a backfill reports exactly those not yet confirmed.
 */
@Component
public class CaptureCursors implements CaptureLog {

    /** Confirmed ids are kept this far below the cursor, beyond the backfill slack. */
    private static final long KEEP_BELOW_SECONDS = 3_600;
    /** Old confirmed ids are dropped every this many confirmed batches (a scan of the account's ids). */
    private static final int PRUNE_EVERY = 50;

    private final JournalStore store;
    private final Outbox outbox;
    private final long slackSeconds;
    private final MVMap<String, Long> floors;
    private final MVMap<String, Long> cursors;
    private final MVMap<String, Long> confirmedIds;
    private long confirms;

    CaptureCursors(JournalStore store, Outbox outbox, JournalSettings settings) {
        this.store = store;
        this.outbox = outbox;
        this.slackSeconds = settings.backfillSlack().toSeconds();
        this.floors = store.map("capture_floor");
        this.cursors = store.map("capture_cursor");
        this.confirmedIds = store.map("capture_confirmed");
    }

    @Override
    public OptionalLong backfillSince(UUID account) {
        Long floor = floors.get(account.toString());
        if (floor == null) {
            return OptionalLong.empty();
        }
        Long cursor = cursors.get(account.toString());
        return OptionalLong.of(cursor == null ? floor : Math.max(floor, cursor - slackSeconds));
    }

    @Override
    public void startCursor(UUID account, long epochSeconds) {
        if (floors.putIfAbsent(account.toString(), epochSeconds) == null) {
            store.commit();
        }
    }

    @Override
    public void restartCursor(UUID account, long epochSeconds) {
        floors.put(account.toString(), epochSeconds);
        cursors.remove(account.toString());
        store.commit();
    }

    @Override
    public boolean captured(UUID account, String messageId) {
        return confirmedIds.containsKey(key(account, messageId)) || outbox.holdsMessage(account, messageId);
    }

    @Override
    public boolean hasRoom() {
        return outbox.hasRoom(1024 * 1024);
    }

    /**
     * The broker confirmed these events: messages among them move their account's cursor. Called before the
     * outbox lets go of them, so a message is always either waiting or confirmed.
     */
    public void confirmed(List<Outbox.Entry> batch) {
        boolean changed = false;
        for (Outbox.Entry entry : batch) {
            if (entry.messageId() == null || entry.account() == null) {
                continue;
            }
            String account = entry.account().toString();
            confirmedIds.put(key(entry.account(), entry.messageId()), entry.messageTime());
            cursors.merge(account, entry.messageTime(), Math::max);
            changed = true;
        }
        if (changed) {
            if (++confirms % PRUNE_EVERY == 0) {
                prune(batch);
            }
            store.commit();
        }
    }

    /** Forgets a deleted account. */
    public void forget(UUID account) {
        floors.remove(account.toString());
        cursors.remove(account.toString());
        List<String> keys = new ArrayList<>();
        for (Iterator<String> it = confirmedIds.keyIterator(account + "|"); it.hasNext(); ) {
            String key = it.next();
            if (!key.startsWith(account + "|")) {
                break;
            }
            keys.add(key);
        }
        keys.forEach(confirmedIds::remove);
        store.commit();
    }

    private void prune(List<Outbox.Entry> batch) {
        batch.stream()
                .map(Outbox.Entry::account)
                .filter(Objects::nonNull)
                .distinct()
                .forEach(account -> {
                    Long cursor = cursors.get(account.toString());
                    if (cursor == null) {
                        return;
                    }
                    long keepFrom = cursor - slackSeconds - KEEP_BELOW_SECONDS;
                    List<String> old = new ArrayList<>();
                    for (Iterator<String> it = confirmedIds.keyIterator(account + "|"); it.hasNext(); ) {
                        String key = it.next();
                        if (!key.startsWith(account + "|")) {
                            break;
                        }
                        Long t = confirmedIds.get(key);
                        if (t != null && t < keepFrom) {
                            old.add(key);
                        }
                    }
                    old.forEach(confirmedIds::remove);
                });
    }

    private static String key(UUID account, String messageId) {
        return account + "|" + messageId;
    }
}
