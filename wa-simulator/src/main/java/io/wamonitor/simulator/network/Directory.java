package io.wamonitor.simulator.network;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The numbers on WhatsApp (the directory queryWidExists looks in). */
final class Directory {

    private static final Logger log = LoggerFactory.getLogger(Directory.class);

    private final NetworkState state;

    Directory(NetworkState state) {
        this.state = state;
    }

    void registerNumber(String phone, String name) {
        String digits = state.validPhone(phone);
        state.numbers.put(digits, name == null || name.isBlank() ? "+" + digits : name);
    }

    void unregisterNumber(String phone) {
        state.numbers.remove(Wids.digits(phone));
    }

    List<Views.NumberView> numbers() {
        return state.numbers.entrySet().stream()
                .map(e -> new Views.NumberView(
                        e.getKey(),
                        e.getValue(),
                        state.phones.containsKey(e.getKey())
                                && !state.phones.get(e.getKey()).linkedDevices().isEmpty()))
                .toList();
    }
}
