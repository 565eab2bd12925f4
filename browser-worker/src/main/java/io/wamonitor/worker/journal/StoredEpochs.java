package io.wamonitor.worker.journal;

import io.wamonitor.worker.session.Epochs;
import java.util.UUID;
import org.h2.mvstore.MVMap;
import org.springframework.stereotype.Component;

/** {@link Epochs} in the journal file: never forgotten (a few bytes per account ever held). */
@Component
class StoredEpochs implements Epochs {

    private final JournalStore store;
    private final MVMap<String, Long> epochs;

    StoredEpochs(JournalStore store) {
        this.store = store;
        this.epochs = store.map("epochs");
    }

    @Override
    public long current(UUID account) {
        Long epoch = epochs.get(account.toString());
        return epoch == null ? 0 : epoch;
    }

    @Override
    public synchronized boolean admit(UUID account, Long epoch) {
        if (epoch == null) {
            return true;
        }
        long current = current(account);
        if (epoch < current) {
            return false;
        }
        if (epoch > current) {
            epochs.put(account.toString(), epoch);
            store.commit();
        }
        return true;
    }
}
