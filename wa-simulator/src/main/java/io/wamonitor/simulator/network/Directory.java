package io.wamonitor.simulator.network;

import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The numbers on WhatsApp (the directory queryWidExists looks in). */
final class Directory {

    private static final Logger log = LoggerFactory.getLogger(Directory.class);

    private final NetworkState state;

    Directory(NetworkState state) {
        this.state = state;
    }

    void registerNumber(String phone, String name, boolean hidePhoneNumber) {
        String digits = state.validPhone(phone);
        state.numbers.put(digits, name == null || name.isBlank() ? "+" + digits : name);
        if (hidePhoneNumber) {
            state.hiddenNumbers.add(digits);
        } else {
            state.hiddenNumbers.remove(digits);
        }
    }

    /** What a device's LID-PN table knows about {@code wid} ({@code @c.us} or {@code @lid}); empty if no user. */
    Optional<Views.LidEntry> lidEntry(String wid) {
        return state.numberOf(wid)
                .map(number -> new Views.LidEntry(
                        Wids.lid(NetworkState.lidOf(number)),
                        state.hiddenNumbers.contains(number) && Wids.isLid(wid) ? null : Wids.user(number),
                        state.numbers.get(number)));
    }

    void unregisterNumber(String phone) {
        state.numbers.remove(Wids.digits(phone));
    }

    List<Views.NumberView> numbers() {
        return state.numbers.entrySet().stream()
                .map(e -> new Views.NumberView(
                        e.getKey(),
                        Wids.lid(NetworkState.lidOf(e.getKey())),
                        e.getValue(),
                        state.phones.containsKey(e.getKey())
                                && !state.phones.get(e.getKey()).linkedDevices().isEmpty(),
                        state.hiddenNumbers.contains(e.getKey())))
                .toList();
    }
}
