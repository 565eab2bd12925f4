package io.wamonitor.worker.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.wamonitor.worker.browser.BrowserSettings;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProfileStoreTest {

    @TempDir
    Path sessions;

    @Test
    void aProfileLeftLockedByAnotherHostCanBeOpenedAgain() throws IOException {
        ProfileStore store = new ProfileStore(new BrowserSettings(sessions, null, true, null, null));
        UUID account = UUID.randomUUID();
        Path profile = store.profile(account, "Support");
        // What a killed Chromium in a container with another hostname leaves behind.
        Files.createSymbolicLink(profile.resolve("SingletonLock"), Path.of("old-container-4242"));
        Files.createSymbolicLink(profile.resolve("SingletonSocket"), Path.of("/tmp/org.chromium.x/SingletonSocket"));
        Files.writeString(profile.resolve("Preferences"), "{}");

        Path reopened = store.profile(account, "Support");

        assertThat(reopened).isEqualTo(profile);
        assertThat(Files.exists(profile.resolve("SingletonLock"), LinkOption.NOFOLLOW_LINKS))
                .isFalse();
        assertThat(Files.exists(profile.resolve("SingletonSocket"), LinkOption.NOFOLLOW_LINKS))
                .isFalse();
        assertThat(profile.resolve("Preferences")).exists();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(profile)))
                .isEqualTo("rwx------");
        assertThat(store.stored())
                .extracting(ProfileStore.StoredSession::account)
                .containsExactly(account);
    }

    @Test
    void aProfileLockedByALiveProcessOfThisHostIsLeftAlone() throws IOException {
        ProfileStore store = new ProfileStore(new BrowserSettings(sessions, null, true, null, null));
        UUID account = UUID.randomUUID();
        Path profile = store.profile(account, "Support");
        String thisHost = InetAddress.getLocalHost().getHostName();
        Files.createSymbolicLink(
                profile.resolve("SingletonLock"),
                Path.of(thisHost + "-" + ProcessHandle.current().pid()));

        store.profile(account, "Support");

        assertThat(Files.isSymbolicLink(profile.resolve("SingletonLock")))
                .as("a running browser keeps its lock")
                .isTrue();
    }
}
