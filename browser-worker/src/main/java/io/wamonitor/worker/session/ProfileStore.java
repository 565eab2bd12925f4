package io.wamonitor.worker.session;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wamonitor.worker.WorkerSettings;
import io.wamonitor.worker.browser.BrowserSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * One directory per account under {@code WHATSAPP_SESSIONS_DIR}: {@code <id>/profile} is the Chromium profile
 * (the WhatsApp login lives in its IndexedDB, like whatsapp-web.js's LocalAuth) and {@code <id>/session.json}
 * remembers the account's name, the worker that last ran it and under which assignment epoch. Directories are
 * 0700: a profile is a logged-in WhatsApp account. Workers that share a volume see each other's directories:
 * each lists and removes only its own, and none starts a profile another worker ran under a newer epoch.
 */
@Component
public class ProfileStore {

    private static final Logger log = LoggerFactory.getLogger(ProfileStore.class);
    private final Path root;
    private final String workerId;
    private final ObjectMapper json = new ObjectMapper();

    ProfileStore(BrowserSettings settings, WorkerSettings worker) {
        this.root = settings.sessionsDir().toAbsolutePath().normalize();
        this.workerId = worker.id();
        createPrivate(root);
    }

    /**
     * @param worker the worker that last ran it (null: written before workers recorded themselves)
     * @param epoch  the assignment epoch it last ran under (null: none)
     */
    public record StoredSession(UUID account, String name, String worker, Long epoch) {}

    /** The account's profile, marked as run by this worker under {@code epoch}. */
    Path profile(UUID account, String name, Long epoch) {
        Path dir = root.resolve(account.toString());
        createPrivate(dir);
        Path profile = dir.resolve("profile");
        createPrivate(profile);
        releaseStaleLock(profile);
        Map<String, Object> meta = new LinkedHashMap<>();
        meta.put("account_id", account.toString());
        meta.put("name", name == null ? "" : name);
        meta.put("worker_id", workerId);
        meta.put("epoch", epoch);
        try {
            Files.writeString(dir.resolve("session.json"), json.writeValueAsString(meta));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return profile;
    }

    /** What the account's session.json says, if it has one. */
    Optional<StoredSession> read(UUID account) {
        return read(root.resolve(account.toString()), account);
    }

    private Optional<StoredSession> read(Path dir, UUID account) {
        Path meta = dir.resolve("session.json");
        if (!Files.isRegularFile(meta)) {
            return Optional.empty();
        }
        try {
            JsonNode node = json.readTree(meta.toFile());
            String worker =
                    node.path("worker_id").isTextual() ? node.path("worker_id").asText() : null;
            Long epoch =
                    node.path("epoch").isIntegralNumber() ? node.path("epoch").asLong() : null;
            return Optional.of(new StoredSession(account, node.path("name").asText(""), worker, epoch));
        } catch (IOException e) {
            log.warn("Cannot read {}: {}", meta, e.getMessage());
            return Optional.empty();
        }
    }

    /** Whether this worker may treat the account's directory as its own (it ran it last, or nobody recorded). */
    boolean ownedHere(UUID account) {
        return read(account)
                .map(s -> s.worker() == null || workerId.equals(s.worker()))
                .orElse(true);
    }

    /**
     * Replaces the account's profile with what {@code fill} writes into an empty directory: the old profile goes
     * only once the new one is complete.
     */
    void replaceProfile(UUID account, Consumer<Path> fill) {
        Path dir = root.resolve(account.toString());
        createPrivate(dir);
        Path incoming = dir.resolve("profile.incoming");
        removeTree(incoming);
        createPrivate(incoming);
        try {
            fill.accept(incoming);
            Path profile = dir.resolve("profile");
            removeTree(profile);
            Files.move(incoming, profile, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot put the restored profile of " + account + " in place", e);
        } finally {
            removeTree(incoming);
        }
    }

    /** Where an account's browser profile is (whether or not it exists yet). */
    Path profileDir(UUID account) {
        return root.resolve(account.toString()).resolve("profile");
    }

    /**
     * Chromium marks a profile in use with Singleton* links; the lock names the host and process
     * ({@code host-pid}). A worker that was killed leaves them behind, and in a container recreated with another
     * hostname Chromium then refuses the profile as "in use on another computer". The marks are removed when
     * they name another host or a process that is gone; a live Chromium of this host keeps its profile.
     */
    private static void releaseStaleLock(Path profile) {
        Path lock = profile.resolve("SingletonLock");
        if (!Files.isSymbolicLink(lock)) {
            return;
        }
        try {
            String owner = Files.readSymbolicLink(lock).toString();
            int dash = owner.lastIndexOf('-');
            String host = dash > 0 ? owner.substring(0, dash) : owner;
            long pid = dash > 0 ? Long.parseLong(owner.substring(dash + 1)) : -1;
            if (host.equals(InetAddress.getLocalHost().getHostName())
                    && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
                return;
            }
            for (String mark : new String[] {"SingletonLock", "SingletonSocket", "SingletonCookie"}) {
                Files.deleteIfExists(profile.resolve(mark));
            }
        } catch (IOException | NumberFormatException e) {
            log.warn("Could not check the profile lock of {}: {}", profile, e.getMessage());
        }
    }

    /** Accounts whose profile is on this worker's disk and was last run by this worker (or by nobody recorded). */
    public List<StoredSession> stored() {
        return all().stream()
                .filter(s -> s.worker() == null || workerId.equals(s.worker()))
                .toList();
    }

    private List<StoredSession> all() {
        List<StoredSession> sessions = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(root)) {
            for (Path dir : dirs.filter(Files::isDirectory).toList()) {
                UUID account;
                try {
                    account = UUID.fromString(dir.getFileName().toString());
                } catch (IllegalArgumentException notAnAccount) {
                    continue;
                }
                sessions.add(read(dir, account).orElse(new StoredSession(account, "", null, null)));
            }
        } catch (IOException e) {
            log.warn("Cannot list {}: {}", root, e.getMessage());
        }
        return sessions;
    }

    /**
     * Removes the account's directory (the browser must be closed), unless another worker ran it last (a shared
     * volume): that one's is not this worker's to remove.
     */
    void delete(UUID account) {
        if (!ownedHere(account)) {
            log.info("Account {}: its profile was last run by another worker; left in place", account);
            return;
        }
        removeTree(root.resolve(account.toString()));
    }

    private static void removeTree(Path dir) {
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            log.warn("Could not remove {} completely: {}", dir, e.getMessage());
        }
    }

    private static void createPrivate(Path dir) {
        try {
            Files.createDirectories(dir);
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create " + dir, e);
        }
    }
}
