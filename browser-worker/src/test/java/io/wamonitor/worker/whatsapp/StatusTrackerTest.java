package io.wamonitor.worker.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.BooleanNode;
import io.wamonitor.contracts.AccountStatus;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StatusTrackerTest {

    private final List<AccountStatus> statuses = new ArrayList<>();
    private final List<String> phones = new ArrayList<>();
    private final List<String> qrs = new ArrayList<>();
    private final StatusTracker tracker = new StatusTracker(
            new StatusTracker.Observer() {
                @Override
                public void statusChanged(AccountStatus status, String reason, String phone) {
                    if (statuses.isEmpty() || statuses.get(statuses.size() - 1) != status) {
                        statuses.add(status);
                    }
                    phones.add(phone);
                }

                @Override
                public void qrChanged(String qr) {
                    qrs.add(qr);
                }
            },
            2,
            false);

    @Test
    void freshLoginGoesFromQrThroughAuthToReady() {
        tracker.onEvent(PageEvent.of("page.loaded"));
        tracker.onEvent(PageEvent.of("loader.ready"));
        tracker.onEvent(PageEvent.of("conn.require_auth"));
        tracker.onEvent(PageEvent.of("conn.stream_mode_changed", "QR"));
        tracker.onEvent(PageEvent.of("conn.auth_code_change", "2@ref,a,b,c"));
        tracker.onEvent(PageEvent.of("conn.auth_code_change", "2@ref2,a,b,c"));
        // the phone scanned; WhatsApp Web reloads itself
        tracker.onEvent(PageEvent.of("page.loaded"));
        tracker.onEvent(PageEvent.of("loader.ready"));
        tracker.onEvent(PageEvent.of("conn.stream_mode_changed", "SYNCING"));
        tracker.onEvent(PageEvent.of("conn.main_loaded"));
        tracker.onEvent(PageEvent.of("conn.authenticated"));
        tracker.onEvent(PageEvent.of("conn.stream_mode_changed", "MAIN"));
        tracker.onProbe(probe(true, true, "MAIN", true, false, "15550001111@c.us"));

        assertThat(statuses)
                .containsSubsequence(AccountStatus.INIT, AccountStatus.QR, AccountStatus.AUTH, AccountStatus.READY);
        assertThat(qrs).containsExactly("2@ref,a,b,c", "2@ref2,a,b,c", null);
        assertThat(phones.get(phones.size() - 1)).isEqualTo("15550001111");
        assertThat(tracker.status()).isEqualTo(AccountStatus.READY);
    }

    @Test
    void aRestoredSessionNeverShowsAQr() {
        tracker.onEvent(PageEvent.of("page.loaded"));
        tracker.onEvent(PageEvent.of("loader.ready"));
        tracker.onEvent(PageEvent.of("conn.auth_code_change"));
        tracker.onProbe(probe(true, true, "SYNCING", true, false, "15550001111@c.us"));
        tracker.onEvent(PageEvent.of("conn.stream_mode_changed", "MAIN"));
        tracker.onProbe(probe(true, true, "MAIN", true, false, "15550001111@c.us"));

        assertThat(statuses).containsExactly(AccountStatus.INIT, AccountStatus.AUTH, AccountStatus.READY);
        assertThat(qrs).isEmpty();
    }

    @Test
    void aRestartedPageStillStartingUpIsNotTakenForALogout() {
        readyAccount();

        // The browser is restarted: the new page answers before it has read its login.
        tracker.onEvent(PageEvent.of("page.loaded"));
        tracker.onEvent(PageEvent.of("loader.ready"));
        tracker.onProbe(probe(true, false, null, true, false, null));
        assertThat(tracker.status()).isNotEqualTo(AccountStatus.LOGGED_OUT);
        tracker.onProbe(probe(true, true, "MAIN", true, false, "15550001111@c.us"));

        assertThat(tracker.status()).isEqualTo(AccountStatus.READY);
        assertThat(statuses).doesNotContain(AccountStatus.LOGGED_OUT, AccountStatus.QR);
    }

    @Test
    void aLoginThatDisappearsFromARunningPageIsALogout() {
        readyAccount();

        tracker.onProbe(probe(true, false, "MAIN", true, false, null));

        assertThat(tracker.status()).isEqualTo(AccountStatus.LOGGED_OUT);
    }

    @Test
    void logoutIsReportedThenANewQrIsOffered() {
        readyAccount();

        tracker.onEvent(PageEvent.of("conn.logout"));
        assertThat(tracker.status()).isEqualTo(AccountStatus.LOGGED_OUT);
        tracker.onEvent(PageEvent.of("page.loaded"));
        assertThat(tracker.status()).as("still logged out while reloading").isEqualTo(AccountStatus.LOGGED_OUT);
        tracker.onEvent(PageEvent.of("conn.auth_code_change", "2@new,a,b,c"));

        assertThat(statuses).endsWith(AccountStatus.READY, AccountStatus.LOGGED_OUT, AccountStatus.QR);
        assertThat(phones.get(phones.size() - 1)).isNull();
    }

    @Test
    void aMissedLogoutEventIsCaughtByTheRegistrationProbe() {
        readyAccount();

        tracker.onProbe(probe(true, false, "QR", true, false, null));

        assertThat(tracker.status()).isEqualTo(AccountStatus.LOGGED_OUT);
    }

    @Test
    void connectivityLossAndConflictDisconnectAndRecover() {
        readyAccount();

        tracker.onEvent(new PageEvent("conn.online", BooleanNode.FALSE));
        assertThat(tracker.status()).isEqualTo(AccountStatus.DISCONNECTED);
        tracker.onEvent(new PageEvent("conn.online", BooleanNode.TRUE));
        assertThat(tracker.status()).isEqualTo(AccountStatus.READY);
        tracker.onEvent(PageEvent.of("conn.stream_mode_changed", "CONFLICT"));
        assertThat(tracker.status()).isEqualTo(AccountStatus.DISCONNECTED);
        tracker.onEvent(PageEvent.of("conn.stream_mode_changed", "MAIN"));
        assertThat(tracker.status()).isEqualTo(AccountStatus.READY);
        tracker.onEvent(PageEvent.of("conn.stream_mode_changed", "TOS_BLOCK"));
        assertThat(tracker.status()).isEqualTo(AccountStatus.FAILED);
    }

    @Test
    void anIdleQrIsRefreshedAFewTimesThenLeftForARestart() {
        tracker.onEvent(PageEvent.of("loader.ready"));
        tracker.onEvent(PageEvent.of("conn.auth_code_change", "2@ref,a,b,c"));

        assertThat(tracker.onEvent(PageEvent.of("conn.qrcode_idle"))).contains(StatusTracker.Action.REFRESH_QR);
        assertThat(tracker.onEvent(PageEvent.of("conn.qrcode_idle"))).contains(StatusTracker.Action.REFRESH_QR);
        assertThat(tracker.onEvent(PageEvent.of("conn.qrcode_idle"))).doesNotContain(StatusTracker.Action.REFRESH_QR);
    }

    @Test
    void aCrashIsADisconnectionUntilThePageIsBack() {
        readyAccount();

        tracker.onTrouble("the page crashed; opening a new one");
        assertThat(tracker.status()).isEqualTo(AccountStatus.DISCONNECTED);
        tracker.onEvent(PageEvent.of("page.loaded"));
        tracker.onEvent(PageEvent.of("loader.ready"));
        tracker.onProbe(probe(true, true, "MAIN", true, false, "15550001111@c.us"));
        assertThat(tracker.status()).isEqualTo(AccountStatus.READY);
    }

    private void readyAccount() {
        tracker.onEvent(PageEvent.of("loader.ready"));
        tracker.onProbe(probe(true, true, "MAIN", true, false, "15550001111@c.us"));
        assertThat(tracker.status()).isEqualTo(AccountStatus.READY);
    }

    /** A probe of a page that loaded (no versions, no server contact yet). */
    private static Probe probe(
            boolean ready, boolean registered, String mode, boolean online, boolean idle, String me) {
        return new Probe(ready, registered, mode, online, idle, me, null, null, null);
    }
}
