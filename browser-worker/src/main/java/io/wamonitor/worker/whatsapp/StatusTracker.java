package io.wamonitor.worker.whatsapp;

import io.wamonitor.contracts.AccountStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The status machine of docs/WA-JS.md section 5, fed with page events and probes, deriving
 * INIT / QR / AUTH / READY / DISCONNECTED / LOGGED_OUT / FAILED with a reason. Pure: no page, no clock, so it
 * is tested on its own. Not thread-safe: it belongs to the session's owner thread.
 */
public final class StatusTracker {

    /** Stream modes that stay until someone acts (docs/WA-JS.md section 5). */
    private static final Set<String> TERMINAL_MODES =
            Set.of("TOS_BLOCK", "SMB_TOS_BLOCK", "PROXYBLOCK", "DEPRECATED_VERSION");

    private final Observer observer;
    private final int qrMaxBatches;
    private final boolean takeoverOnConflict;

    private AccountStatus status;
    private String reason;
    private String phone;
    private String reportedPhone;
    private String qr;
    private boolean loading = true;
    private boolean registered;
    private boolean idle;
    private boolean loggedOut;
    private boolean needsUpdate;
    private boolean online = true;
    private String mode;
    private String trouble;
    private int qrRefreshes;

    public StatusTracker(Observer observer, int qrMaxBatches, boolean takeoverOnConflict) {
        this.observer = observer;
        this.qrMaxBatches = qrMaxBatches;
        this.takeoverOnConflict = takeoverOnConflict;
    }

    /** What the session should do in the page as a consequence. */
    public enum Action {
        PROBE,
        REFRESH_QR,
        TAKEOVER
    }

    public interface Observer {
        void statusChanged(AccountStatus status, String reason, String phone);

        void qrChanged(String qr);
    }

    public List<Action> onEvent(PageEvent event) {
        List<Action> actions = new ArrayList<>();
        switch (event.type()) {
            case "page.loaded" -> {
                loading = true;
                trouble = null;
                mode = null;
                // A new document: whether it holds a login is the new page's to say. A logout is only read from
                // the page that had been seen registered, never from a page still starting up.
                registered = false;
                idle = false;
                setQr(null);
            }
            case "loader.ready", "loader.full_ready" -> {
                loading = false;
                actions.add(Action.PROBE);
            }
            case "adapter.attached" -> actions.add(Action.PROBE);
            case "conn.auth_code_change" -> {
                setQr(event.text());
                if (qr != null) {
                    registered = false;
                    loggedOut = false;
                    idle = false;
                }
            }
            case "conn.require_auth" -> {
                registered = false;
                actions.add(Action.PROBE);
            }
            case "conn.qrcode_idle" -> {
                idle = true;
                if (qrRefreshes < qrMaxBatches) {
                    qrRefreshes++;
                    actions.add(Action.REFRESH_QR);
                }
            }
            case "conn.authenticated" -> {
                // Only a loaded, injected WhatsApp Web reports this: the page is past loading.
                loading = false;
                registered = true;
                loggedOut = false;
                setQr(null);
            }
            case "conn.stream_mode_changed" -> {
                mode = event.text();
                if ("CONFLICT".equals(mode) && takeoverOnConflict) {
                    actions.add(Action.TAKEOVER);
                }
                actions.add(Action.PROBE);
            }
            case "conn.online" -> online = event.data().asBoolean(true);
            case "conn.needs_update" -> needsUpdate = true;
            case "conn.logout" -> logout();
            default -> {
                return actions;
            }
        }
        derive();
        return actions;
    }

    public void onProbe(Probe probe) {
        if (!probe.ready()) {
            return;
        }
        loading = false;
        if (registered && !probe.registered() && !loggedOut && status != AccountStatus.QR) {
            logout();
        }
        registered = probe.registered();
        if (probe.mode() != null) {
            mode = probe.mode();
        }
        online = probe.online();
        idle = probe.idle();
        if (registered) {
            qrRefreshes = 0;
            String digits = probe.me() == null
                    ? null
                    : probe.me().replaceAll("@.*$", "").replaceAll("[^0-9]", "");
            phone = digits == null || digits.isEmpty() ? phone : digits;
        }
        derive();
    }

    /** The renderer crashed or the browser went away; the session is recovering. */
    public void onTrouble(String what) {
        trouble = what;
        derive();
    }

    /** The page could not be opened at all (browser missing, WhatsApp unreachable). */
    public void onFailure(String why) {
        set(AccountStatus.FAILED, why);
    }

    public AccountStatus status() {
        return status;
    }

    private void logout() {
        loggedOut = true;
        registered = false;
        phone = null;
        setQr(null);
    }

    private void setQr(String newQr) {
        if (!Objects.equals(qr, newQr)) {
            qr = newQr;
            observer.qrChanged(newQr);
        }
    }

    private void derive() {
        if (trouble != null) {
            set(AccountStatus.DISCONNECTED, trouble);
        } else if (loggedOut) {
            set(AccountStatus.LOGGED_OUT, "the device was unlinked from WhatsApp; a new QR code follows");
        } else if (needsUpdate || (mode != null && TERMINAL_MODES.contains(mode))) {
            set(
                    AccountStatus.FAILED,
                    needsUpdate
                            ? "WhatsApp requires a newer WhatsApp Web (DEPRECATED_VERSION)"
                            : "WhatsApp blocked this session (" + mode + ")");
        } else if (!registered) {
            if (qr != null) {
                set(AccountStatus.QR, "scan the QR code with WhatsApp on the phone (Linked devices)");
            } else if (idle) {
                set(AccountStatus.QR, "the QR code expired; restart the session for a new one");
            } else {
                set(AccountStatus.INIT, loading ? "loading WhatsApp Web" : "waiting for the QR code");
            }
        } else if ("CONFLICT".equals(mode)) {
            set(AccountStatus.DISCONNECTED, "WhatsApp Web was opened in another browser (CONFLICT)");
        } else if (!online || "OFFLINE".equals(mode)) {
            set(AccountStatus.DISCONNECTED, "the connection to WhatsApp is lost; reconnecting");
        } else if ("MAIN".equals(mode) && !loading) {
            set(AccountStatus.READY, "connected");
        } else if (loading && status != AccountStatus.AUTH) {
            set(AccountStatus.INIT, "loading WhatsApp Web");
        } else {
            set(AccountStatus.AUTH, "linked; WhatsApp Web is syncing");
        }
    }

    /** Reports a change of status, of reason, or of the phone number learned while READY. */
    private void set(AccountStatus newStatus, String newReason) {
        String newPhone = newStatus == AccountStatus.READY ? phone : null;
        if (newStatus != status || !Objects.equals(newReason, reason) || !Objects.equals(newPhone, reportedPhone)) {
            status = newStatus;
            reason = newReason;
            reportedPhone = newPhone;
            observer.statusChanged(newStatus, newReason, newPhone);
        }
    }
}
