package io.wamonitor.worker.session;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.wamonitor.worker.browser.BrowserSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * One directory per account under {@code WHATSAPP_SESSIONS_DIR}: {@code <id>/profile} is the Chromium profile
 * (the WhatsApp login lives in its IndexedDB, like whatsapp-web.js's LocalAuth) and {@code <id>/session.json}
 * remembers the account's name. Directories are 0700: a profile is a logged-in WhatsApp account.
 */
@Component
public class ProfileStore {

    private static final Logger log = LoggerFactory.getLogger(ProfileStore.class);
    private final Path root;
    private final ObjectMapper json = new ObjectMapper();

    ProfileStore(BrowserSettings settings) {
        this.root = settings.sessionsDir().toAbsolutePath().normalize();
        createPrivate(root);
    }

    public record StoredSession(UUID account, String name) {}

    Path profile(UUID account, String name) {
        Path dir = root.resolve(account.toString());
        createPrivate(dir);
        Path profile = dir.resolve("profile");
        createPrivate(profile);
        releaseStaleLock(profile);
        try {
            Files.writeString(
                    dir.resolve("session.json"),
                    json.writeValueAsString(
                            Map.of("account_id", account.toString(), "name", name == null ? "" : name)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return profile;
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

    /** Accounts whose profile is on disk, for relaunching them when the worker starts. */
    public List<StoredSession> stored() {
        List<StoredSession> sessions = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(root)) {
            for (Path dir : dirs.filter(Files::isDirectory).toList()) {
                UUID account;
                try {
                    account = UUID.fromString(dir.getFileName().toString());
                } catch (IllegalArgumentException notAnAccount) {
                    continue;
                }
                String name = "";
                Path meta = dir.resolve("session.json");
                if (Files.isRegularFile(meta)) {
                    JsonNode node = json.readTree(meta.toFile());
                    name = node.path("name").asText("");
                }
                sessions.add(new StoredSession(account, name));
            }
        } catch (IOException e) {
            log.warn("Cannot list {}: {}", root, e.getMessage());
        }
        return sessions;
    }

    /** Removes the account's directory; the browser must be closed. */
    void delete(UUID account) {
        Path dir = root.resolve(account.toString());
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            log.warn("Could not remove the profile of account {} completely: {}", account, e.getMessage());
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
