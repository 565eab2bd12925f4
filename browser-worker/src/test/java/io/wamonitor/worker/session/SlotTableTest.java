package io.wamonitor.worker.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class SlotTableTest {

    private final SlotTable slots = new SlotTable(2);

    @Test
    void admitsUntilFullAndSaysWhyWhenFull() {
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();

        assertThat(slots.admit(a)).isEqualTo(new Admission.Admitted(1));
        assertThat(slots.admit(b)).isEqualTo(new Admission.Admitted(2));
        assertThat(slots.admit(UUID.randomUUID())).isEqualTo(new Admission.Full(2));
        assertThat(slots.used()).isEqualTo(2);
        assertThat(slots.accounts()).containsExactly(a, b);
    }

    @Test
    void admittingAHeldAccountAgainChangesNothing() {
        UUID a = UUID.randomUUID();
        slots.admit(a);

        assertThat(slots.admit(a)).isEqualTo(new Admission.AlreadyHeld(1));
        assertThat(slots.used()).isEqualTo(1);
    }

    @Test
    void releasingFreesTheSlotForTheNextAccount() {
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        slots.admit(a);
        slots.admit(b);

        assertThat(slots.release(a)).isTrue();
        assertThat(slots.release(a)).isFalse();
        assertThat(slots.holds(a)).isFalse();
        assertThat(slots.admit(UUID.randomUUID())).isEqualTo(new Admission.Admitted(1));
    }
}
