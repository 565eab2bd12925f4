package io.wamonitor.worker.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wamonitor.worker.WorkerSettings;
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
        ProfileStore store =
                new ProfileStore(new BrowserSettings(sessions, null, true, null, null), worker("worker-a"));
        UUID account = UUID.randomUUID();
        Path profile = store.profile(account, "Support", 1L);
        // What a killed Chromium in a container with another hostname leaves behind.
        Files.createSymbolicLink(profile.resolve("SingletonLock"), Path.of("old-container-4242"));
        Files.createSymbolicLink(profile.resolve("SingletonSocket"), Path.of("/tmp/org.chromium.x/SingletonSocket"));
        Files.writeString(profile.resolve("Preferences"), "{}");

        Path reopened = store.profile(account, "Support", 1L);

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
        ProfileStore store =
                new ProfileStore(new BrowserSettings(sessions, null, true, null, null), worker("worker-a"));
        UUID account = UUID.randomUUID();
        Path profile = store.profile(account, "Support", 1L);
        String thisHost = InetAddress.getLocalHost().getHostName();
        Files.createSymbolicLink(
                profile.resolve("SingletonLock"),
                Path.of(thisHost + "-" + ProcessHandle.current().pid()));

        store.profile(account, "Support", 1L);

        assertThat(Files.isSymbolicLink(profile.resolve("SingletonLock")))
                .as("a running browser keeps its lock")
                .isTrue();
    }

    @Test
    void workersSharingAVolumeListAndRemoveOnlyTheProfilesTheyRanLast() throws IOException {
        ProfileStore a = new ProfileStore(new BrowserSettings(sessions, null, true, null, null), worker("worker-a"));
        ProfileStore b = new ProfileStore(new BrowserSettings(sessions, null, true, null, null), worker("worker-b"));
        UUID movedToB = UUID.randomUUID();
        UUID onA = UUID.randomUUID();
        a.profile(movedToB, "Moved", 1L);
        a.profile(onA, "Stays", 1L);
        Path profile = b.profile(movedToB, "Moved", 2L);
        Files.writeString(profile.resolve("Preferences"), "{}");

        assertThat(a.stored()).extracting(ProfileStore.StoredSession::account).containsExactly(onA);
        assertThat(b.stored()).singleElement().satisfies(s -> {
            assertThat(s.account()).isEqualTo(movedToB);
            assertThat(s.worker()).isEqualTo("worker-b");
            assertThat(s.epoch()).isEqualTo(2L);
        });

        a.delete(movedToB);
        assertThat(profile.resolve("Preferences"))
                .as("worker-b's profile stays")
                .exists();
        b.delete(movedToB);
        assertThat(sessions.resolve(movedToB.toString())).doesNotExist();
    }

    @Test
    void aRestoredProfileReplacesTheOldOneOnlyOnceComplete() throws IOException {
        ProfileStore store = new ProfileStore(new BrowserSettings(sessions, null, true, null, null), worker("w"));
        UUID account = UUID.randomUUID();
        Path profile = store.profile(account, "Support", 1L);
        Files.writeString(profile.resolve("Old"), "old");

        assertThatThrownBy(() -> store.replaceProfile(account, target -> {
                    throw new IllegalStateException("damaged backup");
                }))
                .hasMessageContaining("damaged backup");
        assertThat(profile.resolve("Old"))
                .as("a failed restore leaves the profile as it was")
                .exists();

        store.replaceProfile(account, target -> {
            try {
                Files.writeString(target.resolve("New"), "new");
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(profile.resolve("New")).exists();
        assertThat(profile.resolve("Old")).doesNotExist();
    }

    private static WorkerSettings worker(String id) {
        return new WorkerSettings(id, 5, null, 2, null, null, null);
    }
}
