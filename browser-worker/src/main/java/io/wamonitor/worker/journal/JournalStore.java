package io.wamonitor.worker.journal;

import io.wamonitor.worker.WorkerSettings;
import io.wamonitor.worker.browser.BrowserSettings;
import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The worker's journal file: H2's MVStore, a maintained embedded store (the same engine as the embedded
 * MongoDB's), chosen over a hand-written append-only file because it already gives what such a file needs and is
 * easy to get wrong: append-only chunks with checksums where the last complete commit wins after a crash, reuse of
 * the space of removed entries, and ordered maps. Every change is committed before the caller goes on, so a
 * {@code kill -9} of the worker loses nothing (the data is in the operating system's cache); a power loss can lose
 * the last second, as MVStore does not fsync each commit. One file per worker id, so workers sharing a volume
 * never share a journal.
 */
@Component
public class JournalStore {

    private static final Logger log = LoggerFactory.getLogger(JournalStore.class);

    private final MVStore store;
    private final Path file;

    JournalStore(JournalSettings settings, BrowserSettings browser, WorkerSettings worker) {
        Path dir =
                settings.dir() != null ? settings.dir() : browser.sessionsDir().resolve(".journal");
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the journal directory " + dir, e);
        }
        this.file = dir.toAbsolutePath().normalize().resolve(worker.id().replaceAll("[^A-Za-z0-9._-]", "_") + ".mv.db");
        this.store = new MVStore.Builder()
                .fileName(file.toString())
                .autoCommitDisabled()
                .open();
        log.info("Worker journal: {}", file);
    }

    <K, V> MVMap<K, V> map(String name) {
        return store.openMap(name);
    }

    /** Makes every change so far durable against a crash of this process. */
    synchronized void commit() {
        store.commit();
    }

    Path file() {
        return file;
    }

    @PreDestroy
    synchronized void close() {
        if (!store.isClosed()) {
            store.close();
        }
    }
}
